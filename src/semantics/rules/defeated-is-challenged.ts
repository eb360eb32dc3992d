import type { Span, StageDiagnostic } from '../../diagnostics/types.js';
import { challengeKey } from '../binder.js';
import { named, type SemanticContext } from '../context.js';

/**
 * GSN502: something marked defeated that nothing challenges. An element is defeated by a
 * challenge to it; a relation (an edge or a challenge) by a challenge to that relation.
 */
export function defeatedIsChallenged(ctx: SemanticContext): StageDiagnostic[] {
  const challenged = new Set<string>();
  for (const c of ctx.challenges) challenged.add(c.target.type === 'element' ? c.target.id : relationKey(c.target.from, c.target.to));
  const found: StageDiagnostic[] = [];
  for (const node of ctx.elements) {
    const marker = (node.modifiers ?? []).find((m) => m.name === 'defeated');
    if (marker && !challenged.has(node.id)) found.push(unchallenged(`${named(node)} is marked defeated`, marker.span, `counter goal CG1 "..." { challenges ${node.id} }`));
  }
  for (const edge of ctx.graph.edges) {
    if (edge.defeated && !challenged.has(relationKey(edge.from, edge.to))) {
      found.push(unchallenged(`the link ${edge.from} -> ${edge.to} is marked defeated`, edge.span, `CG1 challenges ${edge.from} -> ${edge.to}`));
    }
  }
  for (const c of ctx.challenges) {
    if (!c.defeated) continue;
    // A challenge falls with its challenger: when the challenger is itself challenged, its
    // challenge may be marked defeated (gsn2x's `defeatedRelation` on a challenged counter
    // element, as in its dialectic/second example). A challenge of a link cannot itself be
    // challenged (there is no syntax for it), so that is the only way it can be defeated.
    if (challenged.has(c.from)) continue;
    const to = c.target.type === 'element' ? c.target.id : `${c.target.from} -> ${c.target.to}`;
    if (c.target.type === 'element' && challenged.has(relationKey(c.from, c.target.id))) continue;
    found.push(unchallenged(`the challenge ${c.from} -> ${to} is marked defeated`, c.span, `CG2 challenges ${c.from} -> ${c.target.type === 'element' ? to : 'G1'}`));
  }
  return found;
}

function relationKey(from: string, to: string): string {
  return challengeKey({ from, target: { type: 'element', id: to } });
}

function unchallenged(what: string, span: Span, example: string): StageDiagnostic {
  return { code: 'GSN502', message: `${what}, but nothing challenges it; a defeat needs a challenger, as in ${example}`, span };
}
