import type { StageDiagnostic, StageResult } from '../diagnostics/types.js';
import type { Limits } from '../limits.js';
import type { Document } from '../syntax/ast.js';
import { bind } from './binder.js';
import { buildModel } from './build-model.js';
import { createContext, type Rule } from './context.js';
import type { Model } from './model.js';
import { annotationArguments } from './rules/annotation-arguments.js';
import { annotationWrittenOnce } from './rules/annotation-written-once.js';
import { classNames } from './rules/class-names.js';
import { contextIsALeaf } from './rules/context-is-a-leaf.js';
import { developedOrUndeveloped } from './rules/developed-or-undeveloped.js';
import { evidenceIsALeaf } from './rules/evidence-is-a-leaf.js';
import { knownAnnotations } from './rules/known-annotations.js';
import { modifierFitsKind } from './rules/modifier-fits-kind.js';
import { oneTopGoal } from './rules/one-top-goal.js';
import { reachableFromTop } from './rules/reachable-from-top.js';
import { standardLinks } from './rules/standard-links.js';
import { supportedByCycles } from './rules/supported-by-cycles.js';
import { undevelopedIsUnsupported } from './rules/undeveloped-is-unsupported.js';
import { urlAllowed } from './rules/url-allowed.js';
import { visibleText } from './rules/visible-text.js';
import { challengedRelationExists } from './rules/challenged-relation-exists.js';
import { counterSupportsCounter } from './rules/counter-supports-counter.js';
import { defeatedIsChallenged } from './rules/defeated-is-challenged.js';
import { onlyCountersChallenge } from './rules/only-counters-challenge.js';
import { relationModifiers } from './rules/relation-modifiers.js';
import { acpTargets } from './rules/acp-targets.js';
import { choiceAlternatives } from './rules/choice-alternatives.js';
import { choiceGroups } from './rules/choice-groups.js';
import { modifierLabels } from './rules/modifier-labels.js';
import { multiplicityPlacement } from './rules/multiplicity-placement.js';
import { placeholdersUninstantiated } from './rules/placeholders-uninstantiated.js';

/**
 * The checker: binds names (GSN201 duplicate IDs, GSN202 unresolved references, GSN307 repeated
 * links, GSN903 too many elements), then runs each rule below over the bound case and builds
 * the model. Rules are independent; their order only groups errors before warnings. (A repeated
 * modifier or module header, GSN212, is the parser's: it reports it and keeps the first.)
 */
export interface CheckOptions {
  limits: Limits;
  /**
   * The source text the document was parsed from. Optional: with it, warnings about characters
   * inside strings point at the exact character even after escapes.
   */
  source?: string;
}

const RULES: readonly Rule[] = [
  // Errors
  supportedByCycles, //         GSN203 a SupportedBy cycle, at the link that closes it
  evidenceIsALeaf, //           GSN204 a solution with children or links
  contextIsALeaf, //            GSN205 a context, assumption or justification with children or links
  undevelopedIsUnsupported, //  GSN207 an undeveloped element that is supported
  urlAllowed, //                GSN208 @url outside http, https, mailto and relative
  modifierFitsKind, //          GSN209 a modifier on a kind it does not decorate
  annotationArguments, //       GSN210 wrong number or type of annotation arguments
  classNames, //                GSN211 an invalid CSS class name in @class
  relationModifiers, //         GSN209 an element modifier written before a link
  // Errors: GSN Community Standard extensions (grammar/extensions.md)
  onlyCountersChallenge, //     GSN501 a challenge from an element that is not a counter element
  defeatedIsChallenged, //      GSN502 defeated, but nothing challenges it
  challengedRelationExists, //  GSN503 a challenge to a link the case does not state
  counterSupportsCounter, //    GSN504 a counter element supporting the argument itself
  acpTargets, //                GSN505 an ACP on a link not stated, GSN506 an ACP name twice
  multiplicityPlacement, //     GSN507 many/optional with no link, GSN508 both on one link
  modifierLabels, //            GSN509 a label on a modifier that takes none
  choiceGroups, //              GSN540 a choice group in a choice element, GSN541 a non-SupportedBy alternative
  // Warnings
  developedOrUndeveloped, //    GSN301 a goal or strategy neither supported nor undeveloped
  standardLinks, //             GSN302 strategy -> solution or strategy -> strategy
  reachableFromTop, //          GSN303 a part of the case no top goal reaches
  oneTopGoal, //                GSN304 more than one top goal
  knownAnnotations, //          GSN305 an unknown annotation
  visibleText, //               GSN306 XML-illegal or invisible characters in text
  annotationWrittenOnce, //     GSN308 an annotation written twice on one element
  placeholdersUninstantiated, // GSN510 a {placeholder} in an element that is not uninstantiated
  choiceAlternatives, //        GSN511 a choice with fewer than two alternatives
];

export function check(doc: Document, options: CheckOptions): StageResult<Model> {
  const binding = bind(doc, options.limits);
  const diagnostics: StageDiagnostic[] = binding.diagnostics;
  const ctx = createContext(doc, binding, options.source);
  for (const rule of RULES) {
    // A loop, not push(...): a rule may return tens of thousands of diagnostics.
    for (const d of rule(ctx)) diagnostics.push(d);
  }
  return { value: buildModel(ctx), diagnostics };
}
