/**
 * Where ELK places a challenger of a link: beside the link's far end when the row is long, so
 * the dashed route is short; at the end of a short row, as written.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { wideCase } from './challenge-cases.js';

const PLACEMENT = '(a challenger of one link in a long row sits right after the challenged child)';

describe('challenger placement', () => {
  it(`puts each counter goal of a wide strategy's link next to the goal it concerns ${PLACEMENT}`, async () => {
    const result = await compile(wideCase(12), { file: 'wide.gsn' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const x = new Map(result.layout!.nodes.map((n) => [n.id, n.x]));
    for (let i = 1; i <= 11; i += 2) {
      // CGs<i> challenges S0 -> G<i> only: after G<i>, before G<i+1>.
      expect(x.get(`CGs${i}`)!, `CGs${i}`).toBeGreaterThan(x.get(`G${i}`)!);
      expect(x.get(`CGs${i}`)!, `CGs${i}`).toBeLessThan(x.get(`G${i + 1}`)!);
    }
    // The challenger of several things (CSx) keeps its place at the end of its row.
    expect(x.get('CSx')!).toBeGreaterThan(x.get('G12')!);
    // Short routes: no challenge of a wide strategy's link runs across more than two goals.
    const width = result.layout!.nodes.find((n) => n.id === 'G1')!.width;
    for (const c of result.layout!.challenges!) {
      if (!c.from.startsWith('CGs')) continue;
      const xs = c.points.map((p) => p.x);
      expect(Math.max(...xs) - Math.min(...xs), c.from).toBeLessThan(3 * width);
    }
  });
});
