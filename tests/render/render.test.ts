import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/layout/types.js';
import { render } from '../../src/render/render.js';
import { expectGolden } from '../helpers/golden.js';
import { FONT, edge, everything, generated, node, run } from './fixtures.js';
import { attributes, elements, inertnessProblems, parseSvg, textOf, type XNode } from './xml.js';

const byId = (root: XNode, id: string): XNode => {
  for (const el of elements(root)) if (el.getAttribute?.('id') === id) return el;
  throw new Error(`no element with id ${id}`);
};
const classesOf = (el: XNode) => (el.getAttribute?.('class') ?? '').split(' ');
const childElements = (el: XNode, name?: string) =>
  Array.from(el.childNodes).filter((c) => c.nodeType === 1 && (name === undefined || c.nodeName === name));

describe('render: goldens', () => {
  it('every kind, decoration, edge kind, url, class and markup', () => {
    const svg = render(everything(), { idPrefix: '' });
    parseSvg(svg);
    expectGolden('render/everything.svg', svg);
  });

  it('an empty layout', () => {
    const svg = render({ width: 0, height: 0, font: FONT, nodes: [], edges: [] }, { idPrefix: 'empty-' });
    parseSvg(svg);
    expectGolden('render/empty.svg', svg);
  });
});

describe('render: structure', () => {
  const svg = render(everything(), { idPrefix: 'd1-' });
  const root = parseSvg(svg);

  it('has a root with namespace, size, viewBox, class, font and a stylesheet of constants', () => {
    expect(root.nodeName).toBe('svg');
    expect(root.getAttribute?.('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute?.('width')).toBe('760');
    expect(root.getAttribute?.('height')).toBe('510');
    expect(root.getAttribute?.('viewBox')).toBe('0 0 760 510');
    expect(root.getAttribute?.('class')).toBe('gsn-diagram');
    expect(root.getAttribute?.('font-family')).toBe(FONT.family);
    const style = childElements(root, 'style');
    expect(style).toHaveLength(1);
    expect(textOf(style[0]!)).not.toMatch(/G1|system|example\.org/);
    const background = childElements(root, 'rect')[0]!;
    expect(background.getAttribute?.('class')).toBe('gsn-background');
    expect(svg.endsWith('</svg>\n')).toBe(true);
  });

  it('is inert: only allow-listed elements and attributes', () => {
    expect(inertnessProblems(root)).toEqual([]);
  });

  it('draws each kind with its shape and classes', () => {
    const shape = (id: string) => childElements(byId(root, `d1-gsn-node-${id}`)).filter((c) => (c.getAttribute?.('class') ?? '').includes('gsn-shape'))[0]!;
    expect(shape('G1').nodeName).toBe('rect');
    expect(shape('S1').nodeName).toBe('polygon');
    expect(shape('Sn1').nodeName).toBe('circle');
    expect(shape('C1').nodeName).toBe('rect');
    expect(Number(shape('C1').getAttribute?.('rx'))).toBeGreaterThan(0);
    expect(shape('A1').nodeName).toBe('ellipse');
    expect(shape('J1').nodeName).toBe('ellipse');
    expect(classesOf(byId(root, 'd1-gsn-node-G1'))).toEqual(['gsn-node', 'gsn-goal', 'critical', 'reviewed']);
    expect(classesOf(byId(root, 'd1-gsn-node-S1'))).toEqual(['gsn-node', 'gsn-strategy']);
    expect(classesOf(byId(root, 'd1-gsn-node-Sn1'))).toEqual(['gsn-node', 'gsn-solution']);
    expect(classesOf(byId(root, 'd1-gsn-node-C1'))).toEqual(['gsn-node', 'gsn-context']);
    expect(classesOf(byId(root, 'd1-gsn-node-A1'))).toEqual(['gsn-node', 'gsn-assumption']);
    expect(classesOf(byId(root, 'd1-gsn-node-J1'))).toEqual(['gsn-node', 'gsn-justification']);
    expect(classesOf(byId(root, 'd1-gsn-node-G4'))).toEqual(['gsn-node', 'gsn-goal', 'gsn-undeveloped', 'gsn-uninstantiated']);
  });

  it('marks assumptions with A and justifications with J, outside the oval at the lower right', () => {
    for (const [id, letter] of [['A1', 'A'], ['J1', 'J']] as const) {
      const mark = childElements(byId(root, `d1-gsn-node-${id}`), 'text').find((t) => t.getAttribute?.('class') === 'gsn-letter')!;
      expect(textOf(mark)).toBe(letter);
      const n = everything().nodes.find((x) => x.id === id)!;
      expect(Number(mark.getAttribute?.('x'))).toBeGreaterThan(n.x + n.width / 2);
      expect(Number(mark.getAttribute?.('y'))).toBeGreaterThan(n.y + n.height);
    }
  });

  it('hangs the diamond and the triangle below the shape, side by side when both', () => {
    const decorations = (id: string) =>
      childElements(byId(root, `d1-gsn-node-${id}`), 'polygon').filter((p) => classesOf(p).includes('gsn-decoration'));
    const [diamond] = decorations('G2');
    expect(classesOf(diamond!)).toContain('gsn-diamond');
    expect(diamond!.getAttribute?.('points')!.startsWith('130,324 ')).toBe(true); // top vertex on the bottom middle
    const [triangle] = decorations('G3');
    expect(classesOf(triangle!)).toContain('gsn-triangle');
    const both = decorations('G4').map((p) => classesOf(p)[1]);
    expect(both).toEqual(['gsn-diamond', 'gsn-triangle']);
  });

  it('gives every element a title, a bold ID label and its lines', () => {
    const g1 = byId(root, 'd1-gsn-node-G1');
    expect(childElements(g1)[0]!.nodeName).toBe('title');
    expect(textOf(childElements(g1, 'title')[0]!)).toBe('G1: The system is acceptably safe\nto run model-x');
    const texts = childElements(g1, 'text');
    expect(texts[0]!.getAttribute?.('class')).toBe('gsn-id');
    expect(texts[0]!.getAttribute?.('font-weight')).toBe('bold');
    expect(textOf(texts[0]!)).toBe('G1');
    expect(texts.slice(1).map(textOf)).toEqual(['The system is acceptably safe', 'to run model-x']);
  });

  it('writes markup runs as formatted tspans', () => {
    const line = childElements(byId(root, 'd1-gsn-node-G1'), 'text')[1]!;
    const spans = childElements(line, 'tspan');
    expect(spans.map(textOf)).toEqual(['The ', 'system', ' is ', 'acceptably', ' safe']);
    expect(spans[1]!.getAttribute?.('font-weight')).toBe('bold');
    expect(spans[3]!.getAttribute?.('font-style')).toBe('italic');
    const code = childElements(childElements(byId(root, 'd1-gsn-node-G1'), 'text')[2]!, 'tspan')[1]!;
    expect(code.getAttribute?.('font-family')).toBe('DejaVu Sans Mono, monospace');
  });

  it('wraps a text link in <a>, and an element with @url in <a> (without nesting links)', () => {
    const line = childElements(byId(root, 'd1-gsn-node-J1'), 'text').find((t) => classesOf(t).includes('gsn-text'))!;
    const [a] = childElements(line, 'a');
    expect(a!.getAttribute?.('href')).toBe('https://example.org/hazop');
    expect(a!.getAttribute?.('xlink:href')).toBe('https://example.org/hazop');
    expect(textOf(a!)).toBe('HAZOP');

    const c1 = byId(root, 'd1-gsn-node-C1');
    const nodes = childElements(root, 'g').find((g) => g.getAttribute?.('class') === 'gsn-nodes')!;
    const link = childElements(nodes, 'a').find((x) => childElements(x)[0] === c1 || childElements(x).includes(c1))!;
    expect(link.getAttribute?.('href')).toBe('https://example.org/context');
    expect(childElements(link)).toHaveLength(1);
    let nested = 0;
    for (const el of elements(c1)) if (el.nodeName === 'a') nested++;
    expect(nested).toBe(0);
    expect(textOf(childElements(c1, 'text')[1]!)).toBe('Operating role');
  });

  it('draws both edge kinds with classes, ends and the arrowhead of their relation', () => {
    const layer = childElements(root, 'g').find((g) => g.getAttribute?.('class') === 'gsn-edges')!;
    const paths = childElements(layer, 'path');
    expect(paths).toHaveLength(8);
    const first = paths[0]!;
    expect(classesOf(first)).toEqual(['gsn-edge', 'gsn-in-context-of']);
    expect(first.getAttribute?.('data-from')).toBe('G1');
    expect(first.getAttribute?.('data-to')).toBe('C1');
    expect(first.getAttribute?.('marker-end')).toBe('url(#d1-gsn-arrow-hollow)');
    expect(classesOf(paths[1]!)).toEqual(['gsn-edge', 'gsn-supported-by']);
    expect(paths[1]!.getAttribute?.('marker-end')).toBe('url(#d1-gsn-arrow-filled)');
    const filled = byId(root, 'd1-gsn-arrow-filled');
    const hollow = byId(root, 'd1-gsn-arrow-hollow');
    expect(childElements(filled, 'path')[0]!.getAttribute?.('fill')).toBe('#000');
    expect(childElements(hollow, 'path')[0]!.getAttribute?.('fill')).toBe('#fff');
    // The line stops short of the target under the arrowhead; the marker reaches the end point.
    expect(paths[1]!.getAttribute?.('d')).toBe('M370,84 L370,135');
  });
});

describe('render: determinism', () => {
  it('gives byte-identical output for the same layout', () => {
    expect(render(everything(), { idPrefix: 'x-' })).toBe(render(everything(), { idPrefix: 'x-' }));
    expect(render(generated(50), { idPrefix: '' })).toBe(render(generated(50), { idPrefix: '' }));
  });

  it('has no svg.js ids, data or namespace', () => {
    const svg = render(everything(), { idPrefix: '' });
    expect(svg).not.toMatch(/svgjs|Svgjs/);
  });

  it('prefixes every id, and every url(#...) points at one of them', () => {
    const svg = render(everything(), { idPrefix: 'p7-' });
    const root = parseSvg(svg);
    const ids = new Set<string>();
    for (const el of elements(root)) {
      const id = el.getAttribute?.('id');
      if (id) {
        expect(id.startsWith('p7-')).toBe(true);
        ids.add(id);
      }
    }
    expect(ids.size).toBe(everything().nodes.length + 2);
    const refs = [...svg.matchAll(/url\(#([^)]*)\)/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids.has(ref), ref).toBe(true);
  });

  it('reduces an unsafe idPrefix to characters safe in ids and url(#...)', () => {
    const root = parseSvg(render(everything(), { idPrefix: 'a b)"<' }));
    expect(byId(root, 'a_b___gsn-node-G1').nodeName).toBe('g');
  });

  it('prints numbers with at most two decimals, never -0, NaN or Infinity', () => {
    const layout: Layout = {
      width: 100.004,
      height: 1 / 3,
      font: FONT,
      nodes: [node({ kind: 'goal', id: 'G', x: -0, y: -1e-9, width: 2 / 3, height: Number.NaN, lines: [[run('x')]] })],
      edges: [edge('G', 'G', 'supportedBy', [{ x: Infinity, y: -0.004 }, { x: 1.005, y: 10 }])],
    };
    const svg = render(layout, { idPrefix: '' });
    parseSvg(svg);
    const numbers = [...svg.matchAll(/="([^"]*)"/g)].map((m) => m[1]!).join(' ');
    expect(numbers).not.toMatch(/(^|[^\w.])-0(?![.\d])|NaN|Infinity|\d\.\d{3}/);
    expect(svg).toContain('width="100"');
    expect(svg).toContain('height="0.33"');
  });
});

describe('render: scale', () => {
  it('renders 10,000 elements', () => {
    const layout = generated(10_000);
    const start = performance.now();
    const svg = render(layout, { idPrefix: '' });
    const elapsed = performance.now() - start;
    expect(svg.match(/class="gsn-node /g)).toHaveLength(10_000);
    // Generous bound for a loaded CI machine; about 0.5-1 s here (see src/render/dom.ts).
    expect(elapsed).toBeLessThan(20_000);
  });
});
