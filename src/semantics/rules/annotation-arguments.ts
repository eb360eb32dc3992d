import type { StageDiagnostic } from '../../diagnostics/types.js';
import type { Annotation, AnnotationArg } from '../../syntax/ast.js';
import { ANNOTATIONS, type AnnotationSpec } from '../annotations.js';
import type { SemanticContext } from '../context.js';

/**
 * GSN210: a known annotation with the wrong number or type of arguments. Points at the extra or
 * mistyped argument, or at the whole annotation when one is missing. Unknown annotations are
 * GSN305's and their arguments are not judged.
 */
export function annotationArguments(ctx: SemanticContext): StageDiagnostic[] {
  const found: StageDiagnostic[] = [];
  for (const node of ctx.nodes) {
    for (const annotation of node.annotations ?? []) {
      const spec = ANNOTATIONS.get(annotation.name);
      if (spec) found.push(...checkArguments(annotation, spec));
    }
  }
  return found;
}

function checkArguments(annotation: Annotation, spec: AnnotationSpec): StageDiagnostic[] {
  const args = annotation.args ?? [];
  const usage = `@${annotation.name} takes ${spec.takes}, as in ${spec.example}`;
  if (args.length < spec.min) {
    return [{ code: 'GSN210', message: `@${annotation.name} is missing its argument: ${usage}`, span: annotation.span }];
  }
  const found: StageDiagnostic[] = [];
  for (const arg of args.slice(0, spec.max)) {
    if (spec.types.includes(arg.type)) continue;
    found.push({ code: 'GSN210', message: `${article(arg)} is not accepted here: ${usage}`, span: arg.span });
  }
  if (args.length > spec.max) {
    const extra = args.slice(spec.max);
    const span = { start: extra[0]!.span.start, end: extra[extra.length - 1]!.span.end };
    const what = spec.max === 0 ? 'no arguments' : 'too many arguments';
    found.push({ code: 'GSN210', message: `${what}: ${usage}`, span });
  }
  return found;
}

function article(arg: AnnotationArg): string {
  return arg.type === 'identifier' ? 'an identifier' : `a ${arg.type}`;
}
