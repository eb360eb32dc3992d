import type { Span, StageDiagnostic, StageRelated, StageResult } from '../diagnostics/types.js';
import type { Model, ModelElement } from '../semantics/model.js';
import { suggest } from '../semantics/suggest.js';
import type { Annotation, ElementKind } from '../syntax/ast.js';
import { BUILDING_BLOCKS, blocksOf, categoriesOfBlock, findBlock, isCategory, ratingsOf, type Category } from './blocks.js';
import type {
  ArgumentNode,
  Component,
  DeploymentAssumption,
  Framework,
  FrameworkContext,
  Outcome,
  OutcomeRollUp,
  RiskClaim,
  RollUp,
  Subsystem,
  Threshold,
} from './types.js';

/**
 * The AI safety-case framework stage: maps a checked model onto the six steps and four argument
 * categories of Clymer et al. (2024), and reports what is wrong (errors, GSN401-GSN406) and what
 * is missing (warnings, GSN411-GSN420). A document with no framework annotation gets a null
 * framework and no diagnostics.
 */

type Placement = { kinds: readonly ElementKind[]; what: string };

const GOAL = ['goal'] as const;
const CONTEXT = ['context'] as const;
const ARGUMENT = ['goal', 'strategy'] as const;

/** The notation's "On" column: where each framework annotation may be written, and what it means there. */
export const FRAMEWORK_ANNOTATIONS: ReadonlyMap<string, Placement> = new Map<string, Placement>([
  ['macrosystem', { kinds: CONTEXT, what: 'describes the AI macrosystem (step 1)' }],
  ['deployment', { kinds: CONTEXT, what: 'describes the deployment decision (step 1)' }],
  ['threshold', { kinds: CONTEXT, what: 'states the acceptable risk (step 1)' }],
  ['outcome', { kinds: GOAL, what: 'claims that one unacceptable outcome will not happen (step 2)' }],
  ['deployment-assumption', { kinds: GOAL, what: 'claims a deployment assumption that must itself be argued (step 3)' }],
  ['subsystem', { kinds: CONTEXT, what: 'declares a subsystem of the macrosystem (step 4)' }],
  ['subsystem-risk', { kinds: GOAL, what: 'claims that a subsystem cannot cause the outcome on its own (step 5)' }],
  ['interaction-risk', { kinds: GOAL, what: 'claims that interactions between subsystems cannot cause the outcome (step 6)' }],
  ['inability', { kinds: ARGUMENT, what: 'names the argument category of a goal or strategy' }],
  ['control', { kinds: ARGUMENT, what: 'names the argument category of a goal or strategy' }],
  ['trustworthiness', { kinds: ARGUMENT, what: 'names the argument category of a goal or strategy' }],
  ['deference', { kinds: ARGUMENT, what: 'names the argument category of a goal or strategy' }],
  ['risk', { kinds: GOAL, what: 'estimates the probability that a claim fails' }],
  ['trusted', { kinds: CONTEXT, what: 'marks a component as assumed trustworthy' }],
  ['untrusted', { kinds: CONTEXT, what: 'marks a component as not assumed trustworthy' }],
]);

/** True when the document uses the framework at all. */
export function usesFramework(model: Model): boolean {
  return model.elements.some((e) => (e.annotations ?? []).some((a) => FRAMEWORK_ANNOTATIONS.has(a.name)));
}

export function analyzeFramework(model: Model): StageResult<Framework | null> {
  if (!usesFramework(model)) return { value: null, diagnostics: [] };
  return new Analysis(model).run();
}

/** Rounds away floating-point noise (0.1 + 0.2) so sums compare and print as people expect. */
export function roundProbability(value: number): number {
  return Number(value.toPrecision(12));
}

const ORDINALS = ['zero', 'one', 'two', 'three', 'four', 'five'];
function count(n: number, word: string): string {
  return `${ORDINALS[n] ?? String(n)} ${word}${n === 1 ? '' : 's'}`;
}

