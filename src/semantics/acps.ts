/**
 * Confidence extension: assurance claim points (`@acp(NAME, TARGET*)`, grammar/extensions.md).
 * `@acp(ACP1)` on X puts ACP1 on X; `@acp(ACP2, T, ...)` on X puts ACP2 on each relation X -> T
 * (a SupportedBy or InContextOf link, or a challenge); naming X itself is the same as no target.
 * Resolved once here, for the check (acp-targets.ts) and for the model (build-model.ts).
 */
import type { StageDiagnostic } from '../diagnostics/types.js';
import type { Span } from '../diagnostics/types.js';
import type { SemanticContext } from './context.js';
import type { ModelAcp } from './model.js';
import { suggest } from './suggest.js';

export function resolveAcps(ctx: SemanticContext): { acps: ModelAcp[]; diagnostics: StageDiagnostic[] } {
  const acps: ModelAcp[] = [];
  const diagnostics: StageDiagnostic[] = [];
  const names = new Map<string, Span>();
  for (const node of ctx.elements) {
    for (const annotation of node.annotations ?? []) {
      if (annotation.name !== 'acp') continue;
      const [name, ...targets] = annotation.args ?? [];
      if (name?.type !== 'identifier') continue; // GSN210 says what is wrong
      const first = names.get(name.value);
      if (first) {
        diagnostics.push({
          code: 'GSN506',
          message: `the assurance claim point ${name.value} is already placed; ACP names are unique across the case`,
          span: name.span,
          related: [{ message: `${name.value} is first placed here`, span: first }],
        });
        continue;
      }
      names.set(name.value, name.span);
      const onElement = (): void => {
        if (!acps.some((a) => a.name === name.value && a.on.type === 'element')) acps.push({ name: name.value, on: { type: 'element', id: node.id }, span: name.span });
      };
      if (targets.length === 0) onElement();
      for (const target of targets) {
        if (target.type !== 'identifier') continue; // GSN210
        const id = target.value;
        if (id === node.id) {
          onElement();
          continue;
        }
        if (!ctx.symbols.has(id)) {
          diagnostics.push(undefinedTarget(ctx, id, target.span));
          continue;
        }
        if (!relationExists(ctx, node.id, id)) {
          diagnostics.push({
            code: 'GSN505',
            message: `@acp(${name.value}, ${id}) on ${node.id} sits on the link ${node.id} -> ${id}, but the case states no such link`,
            span: target.span,
          });
          continue;
        }
        acps.push({ name: name.value, on: { type: 'relation', from: node.id, to: id }, span: target.span });
      }
    }
  }
  return { acps, diagnostics };
}

/** A SupportedBy or InContextOf link, or a challenge of the element. */
function relationExists(ctx: SemanticContext, from: string, to: string): boolean {
  if (ctx.graph.outgoing(from).some((e) => e.to === to)) return true;
  return ctx.challenges.some((c) => c.from === from && c.target.type === 'element' && c.target.id === to);
}

function undefinedTarget(ctx: SemanticContext, id: string, span: Span): StageDiagnostic {
  const near = suggest(id, ctx.symbols.keys());
  const node = near === undefined ? undefined : ctx.symbols.get(near);
  if (!node) return { code: 'GSN202', message: `no element ${id} is defined`, span };
  return {
    code: 'GSN202',
    message: `no element ${id} is defined; did you mean ${near}?`,
    span,
    related: [{ message: `${node.kind} ${node.id} is defined here`, span: node.idSpan }],
  };
}
