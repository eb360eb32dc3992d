/**
 * A binary min-heap of integer items by priority, for route-around.ts's A*. On equal priority the
 * item with the larger `depth` (the cost so far) comes first, which lets A* run straight down a
 * plateau of equal estimates instead of widening it; then the smaller item, so the order is fixed.
 * Typed arrays grown by doubling: a search pushes many thousands of items.
 */
export class MinHeap {
  private keys = new Float64Array(256);
  private depths = new Float64Array(256);
  private items = new Int32Array(256);
  size = 0;

  push(key: number, depth: number, item: number): void {
    if (this.size === this.items.length) this.grow();
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!first(key, depth, item, this.keys[parent]!, this.depths[parent]!, this.items[parent]!)) break;
      this.move(parent, k);
      k = parent;
    }
    this.set(k, key, depth, item);
  }

  /** The priority of the first item (the heap must not be empty). */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Removes and returns the first item (the heap must not be empty). */
  pop(): number {
    const top = this.items[0]!;
    const last = --this.size;
    const key = this.keys[last]!;
    const depth = this.depths[last]!;
    const item = this.items[last]!;
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= last) break;
      if (c + 1 < last && this.slotFirst(c + 1, c)) c++;
      if (!first(this.keys[c]!, this.depths[c]!, this.items[c]!, key, depth, item)) break;
      this.move(c, k);
      k = c;
    }
    if (last > 0) this.set(k, key, depth, item);
    return top;
  }

  private slotFirst(a: number, b: number): boolean {
    return first(this.keys[a]!, this.depths[a]!, this.items[a]!, this.keys[b]!, this.depths[b]!, this.items[b]!);
  }

  private move(from: number, to: number): void {
    this.set(to, this.keys[from]!, this.depths[from]!, this.items[from]!);
  }

  private set(at: number, key: number, depth: number, item: number): void {
    this.keys[at] = key;
    this.depths[at] = depth;
    this.items[at] = item;
  }

  private grow(): void {
    const size = this.items.length * 2;
    const keys = new Float64Array(size);
    const depths = new Float64Array(size);
    const items = new Int32Array(size);
    keys.set(this.keys);
    depths.set(this.depths);
    items.set(this.items);
    this.keys = keys;
    this.depths = depths;
    this.items = items;
  }
}

/** True when entry a goes before entry b. */
function first(keyA: number, depthA: number, itemA: number, keyB: number, depthB: number, itemB: number): boolean {
  return keyA < keyB || (keyA === keyB && (depthA > depthB || (depthA === depthB && itemA < itemB)));
}