function list(ids: string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

const MAX_RELATED = 10;

class Analysis {
  private readonly diagnostics: StageDiagnostic[] = [];
  private readonly byId = new Map<string, ModelElement>();
  private readonly children = new Map<string, string[]>();
  private readonly parents = new Map<string, string[]>();
  private readonly contextsOf = new Map<string, string[]>();
  private readonly contextFor = new Map<string, string[]>();
  /** Per element, its framework annotations that sit on the right kind of element, by name (first wins). */
  private readonly valid = new Map<string, Map<string, Annotation>>();
  /** Per element, its valid category annotations in order. */
  private readonly categories = new Map<string, Annotation[]>();
  /** Per element, its valid probability (`@risk` or `@threshold`). */
  private readonly probabilities = new Map<string, number>();

  constructor(private readonly model: Model) {}

  run(): StageResult<Framework> {
    this.index();
    this.checkPlacementAndValues();

    const outcomeIds = this.withAnnotation('outcome').map((e) => e.id);
    const outcomeSet = new Set(outcomeIds);
    const topGoals = this.frameworkTopGoals(outcomeSet);
    const anchor = this.anchorSpan(topGoals);

    const subsystems = this.subsystems();
    const components = this.components(subsystems);
    const subsystemIds = new Set(subsystems.map((s) => s.element));
    const riskClaims = this.riskClaims(outcomeSet, subsystemIds);
    const outcomes = this.outcomes(outcomeIds, subsystems, riskClaims);
    const threshold = this.threshold();
    const rollUp = this.rollUp(outcomes, riskClaims, threshold);

    const framework: Framework = {
      topGoals,
      macrosystem: this.stepOneContexts('macrosystem', topGoals),
      deployment: this.stepOneContexts('deployment', topGoals),
      threshold,
      outcomes,
      deploymentAssumptions: this.deploymentAssumptions(),
      subsystems,
      components,
      riskClaims,
      arguments: this.argumentNodes(outcomeSet),
      rollUp,
    };

    this.checkStepOne(framework, topGoals);
    if (outcomes.length === 0) {
      this.warn('GSN412', 'the case names no unacceptable outcome: mark each claim that one will not happen with @outcome (step 2)', anchor);
    } else if (subsystems.length === 0) {
      this.warn('GSN415', 'the case declares no subsystem, so no outcome can be checked for subsystem risks: mark a context for each with @subsystem (step 4)', anchor);
    }
    this.checkRollUp(rollUp, threshold, anchor);
    return { value: framework, diagnostics: this.diagnostics };
  }

  // --- indexes -------------------------------------------------------------------------------

  private index(): void {
    for (const e of this.model.elements) if (!this.byId.has(e.id)) this.byId.set(e.id, e);
    const push = (map: Map<string, string[]>, key: string, value: string) => {
      const values = map.get(key);
      if (values) {
        if (!values.includes(value)) values.push(value);
      } else map.set(key, [value]);
    };
    for (const edge of this.model.edges) {
      if (edge.relation === 'supportedBy') {
        push(this.children, edge.from, edge.to);
        push(this.parents, edge.to, edge.from);
      } else {
        push(this.contextsOf, edge.from, edge.to);
        push(this.contextFor, edge.to, edge.from);
      }
    }
  }

  private element(id: string): ModelElement | undefined {
    return this.byId.get(id);
  }

  private has(id: string, name: string): boolean {
    return this.valid.get(id)?.has(name) ?? false;
  }

  private withAnnotation(name: string): ModelElement[] {
    return this.model.elements.filter((e) => this.byId.get(e.id) === e && this.has(e.id, name));
  }

  private text(id: string): string {
    return this.element(id)?.text ?? '';
  }

  // --- errors: placement, probabilities, blocks, trust -------------------------------------

  private checkPlacementAndValues(): void {
    for (const e of this.model.elements) {
      if (this.byId.get(e.id) !== e) continue; // a duplicate ID is GSN201's
      const valid = new Map<string, Annotation>();
      const categories: Annotation[] = [];
      for (const a of e.annotations ?? []) {
        const placement = FRAMEWORK_ANNOTATIONS.get(a.name);
        if (!placement) continue;
        if (!placement.kinds.includes(e.kind)) {
          this.misplaced(e, a, placement);
          continue;
        }
        if (isCategory(a.name)) {
          if (this.checkBlock(e, a, a.name)) categories.push(a);
          continue;
        }
        if (a.name === 'risk' || a.name === 'threshold') {
          const value = this.probability(e, a);
          if (value === null) continue;
          if (!this.probabilities.has(e.id)) this.probabilities.set(e.id, value);
        }
        if (!valid.has(a.name)) valid.set(a.name, a);
      }
      if (valid.has('trusted') && valid.has('untrusted')) {
        const trusted = valid.get('trusted')!;
        const untrusted = valid.get('untrusted')!;
        const later = trusted.span.start > untrusted.span.start ? trusted : untrusted;
        const earlier = later === trusted ? untrusted : trusted;
        this.error('GSN406', `${e.id} is marked both @trusted and @untrusted: a component is either assumed trustworthy or not; keep one`, later.span, [
          { message: `@${earlier.name} is written here`, span: earlier.span },
        ]);
        valid.delete('trusted');
        valid.delete('untrusted');
      }
      if (valid.size > 0) this.valid.set(e.id, valid);
      if (categories.length > 0) this.categories.set(e.id, categories);
    }
  }

  private misplaced(e: ModelElement, a: Annotation, placement: Placement): void {
    const kinds = placement.kinds.length === 1 ? `a ${placement.kinds[0]}` : 'a goal or a strategy';
    let hint = '';
    if (a.name === 'deployment-assumption' && e.kind === 'assumption') {
      hint = `; write it as a goal so that it can be argued (a GSN assumption is taken as given)`;
    } else if (a.name === 'risk' && e.kind === 'strategy') {
      hint = '; put the estimate on the goal the strategy supports';
    } else if (placement.kinds.length === 1 && placement.kinds[0] === 'context' && e.kind !== 'context') {
      hint = `; describe it in a context of the goal instead`;
    }
    this.error('GSN401', `@${a.name} ${placement.what} and belongs on ${kinds}, but ${e.id} is ${article(e.kind)}${hint}`, a.span);
  }

  /** The valid probability of `@risk(p)` or `@threshold(p)`, or null (bad arguments are GSN210's). */
  private probability(e: ModelElement, a: Annotation): number | null {
    const arg = a.args?.[0];
    if (!arg || arg.type !== 'number' || (a.args?.length ?? 0) !== 1) return null;
    const value = arg.value;
    if (Number.isFinite(value) && value >= 0 && value <= 1) return value;
    const raw = arg.raw ?? String(value);
    let hint = 'write a probability between 0 and 1';
    if (Number.isFinite(value) && value > 1 && value <= 100) hint += ` (if you meant ${raw}%, write ${roundProbability(value / 100)})`;
    const what = a.name === 'risk' ? `the estimated probability that ${e.id} fails` : 'the acceptable probability of an unacceptable outcome';
    this.error('GSN405', `@${a.name}(${raw}) on ${e.id} is not a probability: ${what} must lie in [0, 1]; ${hint}`, arg.span);
    return null;
  }

  /** Checks `@category(block)`; false when the annotation should not count (a wrong block). */
  private checkBlock(e: ModelElement, a: Annotation, category: Category): boolean {
    const arg = a.args?.[0];
    if (!arg || arg.type !== 'identifier') return true; // no block, or GSN210's
    const block = arg.value;
    if (findBlock(category, block)) return true;
    const elsewhere = categoriesOfBlock(block);
    if (elsewhere.length > 0) {
      const where = elsewhere.map((c) => `@${c}(${block})`).join(' or ');
      const names = elsewhere.join(' and ');
      this.error(
        'GSN403',
        `building block ${block} belongs to category ${names}, not ${category}: write ${where}, or pick a ${category} block (${blockNames(category)})`,
        arg.span,
      );
      return true; // still an argument of this category, with an unknown block
    }
    const near = suggest(block, blocksOf(category).map((b) => b.block));
    const nearAnywhere = near ? undefined : suggest(block, BUILDING_BLOCKS.map((b) => b.block));
    let advice: string;
    if (near) advice = `did you mean @${category}(${near})?`;
    else if (nearAnywhere) advice = `did you mean ${categoriesOfBlock(nearAnywhere).map((c) => `@${c}(${nearAnywhere})`).join(' or ')}?`;
    else advice = `the ${category} blocks are ${blockNames(category)}`;
    this.error('GSN402', `${block} is not ${article(category)} building block of the framework: ${advice}`, arg.span);
    return true;
  }

  // --- step 1 --------------------------------------------------------------------------------

  /** Top goals above an outcome; without outcomes, the first top goal. */
  private frameworkTopGoals(outcomes: Set<string>): string[] {
    const above = new Set<string>();
    const stack = [...outcomes];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (above.has(id)) continue;
      above.add(id);
      for (const p of this.parents.get(id) ?? []) if (!above.has(p)) stack.push(p);
    }
    const tops = this.model.topGoals.filter((g) => above.has(g));
    if (tops.length > 0) return tops;
    return this.model.topGoals.slice(0, 1);
  }

  private anchorSpan(topGoals: string[]): Span {
    const top = topGoals[0] === undefined ? undefined : this.element(topGoals[0]);
    if (top) return top.idSpan;
    const first = this.model.elements[0];
    return first ? first.idSpan : { start: 0, end: 0 };
  }

  private stepOneContexts(name: 'macrosystem' | 'deployment', topGoals: string[]): FrameworkContext[] {
    const onTop = new Set(topGoals.flatMap((g) => this.contextsOf.get(g) ?? []));
    return this.withAnnotation(name).map((e) => ({ element: e.id, text: e.text, onTopGoal: onTop.has(e.id) }));
  }

  private checkStepOne(framework: Framework, topGoals: string[]): void {
    const needs = [
      { name: 'macrosystem', found: framework.macrosystem, what: 'what the AI macrosystem is (its models, software and people)' },
      { name: 'deployment', found: framework.deployment, what: 'the deployment decision and window being justified' },
    ] as const;
    for (const goal of topGoals) {
      const top = this.element(goal);
      if (!top) continue;
      const contexts = new Set(this.contextsOf.get(goal) ?? []);
      for (const need of needs) {
        if (need.found.some((c) => contexts.has(c.element))) continue;
        const elsewhere = need.found.map((c) => c.element);
        const detail =
          elsewhere.length > 0
            ? `: ${list(elsewhere)} ${elsewhere.length === 1 ? 'is' : 'are'} marked @${need.name} but not a context of ${goal}`
            : `; add a context marked @${need.name}`;
        this.warn('GSN411', `top goal ${goal} has no @${need.name} context stating ${need.what} (step 1)${detail}`, top.idSpan);
      }
    }
  }

  private threshold(): Threshold | null {
    const first = this.withAnnotation('threshold').find((e) => this.probabilities.has(e.id));
    return first ? { value: this.probabilities.get(first.id)!, element: first.id } : null;
  }

  // --- step 3 --------------------------------------------------------------------------------

  private deploymentAssumptions(): DeploymentAssumption[] {
    return this.withAnnotation('deployment-assumption').map((e) => {
      const supportedBy = this.children.get(e.id) ?? [];
      if (supportedBy.length === 0) {
        const how = e.undeveloped ? 'it is marked undeveloped' : 'nothing supports it';
        this.warn(
          'GSN414',
          `deployment assumption ${e.id} is assumed, not argued: ${how}; support it with evidence or an argument (step 3)`,
          e.idSpan,
        );
      }
      return { element: e.id, text: e.text, supportedBy: [...supportedBy], undeveloped: e.undeveloped };
    });
  }

  // --- step 4 --------------------------------------------------------------------------------

  private subsystems(): Subsystem[] {
    return this.withAnnotation('subsystem').map((e) => ({ element: e.id, text: e.text, trust: this.trustOf(e.id) }));
  }

  private trustOf(id: string): Subsystem['trust'] {
    if (this.has(id, 'trusted')) return 'trusted';
    if (this.has(id, 'untrusted')) return 'untrusted';
    return 'unspecified';
  }

  private components(subsystems: Subsystem[]): Component[] {
    const isSubsystem = new Set(subsystems.map((s) => s.element));
    const found: Component[] = [];
    for (const e of this.model.elements) {
      if (this.byId.get(e.id) !== e) continue;
      const trust = this.trustOf(e.id);
      if (trust === 'unspecified') continue;
      const users = this.contextFor.get(e.id) ?? [];
      const arguedBy = users.filter((g) => this.element(g)?.kind === 'goal' && this.argues(g, 'trustworthiness'));
      found.push({ element: e.id, text: e.text, trust, subsystem: isSubsystem.has(e.id), trustworthinessArguments: arguedBy });
      if (trust === 'trusted' && arguedBy.length === 0) {
        const related: StageRelated[] = users.slice(0, MAX_RELATED).flatMap((g) => {
          const user = this.element(g);
          return user ? [{ message: `${e.id} is a context of ${g}`, span: user.idSpan }] : [];
        });
        this.warn(
          'GSN419',
          `${e.id} is trusted, but no goal argued @trustworthiness has it as context: an argument that relies on a trusted component needs a trustworthiness argument for it, e.g. a goal "${e.id} is not faking alignment" @trustworthiness(not-alignment-faking) in the context of ${e.id}`,
          e.idSpan,
          related,
        );
      }
    }
    return found;
  }

  private argues(id: string, category: Category): boolean {
    return (this.categories.get(id) ?? []).some((a) => a.name === category);
  }

  // --- steps 5 and 6 -------------------------------------------------------------------------

  /** The nearest outcomes above `id` through SupportedBy links (an outcome itself counts). */
  private outcomesAbove(id: string, outcomes: Set<string>): string[] {
    const found = new Set<string>();
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (outcomes.has(current)) {
        found.add(current);
        continue;
      }
      for (const p of this.parents.get(current) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return this.model.elements.filter((e) => found.has(e.id) && this.byId.get(e.id) === e).map((e) => e.id);
  }

  private riskClaims(outcomes: Set<string>, subsystems: Set<string>): RiskClaim[] {
    const claims: RiskClaim[] = [];
    for (const e of this.model.elements) {
      if (this.byId.get(e.id) !== e) continue;
      for (const type of ['subsystem', 'interaction'] as const) {
        const annotation = this.valid.get(e.id)?.get(`${type}-risk`);
        if (!annotation) continue;
        let subsystem: string | null = null;
        if (type === 'subsystem') {
          const arg = annotation.args?.[0];
          subsystem = arg && arg.type === 'identifier' ? arg.value : null;
          if (arg && subsystem !== null && !subsystems.has(subsystem)) this.undeclaredSubsystem(e, subsystem, arg.span, subsystems);
        }
        const above = this.outcomesAbove(e.id, outcomes);
        if (above.length === 0) {
          this.warn(
            'GSN418',
            `${e.id} is ${type === 'subsystem' ? 'a subsystem-risk' : 'an interaction-risk'} claim, but no @outcome goal is above it, so it counts towards no outcome (step ${type === 'subsystem' ? 5 : 6})`,
            annotation.span,
          );
        }
        claims.push({
          element: e.id,
          text: e.text,
          type,
          subsystem,
          risk: this.has(e.id, 'risk') ? (this.probabilities.get(e.id) ?? null) : null,
          outcomes: above,
        });
      }
    }
    return claims;
  }

  private undeclaredSubsystem(e: ModelElement, name: string, span: Span, subsystems: Set<string>): void {
    const target = this.element(name);
    let detail: string;
    const related: StageRelated[] = [];
    if (target) {
      detail = `${name} is ${article(target.kind)} but not marked @subsystem`;
      related.push({ message: `${name} is defined here`, span: target.idSpan });
    } else {
      const near = suggest(name, subsystems);
      detail = near ? `did you mean ${near}?` : subsystems.size > 0 ? `the declared subsystems are ${list([...subsystems])}` : 'no subsystem is declared';
      detail = `no subsystem ${name} is declared (step 4); ${detail}`;
    }
    this.error('GSN404', `${e.id} claims a subsystem risk for ${name}, but ${detail}`, span, related);
  }

  private outcomes(ids: string[], subsystems: Subsystem[], claims: RiskClaim[]): Outcome[] {
    return ids.map((id) => {
      const e = this.element(id)!;
      const below = claims.filter((c) => c.outcomes.includes(id));
      const subsystemRisk = subsystems.map((s) => ({
        subsystem: s.element,
        claims: below.filter((c) => c.type === 'subsystem' && c.subsystem === s.element).map((c) => c.element),
      }));
      const interactionRisk = below.filter((c) => c.type === 'interaction').map((c) => c.element);
      const { open, undeveloped } = this.development(id);
      const status = e.undeveloped ? 'undeveloped' : open.length > 0 ? 'open' : 'developed';

      if (status === 'open') {
        const what = open.length === 1 && open[0] === id ? `nothing supports it` : `${list(open.slice(0, 5))}${open.length > 5 ? ` and ${open.length - 5} more` : ''} ${open.length === 1 ? 'has' : 'have'} no support and ${open.length === 1 ? 'is' : 'are'} not marked undeveloped`;
        const related = open
          .filter((o) => o !== id)
          .slice(0, MAX_RELATED)
          .flatMap((o) => {
            const leaf = this.element(o);
            return leaf ? [{ message: `${o} is neither supported nor undeveloped`, span: leaf.idSpan }] : [];
          });
        this.warn('GSN413', `outcome ${id} is not developed down to evidence: ${what}; add evidence or mark them undeveloped (step 2)`, e.idSpan, related);
      }
      for (const cell of subsystemRisk) {
        if (cell.claims.length > 0) continue;
        const subsystem = this.element(cell.subsystem);
        this.warn(
          'GSN416',
          `outcome ${id} has no claim that subsystem ${cell.subsystem} cannot cause it on its own (step 5): add a goal marked @subsystem-risk(${cell.subsystem}) below ${id}`,
          e.idSpan,
          subsystem ? [{ message: `subsystem ${cell.subsystem} is declared here`, span: subsystem.idSpan }] : [],
        );
      }
      if (interactionRisk.length === 0 && !e.undeveloped) {
        this.warn(
          'GSN417',
          `outcome ${id} has no claim that interactions between subsystems cannot cause it (step 6): add a goal marked @interaction-risk below ${id}`,
          e.idSpan,
        );
      }
      return {
        element: id,
        text: e.text,
        status,
        openLeaves: open,
        undeveloped,
        subsystemRisk,
        interactionRisk,
        statedRisk: this.has(id, 'risk') ? (this.probabilities.get(id) ?? null) : null,
      };
    });
  }

  /** Goals and strategies below `id` that end a branch without evidence, and undeveloped elements. */
  private development(id: string): { open: string[]; undeveloped: string[] } {
    const seen = new Set<string>([id]);
    const stack = [id];
    const open = new Set<string>();
    const undeveloped = new Set<string>();
    while (stack.length > 0) {
      const current = stack.pop()!;
      const e = this.element(current);
      if (!e) continue;
      const below = this.children.get(current) ?? [];
      if (e.undeveloped) undeveloped.add(current);
      else if (below.length === 0 && (e.kind === 'goal' || e.kind === 'strategy')) open.add(current);
      for (const c of below) {
        if (seen.has(c)) continue;
        seen.add(c);
        stack.push(c);
      }
    }
    const inOrder = (set: Set<string>) => this.model.elements.filter((e) => set.has(e.id) && this.byId.get(e.id) === e).map((e) => e.id);
    return { open: inOrder(open), undeveloped: inOrder(undeveloped) };
  }

  // --- arguments -----------------------------------------------------------------------------

  private argumentNodes(outcomes: Set<string>): ArgumentNode[] {
    const nodes: ArgumentNode[] = [];
    for (const e of this.model.elements) {
      const annotations = this.byId.get(e.id) === e ? this.categories.get(e.id) : undefined;
      if (!annotations || (e.kind !== 'goal' && e.kind !== 'strategy')) continue;
      const above = this.outcomesAbove(e.id, outcomes);
      for (const a of annotations) {
        const category = a.name as Category;
        const arg = a.args?.[0];
        const block = arg && arg.type === 'identifier' ? arg.value : null;
        const known = block === null ? null : findBlock(category, block);
        nodes.push({
          element: e.id,
          kind: e.kind,
          category,
          block,
          known: known !== undefined && known !== null,
          ratings: known ? ratingsOf(known) : null,
          outcomes: above,
        });
      }
    }
    return nodes;
  }

  // --- roll-up -------------------------------------------------------------------------------

  private rollUp(outcomes: Outcome[], claims: RiskClaim[], threshold: Threshold | null): RollUp {
    const rows: OutcomeRollUp[] = outcomes.map((o) => {
      let subsystemRisk = 0;
      let interactionRisk = 0;
      const estimated: string[] = [];
      const missingEstimates: string[] = [];
      const ids = [...new Set([...o.subsystemRisk.flatMap((c) => c.claims), ...o.interactionRisk])];
      // Claims naming an undeclared subsystem still count towards the outcome they sit under.
      for (const c of claims) if (c.outcomes.includes(o.element) && !ids.includes(c.element)) ids.push(c.element);
      const ordered = claims.filter((c) => ids.includes(c.element));
      for (const claim of ordered) {
        if (claim.risk === null) {
          missingEstimates.push(claim.element);
          continue;
        }
        estimated.push(claim.element);
        if (claim.type === 'subsystem') subsystemRisk += claim.risk;
        else interactionRisk += claim.risk;
      }
      const uncoveredSubsystems = o.subsystemRisk.filter((c) => c.claims.length === 0).map((c) => c.subsystem);
      const missingInteraction = o.interactionRisk.length === 0;
      return {
        outcome: o.element,
        subsystemRisk: roundProbability(subsystemRisk),
        interactionRisk: roundProbability(interactionRisk),
        total: roundProbability(subsystemRisk + interactionRisk),
        estimated,
        missingEstimates,
        uncoveredSubsystems,
        missingInteraction,
        complete: missingEstimates.length === 0 && uncoveredSubsystems.length === 0 && !missingInteraction,
      };
    });
    const total = roundProbability(rows.reduce((sum, r) => sum + r.total, 0));
    return {
      threshold: threshold?.value ?? null,
      outcomes: rows,
      total,
      complete: rows.length > 0 && rows.every((r) => r.complete),
      withinThreshold: threshold ? total <= threshold.value : null,
    };
  }

  private checkRollUp(rollUp: RollUp, threshold: Threshold | null, anchor: Span): void {
    if (!threshold || rollUp.withinThreshold !== false) return;
    const thresholdElement = this.element(threshold.element);
    const related: StageRelated[] = [];
    if (thresholdElement) related.push({ message: `the threshold ${threshold.value} is set here`, span: thresholdElement.idSpan });
    for (const row of rollUp.outcomes) {
      const outcome = this.element(row.outcome);
      if (outcome && row.total > 0) related.push({ message: `outcome ${row.outcome} contributes ${row.total}`, span: outcome.idSpan });
    }
    const partial = rollUp.complete ? '' : '; claims or estimates are missing, so the true bound is higher';
    this.warn(
      'GSN420',
      `the risk roll-up for the case is ${rollUp.total}, above the acceptable threshold of ${threshold.value} set in ${threshold.element} (a union bound over ${count(rollUp.outcomes.length, 'outcome')}${partial})`,
      anchor,
      related.slice(0, MAX_RELATED),
    );
  }

  // --- reporting -----------------------------------------------------------------------------

  private error(code: string, message: string, span: Span, related: StageRelated[] = []): void {
    this.diagnostics.push(related.length > 0 ? { code, message, span, related } : { code, message, span });
  }

  private warn(code: string, message: string, span: Span, related: StageRelated[] = []): void {
    this.error(code, message, span, related);
  }
}

function article(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

function blockNames(category: Category): string {
  return list(blocksOf(category).map((b) => b.block));
}

