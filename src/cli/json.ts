import type { CompileResult } from '../index.js';

/**
 * The `--format json` document: the diagram as drawn (absolute coordinates, top-left origin),
 * one box per element, edges from the supported element to its supporter and from an element
 * to its context. Documented in README.md; field order is fixed so output is byte-stable.
 */
export function diagramJson(result: CompileResult): string {
  const texts = new Map((result.model?.elements ?? []).map((e) => [e.id, e.text]));
  const layout = result.layout;
  const document = {
    width: layout?.width ?? 0,
    height: layout?.height ?? 0,
    nodes: (layout?.nodes ?? []).map((n) => ({
      id: n.id,
      kind: n.kind,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
      text: texts.get(n.id) ?? '',
      undeveloped: n.undeveloped,
      uninstantiated: n.uninstantiated,
      url: n.url,
      classes: n.classes,
    })),
    edges: (layout?.edges ?? []).map((e) => ({ from: e.from, to: e.to, relation: e.relation, points: e.points })),
    framework: result.framework,
    diagnostics: result.diagnostics,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function diagnosticsJson(result: Pick<CompileResult, 'diagnostics'>): string {
  return `${JSON.stringify({ diagnostics: result.diagnostics }, null, 2)}\n`;
}
