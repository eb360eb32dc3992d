/**
 * Pattern extension: choice groups (`choice("1 of 2") { ... }` in a block, grammar/extensions.md).
 * A group makes the SupportedBy links from the block's owner to its members alternatives; the
 * owner's other links stay ordinary. Resolved once here, for the checks (choice-groups.ts,
 * choice-alternatives.ts) and for the model (build-model.ts).
 */
import type { StageDiagnostic } from '../diagnostics/types.js';
import { CONTEXT_KINDS, type ChildItem, type ElementNode } from '../syntax/ast.js';
import { labelText } from './binder.js';
import { named, type SemanticContext } from './context.js';
import type { ModelChoice } from './model.js';
import { modifierFits } from './modifiers.js';

export function resolveChoices(ctx: SemanticContext): { choices: ModelChoice[]; diagnostics: StageDiagnostic[] } {
  const choices: ModelChoice[] = [];
  const diagnostics: StageDiagnostic[] = [];
  // A link belongs to one group at most: the first that names it (naming it again is GSN307).
  const claimed = new Set<string>();
  for (const node of ctx.nodes) {
    const groups = node.choices ?? [];
    if (groups.length === 0) continue;
    if (!modifierFits('choice', node.kind)) {
      for (const g of groups) diagnostics.push({ code: 'GSN209', message: `${named(node)} cannot hold a choice group: only goals and strategies have SupportedBy links to choose among`, span: g.modifier.span });
      continue;
    }
    const whole = (node.modifiers ?? []).find((m) => m.name === 'choice');
    if (whole) {
      for (const g of groups) diagnostics.push(alreadyAChoice(node, g.modifier.span, whole.span));
      continue;
    }
    const members: ChildItem[][] = groups.map(() => []);
    for (const child of node.children ?? []) if (child.choiceGroup !== undefined) members[child.choiceGroup]?.push(child);
    const supported = new Set(ctx.graph.outgoing(node.id, 'supportedBy').map((e) => e.to));
    groups.forEach((group, j) => {
      const to: string[] = [];
      for (const member of members[j] ?? []) {
        const problem = notAnAlternative(ctx, node, member);
        if (problem) {
          diagnostics.push(problem);
          continue;
        }
        const id = (member as ElementNode).id;
        const key = `${node.id}\u0000${id}`;
        if (!supported.has(id) || claimed.has(key)) continue; // an unknown ID (GSN202) or a repeat (GSN307)
        claimed.add(key);
        to.push(id);
      }
      choices.push({ from: node.id, label: labelText(group.modifier), to, span: group.modifier.span });
    });
  }
  return { choices, diagnostics };
}

/** GSN540: both ways of writing a choice on one element. */
function alreadyAChoice(node: ElementNode, group: StageDiagnostic['span'], whole: StageDiagnostic['span']): StageDiagnostic {
  return {
    code: 'GSN540',
    message: `${named(node)} is a choice, so all its SupportedBy links are alternatives already; write either choice before ${node.id} or choice groups in its block, not both`,
    span: group,
    related: [{ message: `${node.id} is made a choice here`, span: whole }],
  };
}

/** GSN541: a member of a choice group that is not a SupportedBy link (a context, a challenge); null when it is one. */
function notAnAlternative(ctx: SemanticContext, owner: ElementNode, member: ChildItem): StageDiagnostic | null {
  if (member.type === 'challenge') {
    return { code: 'GSN541', message: `a challenge cannot be an alternative of a choice: only SupportedBy links are; write it outside the choice group`, span: member.span };
  }
  const target = member.type === 'element' ? member : ctx.symbols.get(member.id);
  if (!target || !CONTEXT_KINDS.has(target.kind)) return null;
  return {
    code: 'GSN541',
    message: `${named(target)} is in the context of ${owner.id}, not a SupportedBy link, so it cannot be an alternative of a choice; write ${target.id} outside the choice group`,
    span: member.type === 'element' ? member.idSpan : member.span,
  };
}
