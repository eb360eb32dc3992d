/**
 * Hand-built layouts for the render tests: real-looking geometry (boxes, label and text
 * baselines, orthogonal edges touching the shapes) without running the layout stage, so the
 * renderer is tested alone.
 */
import type { Layout, LayoutEdge, LayoutNode, Point, TextRun } from '../../src/layout/types.js';
import type { ElementKind } from '../../src/syntax/ast.js';

export const FONT = { family: 'DejaVu Sans, Verdana, sans-serif', size: 12, lineHeight: 15 };

/** A run of plain text; override any field. */
export function run(text: string, extra: Partial<TextRun> = {}): TextRun {
  return { text, bold: false, italic: false, code: false, href: null, ...extra };
}

export interface NodeSpec {
  kind: ElementKind;
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** One array of runs per line. */
  lines?: TextRun[][];
  /** First lines that are bullet items. */
  bullets?: number[];
  undeveloped?: boolean;
  uninstantiated?: boolean;
  url?: string | null;
  classes?: string[];
  /** Defaults to the runs' text joined with spaces per line and newlines between lines. */
  title?: string;
}

/** A node whose ID label and lines are centred in the box, 15 px apart. */
export function node(spec: NodeSpec): LayoutNode {
  const lines = spec.lines ?? [];
  const blockHeight = (lines.length + 1) * FONT.lineHeight;
  const top = spec.y + (spec.height - blockHeight) / 2 + 11.5;
  const cx = spec.x + spec.width / 2;
  const width = (runs: TextRun[]) => runs.reduce((sum, r) => sum + r.text.length * 6.5, 0);
  return {
    id: spec.id,
    kind: spec.kind,
    x: spec.x,
    y: spec.y,
    width: spec.width,
    height: spec.height,
    undeveloped: spec.undeveloped ?? false,
    uninstantiated: spec.uninstantiated ?? false,
    url: spec.url ?? null,
    classes: spec.classes ?? [],
    title: spec.title ?? lines.map((l) => l.map((r) => r.text).join('')).join('\n'),
    label: { x: cx, y: top },
    lines: lines.map((runs, i) => ({
      x: cx,
      y: top + (i + 1) * FONT.lineHeight,
      width: width(runs),
      bullet: spec.bullets?.includes(i) ?? false,
      runs,
    })),
  };
}

export function edge(from: string, to: string, relation: LayoutEdge['relation'], points: Point[]): LayoutEdge {
  return { from, to, relation, points };
}

const p = (x: number, y: number): Point => ({ x, y });

/** Every kind, both decorations (alone and together), both edge kinds, a url, classes, markup. */
export function everything(): Layout {
  return {
    width: 760,
    height: 510,
    font: FONT,
    nodes: [
      node({
        kind: 'goal', id: 'G1', x: 260, y: 20, width: 220, height: 64, classes: ['critical', 'reviewed'],
        lines: [
          [run('The '), run('system', { bold: true }), run(' is '), run('acceptably', { italic: true }), run(' safe')],
          [run('to run '), run('model-x', { code: true })],
        ],
      }),
      node({
        kind: 'context', id: 'C1', x: 520, y: 27, width: 180, height: 50, url: 'https://example.org/context',
        lines: [[run('Operating '), run('role', { href: 'https://example.org/role' })]],
      }),
      node({ kind: 'strategy', id: 'S1', x: 255, y: 140, width: 230, height: 50, lines: [[run('Argue over each hazard')]] }),
      node({ kind: 'assumption', id: 'A1', x: 30, y: 135, width: 170, height: 60, lines: [[run('Hazards are complete')]] }),
      node({
        kind: 'justification', id: 'J1', x: 530, y: 135, width: 170, height: 60,
        lines: [[run('See '), run('HAZOP', { href: 'https://example.org/hazop' })]],
      }),
      node({
        kind: 'goal', id: 'G2', x: 40, y: 260, width: 180, height: 64, undeveloped: true, bullets: [0, 1],
        lines: [[run('\u2022 H1 mitigated')], [run('\u2022 H2 mitigated')]],
      }),
      node({ kind: 'goal', id: 'G3', x: 280, y: 260, width: 180, height: 64, uninstantiated: true, lines: [[run('Each {component} is safe')]] }),
      node({
        kind: 'goal', id: 'G4', x: 520, y: 260, width: 200, height: 64, undeveloped: true, uninstantiated: true,
        lines: [[run('Future hazards handled')]],
      }),
      node({ kind: 'solution', id: 'Sn1', x: 325, y: 390, width: 90, height: 90, lines: [[run('Test')], [run('report')]] }),
    ],
    edges: [
      edge('G1', 'C1', 'inContextOf', [p(480, 52), p(520, 52)]),
      edge('G1', 'S1', 'supportedBy', [p(370, 84), p(370, 140)]),
      edge('S1', 'A1', 'inContextOf', [p(263, 165), p(200, 165)]),
      edge('S1', 'J1', 'inContextOf', [p(477, 165), p(530, 165)]),
      edge('S1', 'G2', 'supportedBy', [p(370, 190), p(370, 225), p(130, 225), p(130, 260)]),
      edge('S1', 'G3', 'supportedBy', [p(370, 190), p(370, 260)]),
      edge('S1', 'G4', 'supportedBy', [p(370, 190), p(370, 225), p(620, 225), p(620, 260)]),
      edge('G3', 'Sn1', 'supportedBy', [p(370, 324), p(370, 390)]),
    ],
  };
}

/** A generated tree of `count` elements in rows (for timing and scale). */
export function generated(count: number): Layout {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(count)));
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const kinds: ElementKind[] = ['goal', 'strategy', 'goal', 'solution', 'context', 'goal', 'assumption', 'justification'];
  for (let i = 0; i < count; i++) {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    const x = 20 + col * 240;
    const y = 20 + row * 140;
    nodes.push(
      node({
        kind: kinds[i % kinds.length]!, id: `N${i}`, x, y, width: 200, height: 80, undeveloped: i % 11 === 0,
        lines: [
          [run('Claim number '), run(String(i), { bold: true }), run(' about the system')],
          [run('under '), run('stated', { italic: true }), run(' operating conditions')],
          [run('see evidence item')],
        ],
      }),
    );
    if (i > 0) {
      const parent = Math.floor((i - 1) / 3);
      const pn = nodes[parent]!;
      edges.push(edge(`N${parent}`, `N${i}`, i % 4 === 0 ? 'inContextOf' : 'supportedBy', [
        p(pn.x + 100, pn.y + 80), p(pn.x + 100, y - 20), p(x + 100, y - 20), p(x + 100, y),
      ]));
    }
  }
  return { width: 40 + perRow * 240, height: 40 + Math.ceil(count / perRow) * 140, font: FONT, nodes, edges };
}
