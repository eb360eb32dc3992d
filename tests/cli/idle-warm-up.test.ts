/**
 * Watch mode's idle warm-up (src/cli/idle-warm-up.ts): the compile worker lays out the last
 * compile's ELK graphs again while it waits, stops the moment a compile starts, never touches the
 * graphs the compile used, and skips graphs too big to repeat without holding up an edit.
 */
import { describe, expect, it } from 'vitest';
import { IdleWarmUp } from '../../src/cli/idle-warm-up.js';
import { buildGraph } from '../../src/layout/elk-graph.js';
import { runElk } from '../../src/layout/run-elk.js';
import { shapeFor } from '../../src/layout/shapes.js';
import { randomTree } from '../layout/model-helper.js';

function graphOf(seed: number, size: number) {
  const model = randomTree(seed, size);
  return buildGraph(model, model.elements.map((e) => shapeFor(e.id, e.kind, e.text, e.undeveloped, e.uninstantiated))).graph;
}

const turns = (n: number) => new Promise<void>((resolve) => {
  let left = n;
  const next = () => (--left <= 0 ? resolve() : setImmediate(next));
  setImmediate(next);
});

describe('idle warm-up', () => {
  it('lays out the recorded graphs while idle and stops when busy', async () => {
    const warmUp = new IdleWarmUp();
    const graph = graphOf(1, 40);
    const before = JSON.stringify(graph);
    const seen: string[] = [];
    const run = warmUp.recording((g) => {
      seen.push(JSON.stringify(g));
      return runElk(g);
    });
    const answer = await run(graph);
    expect(answer.children?.length).toBe(graph.children?.length);
    expect(warmUp.spent).toBe(0); // nothing while the compile runs

    warmUp.idle();
    await turns(5);
    const spent = warmUp.spent;
    expect(spent).toBeGreaterThan(0);
    warmUp.busy();
    await turns(5);
    expect(warmUp.spent).toBe(spent); // no run after busy()
    expect(seen).toEqual([before]); // the compile's own call, once; warm-up calls used copies
  });

  it('does not record graphs too big to repeat quickly', async () => {
    const warmUp = new IdleWarmUp();
    const run = warmUp.recording();
    const big = graphOf(2, 700);
    expect(big.children!.length).toBeGreaterThan(300);
    await run(big);
    warmUp.idle();
    await turns(5);
    expect(warmUp.spent).toBe(0);
    warmUp.busy();
  });
});
