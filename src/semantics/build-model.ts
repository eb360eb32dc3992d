import type { Annotation, Document, ElementNode } from '../syntax/ast.js';
import { sanitizeText } from '../text/sanitize.js';
import { isAllowedUrl } from '../text/url.js';
import { resolveAcps } from './acps.js';
import { resolveChoices } from './choices.js';
import { labelText } from './binder.js';
import { CSS_CLASS_NAME } from './annotations.js';
import { hasModifier, type SemanticContext } from './context.js';
import type { Model, ModelElement } from './model.js';
import { modifierFits } from './modifiers.js';

/**
 * The model later stages draw from. Only what passed the checks is carried as meaning (a
 * disallowed URL or class name is dropped, a misplaced modifier is not drawn), and all user
 * text is already safe to put in XML.
 */
export function buildModel(ctx: SemanticContext): Model {
  const acps = resolveAcps(ctx).acps;
  const choices = resolveChoices(ctx).choices;
  return {
    module: moduleOf(ctx.doc),
    elements: ctx.elements.map(toElement),
    edges: ctx.graph.edges.map((e) => ({ ...e })),
    topGoals: ctx.topGoals.map((g) => g.id),
    ...(ctx.challenges.length > 0 ? { challenges: ctx.challenges.map((c) => ({ ...c, target: { ...c.target } })) } : {}),
    ...(acps.length > 0 ? { acps } : {}),
    ...(choices.length > 0 ? { choices } : {}),
  };
}

function moduleOf(doc: Document): Model['module'] {
  if (!doc.module) return null;
  const description = doc.module.description ? sanitizeText(doc.module.description.value) : null;
  return { name: doc.module.name, description };
}

function toElement(node: ElementNode): ModelElement {
  const annotations = node.annotations ?? [];
  const element: ModelElement = {
    id: node.id,
    kind: node.kind,
    text: sanitizeText(node.text?.value ?? ''),
    undeveloped: hasModifier(node, 'undeveloped') && modifierFits('undeveloped', node.kind),
    uninstantiated: hasModifier(node, 'uninstantiated') && modifierFits('uninstantiated', node.kind),
    url: urlOf(annotations),
    classes: classesOf(annotations),
    annotations,
    span: node.span,
    idSpan: node.idSpan,
  };
  // Extension flags only when set, so the model of a core case is unchanged.
  if (hasModifier(node, 'counter') && modifierFits('counter', node.kind)) element.counter = true;
  if (hasModifier(node, 'defeated')) element.defeated = true;
  if (hasModifier(node, 'public')) element.public = true; // modular extension
  const choice = (node.modifiers ?? []).find((m) => m.name === 'choice');
  if (choice && modifierFits('choice', node.kind)) element.choice = { label: labelText(choice) };
  return element;
}

/** The first `@url`, if it is well formed and allowed (a repeat is GSN308 and ignored). */
function urlOf(annotations: Annotation[]): string | null {
  const first = annotations.find((a) => a.name === 'url');
  const arg = first?.args?.[0];
  if (!first || first.args.length !== 1 || arg?.type !== 'string' || !isAllowedUrl(arg.value)) return null;
  return sanitizeText(arg.value);
}

/** Every valid class name from every `@class`, in order, once each. */
function classesOf(annotations: Annotation[]): string[] {
  const classes = new Set<string>();
  for (const annotation of annotations) {
    if (annotation.name !== 'class') continue;
    for (const arg of annotation.args ?? []) {
      if (arg.type !== 'number' && CSS_CLASS_NAME.test(arg.value)) classes.add(arg.value);
    }
  }
  return [...classes];
}
