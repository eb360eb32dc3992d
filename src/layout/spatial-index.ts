/**
 * Rectangles in buckets of a uniform grid, so "what is near here" costs the size of the answer,
 * not of the diagram (challenges.ts asks it once per challenge of a diagram with thousands of
 * boxes and edges). Answers come in insertion order, as a filter over the whole list would give.
 */
import type { Rect } from './route-lines.js';

const CELL = 400;

export class SpatialIndex<T> {
  private items: T[] = [];
  private cells = new Map<string, number[]>();
  private seen: number[] = [];
  private gone: boolean[] = [];
  private stamp = 0;

  constructor(private readonly boxOf: (item: T) => Rect) {}

  add(item: T): void {
    const k = this.items.length;
    this.items.push(item);
    this.seen.push(0);
    this.gone.push(false);
    this.forCells(this.boxOf(item), (key) => {
      const list = this.cells.get(key);
      if (list) list.push(k);
      else this.cells.set(key, [k]);
    });
  }

  /** The items whose rectangle meets `area` (closed rectangles), in the order they were added. */
  near(area: Rect): T[] {
    this.stamp++;
    const found: number[] = [];
    this.forCells(area, (key) => {
      for (const k of this.cells.get(key) ?? []) {
        if (this.seen[k] === this.stamp || this.gone[k]) continue;
        this.seen[k] = this.stamp;
        const r = this.boxOf(this.items[k]!);
        if (r.x0 <= area.x1 && area.x0 <= r.x1 && r.y0 <= area.y1 && area.y0 <= r.y1) found.push(k);
      }
    });
    return found.sort((a, b) => a - b).map((k) => this.items[k]!);
  }

  /** Takes out every item `which` picks (they stay in memory, out of every answer). */
  remove(which: (item: T) => boolean): void {
    this.items.forEach((item, k) => {
      if (which(item)) this.gone[k] = true;
    });
  }

  private forCells(r: Rect, visit: (key: string) => void): void {
    for (let cx = Math.floor(r.x0 / CELL); cx <= Math.floor(r.x1 / CELL); cx++) {
      for (let cy = Math.floor(r.y0 / CELL); cy <= Math.floor(r.y1 / CELL); cy++) visit(`${cx},${cy}`);
    }
  }
}
