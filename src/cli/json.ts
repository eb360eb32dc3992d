import type { CompileResult } from '../index.js';

/**
 * The `--format json` document: the diagram as drawn (absolute coordinates, top-left origin),
 * one box per element, edges from the supported element to its supporter and from an element
 * to its context, and what the GSN extensions add (challenges, assurance claim points, choice
 * groups, node and edge flags) when a case uses them. Documented in README.md and
 * schema/gsnc-diagram.schema.json; field order is fixed so output is byte-stable.
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
      // GSN extensions: present only when they apply, so a core case's JSON is unchanged.
      ...(n.counter ? { counter: true } : {}),
      ...(n.defeated ? { defeated: true } : {}),
      ...(n.public ? { public: true } : {}),
      ...(n.away ? { away: { module: n.away.module } } : {}),
      ...(n.module ? { moduleReference: { contract: n.module.contractTab !== undefined } } : {}),
    })),
    edges: (layout?.edges ?? []).map((e) => ({
      from: e.from,
      to: e.to,
      relation: e.relation,
      points: e.points,
      ...(e.defeated ? { defeated: true } : {}),
      ...(e.multiplicity ? { multiplicity: { kind: e.multiplicity.kind, label: e.multiplicity.label } } : {}),
    })),
    ...(layout?.challenges ? { challenges: layout.challenges.map((c) => ({ from: c.from, target: c.target, defeated: c.defeated, points: c.points })) } : {}),
    ...(layout?.acps ? { acps: layout.acps.map((a) => ({ name: a.name, on: a.on, x: a.x, y: a.y })) } : {}),
    ...(layout?.choices ? { choices: layout.choices.map((c) => ({ from: c.from, to: c.to, label: c.label, at: c.at })) } : {}),
    framework: result.framework,
    diagnostics: result.diagnostics,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function diagnosticsJson(result: Pick<CompileResult, 'diagnostics'>): string {
  return `${JSON.stringify({ diagnostics: result.diagnostics }, null, 2)}\n`;
}
