import type { Diagnostic } from '../diagnostics/types.js';
import { CATEGORIES, blocksOf, findBlock, type BlockRatings, type Category } from '../framework/blocks.js';
import type { Framework, Outcome, RiskClaim } from '../framework/types.js';
import type { Model, ModelElement } from '../semantics/model.js';
import { isAllowedUrl } from '../text/url.js';
import { code, em, ids, link, oneLine, strong, type Block, type Inlines, type ReportDocument } from './document.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';

export type ReportFormat = 'md' | 'html' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json'];

/**
 * The review report of an AI safety case (Clymer et al. 2024): in the order of the six steps,
 * what each declares and what it lacks; the outcome x subsystem coverage matrix; the arguments by
 * category and building block with the paper's ratings; open items; the risk roll-up against the
 * threshold; the evidence list; and every finding. Deterministic: the same input gives the same
 * bytes (no dates, no paths beyond what the diagnostics carry).
 *
 * `framework` is null for a document without framework annotations; the report then says so and
 * still lists open items, evidence and findings. `diagnostics` are the compile's diagnostics
 * (all of them, or only the framework's; the report shows what it is given).
 */
export function renderReport(framework: Framework | null, model: Model, format: ReportFormat, diagnostics: readonly Diagnostic[] = []): string {
  if (format === 'json') return `${JSON.stringify({ framework, findings: diagnostics }, null, 2)}\n`;
  const doc = buildReport(framework, model, diagnostics);
  return format === 'html' ? toHtml(doc) : toMarkdown(doc);
}

const STEP_CODES: Record<string, readonly string[]> = {
  step1: ['GSN411'],
  step2: ['GSN412', 'GSN413'],
  step3: ['GSN414'],
  step4: ['GSN415', 'GSN406'],
  steps56: ['GSN404', 'GSN416', 'GSN417', 'GSN418'],
  arguments: ['GSN401', 'GSN402', 'GSN403', 'GSN419'],
  rollUp: ['GSN405', 'GSN420'],
};

const RATING_LABELS: Record<keyof BlockRatings, string> = {
  practicality: 'Practicality',
  maxStrength: 'Maximum strength',
  scalability: 'Scalability',
};

export function buildReport(framework: Framework | null, model: Model, diagnostics: readonly Diagnostic[]): ReportDocument {
  const r = new ReportBuilder(framework, model, diagnostics);
  return r.build();
}

class ReportBuilder {
  private readonly blocks: Block[] = [];
  private readonly byId = new Map<string, ModelElement>();

  constructor(
    private readonly framework: Framework | null,
    private readonly model: Model,
    private readonly diagnostics: readonly Diagnostic[],
  ) {
    for (const e of model.elements) if (!this.byId.has(e.id)) this.byId.set(e.id, e);
  }

  build(): ReportDocument {
    const name = this.model.module?.description ?? this.model.module?.name ?? null;
    const title = name ? `Safety case review: ${oneLine(name)}` : 'Safety case review';
    this.summary();
    const f = this.framework;
    if (f) {
      this.stepOne(f);
      this.stepTwo(f);
      this.stepThree(f);
      this.stepFour(f);
      this.stepsFiveSix(f);
      this.argumentsUsed(f);
      this.rollUp(f);
    }
    this.openItems(f);
    this.evidence();
    this.findings();
    return { title, blocks: this.blocks };
  }

  // --- helpers -------------------------------------------------------------------------------

  private h(level: 1 | 2 | 3, text: string): void {
    this.blocks.push({ type: 'heading', level, text });
  }
  private p(...content: Inlines): void {
    this.blocks.push({ type: 'paragraph', content });
  }
  private list(items: Inlines[]): void {
    if (items.length > 0) this.blocks.push({ type: 'list', items });
  }
  private table(header: string[], rows: Inlines[][]): void {
    this.blocks.push({ type: 'table', header, rows });
  }
  private text(id: string): string {
    return oneLine(this.byId.get(id)?.text ?? '');
  }
  private at(d: Diagnostic): string {
    return `${d.line}:${d.column}`;
  }

  /** The findings with these codes, as a list under a heading "Lacks" or nothing when clean. */
  private stepFindings(key: keyof typeof STEP_CODES, clean: string): void {
    const codes = STEP_CODES[key] ?? [];
    const found = this.diagnostics.filter((d) => codes.includes(d.code));
    if (found.length === 0) {
      this.p(em(clean));
      return;
    }
    this.p(strong(found.length === 1 ? '1 finding:' : `${found.length} findings:`));
    this.list(found.map((d) => [code(d.code), ` ${d.severity} at ${this.at(d)}: `, d.message]));
  }

  // --- sections ------------------------------------------------------------------------------

  private summary(): void {
    const errors = this.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = this.diagnostics.filter((d) => d.severity === 'warning').length;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    this.p(
      'Reviewed against the framework of Clymer, Gabrieli, Krueger and Larsen, ',
      em('Safety Cases: How to Justify the Safety of Advanced AI Systems'),
      ' (2024): six steps, and four categories of argument (inability, control, trustworthiness, deference).',
    );
    const f = this.framework;
    if (!f) {
      this.p(strong('This case uses no framework annotations'), ', so none of the framework steps can be reviewed. ', `Findings: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
      return;
    }
    const verdict: Inlines = [];
    const r = f.rollUp;
    if (r.threshold === null) verdict.push('No threshold is stated, so the risk roll-up cannot be judged.');
    else {
      verdict.push(`Risk roll-up: ${r.total} against a threshold of ${r.threshold}: `);
      verdict.push(r.withinThreshold ? 'within the threshold' : strong('above the threshold'));
      verdict.push(r.complete ? '.' : ' (incomplete: some claims or estimates are missing, so the true bound is higher).');
    }
    this.p(`Findings: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}. `, ...verdict);
  }

  private stepOne(f: Framework): void {
    this.h(2, 'Step 1: the macrosystem and the deployment decision');
    const rows: Inlines[][] = [];
    const row = (item: string, entries: { element: string; text: string; onTopGoal: boolean }[]) => {
      if (entries.length === 0) rows.push([[item], [strong('missing')], ['—']]);
      for (const c of entries) rows.push([[item], [code(c.element), ...(c.onTopGoal ? [] : [' (not on the top goal)'])], [oneLine(c.text)]]);
    };
    row('Macrosystem', f.macrosystem);
    row('Deployment decision', f.deployment);
    if (f.threshold) rows.push([['Acceptable risk'], [code(f.threshold.element)], [`${f.threshold.value}: ${this.text(f.threshold.element)}`]]);
    else rows.push([['Acceptable risk'], [strong('missing')], ['no valid @threshold, so the roll-up cannot be judged']]);
    this.p('Top goal: ', ...ids(f.topGoals, strong('none')), '.');
    this.table(['Item', 'Element', 'Statement'], rows);
    this.stepFindings('step1', 'Step 1 declares everything it needs.');
  }

  private stepTwo(f: Framework): void {
    this.h(2, 'Step 2: unacceptable outcomes');
    if (f.outcomes.length > 0) {
      this.table(
        ['Outcome', 'Claim', 'Development'],
        f.outcomes.map((o) => [[code(o.element)], [oneLine(o.text)], this.development(o)]),
      );
    }
    this.stepFindings('step2', 'Every outcome is developed to evidence or explicitly undeveloped.');
  }

  private development(o: Outcome): Inlines {
    if (o.status === 'undeveloped') return [strong('undeveloped')];
    const out: Inlines = o.status === 'developed' ? ['developed to evidence'] : [strong('open'), ': ', ...ids(o.openLeaves), ' lack support'];
    const below = o.undeveloped.filter((id) => id !== o.element);
    if (below.length > 0) out.push('; undeveloped below it: ', ...ids(below));
    return out;
  }

  private stepThree(f: Framework): void {
    this.h(2, 'Step 3: deployment assumptions');
    if (f.deploymentAssumptions.length === 0) this.p(em('The case states no deployment assumption.'));
    else {
      this.table(
        ['Assumption', 'Claim', 'Supported by'],
        f.deploymentAssumptions.map((a) => [
          [code(a.element)],
          [oneLine(a.text)],
          a.supportedBy.length > 0 ? ids(a.supportedBy) : [strong(a.undeveloped ? 'not supported (undeveloped)' : 'not supported')],
        ]),
      );
    }
    this.stepFindings('step3', 'Every deployment assumption is argued.');
  }

  private stepFour(f: Framework): void {
    this.h(2, 'Step 4: subsystems');
    if (f.subsystems.length > 0) {
      this.table(
        ['Subsystem', 'Description', 'Trust'],
        f.subsystems.map((s) => [[code(s.element)], [oneLine(s.text)], [s.trust]]),
      );
    }
    if (f.components.length > 0) {
      this.h(3, 'Trusted and untrusted components');
      this.table(
        ['Component', 'Trust', 'Subsystem', 'Trustworthiness argued by'],
        f.components.map((c) => [
          [code(c.element)],
          [c.trust],
          [c.subsystem ? 'yes' : 'no'],
          c.trustworthinessArguments.length > 0 ? ids(c.trustworthinessArguments) : c.trust === 'trusted' ? [strong('none')] : ['—'],
        ]),
      );
    }
    this.stepFindings('step4', 'The macrosystem is decomposed into subsystems.');
  }

  private stepsFiveSix(f: Framework): void {
    this.h(2, 'Steps 5 and 6: subsystem and interaction risks');
    const claims = new Map<string, RiskClaim>(f.riskClaims.map((c) => [c.element, c]));
    const cell = (list: string[]): Inlines => {
      if (list.length === 0) return [strong('missing')];
      const out: Inlines = [];
      list.forEach((id, i) => {
        if (i > 0) out.push(', ');
        const risk = claims.get(id)?.risk ?? null;
        out.push(code(id), risk === null ? ' (no estimate)' : ` (${risk})`);
      });
      return out;
    };
    if (f.outcomes.length > 0) {
      this.p('Each cell names the claims that the subsystem cannot cause the outcome on its own (step 5), with their @risk estimates; the last column, the claims about interactions between subsystems (step 6).');
      this.table(
        ['Outcome', ...f.subsystems.map((s) => s.element), 'Interactions'],
        f.outcomes.map((o) => [[code(o.element)], ...o.subsystemRisk.map((c) => cell(c.claims)), cell(o.interactionRisk)]),
      );
    }
    const stray = f.riskClaims.filter((c) => c.outcomes.length === 0);
    if (stray.length > 0) this.p('Risk claims under no outcome: ', ...ids(stray.map((c) => c.element)), '.');
    this.stepFindings('steps56', 'Every outcome has a claim for every subsystem and for their interactions.');
  }

  private argumentsUsed(f: Framework): void {
    this.h(2, 'Arguments by category and building block');
    this.p('Ratings from the paper\'s Figure 3: practicality, maximum strength and scalability, each weak, moderate, strong or varies.');
    const rows: Inlines[][] = [];
    for (const category of CATEGORIES) {
      const used = f.arguments.filter((a) => a.category === category);
      if (used.length === 0) continue;
      const groups: { block: string | null; known: boolean; elements: string[] }[] = [];
      const add = (block: string | null, known: boolean, element: string) => {
        let g = groups.find((x) => x.block === block);
        if (!g) groups.push((g = { block, known, elements: [] }));
        if (!g.elements.includes(element)) g.elements.push(element);
      };
      // The paper's order first, then unknown blocks as written, then category-only nodes.
      for (const b of blocksOf(category)) for (const a of used) if (a.block === b.block) add(b.block, true, a.element);
      for (const a of used) if (a.block !== null && !a.known) add(a.block, false, a.element);
      for (const a of used) if (a.block === null) add(null, false, a.element);
      for (const g of groups) rows.push(this.argumentRow(category, g.block, g.known, g.elements));
    }
    if (rows.length === 0) this.p(em('No goal or strategy names its argument category.'));
    else this.table(['Category', 'Building block', RATING_LABELS.practicality, RATING_LABELS.maxStrength, RATING_LABELS.scalability, 'Argued by'], rows);
    const unused = CATEGORIES.filter((c) => !f.arguments.some((a) => a.category === c));
    if (unused.length > 0 && rows.length > 0) this.p('Categories not used: ', unused.join(', '), '.');
    this.stepFindings('arguments', 'Every argument uses a building block of its category, and every trusted component is argued trustworthy.');
  }

  private argumentRow(category: Category, block: string | null, known: boolean, elements: string[]): Inlines[] {
    const b = block === null ? undefined : findBlock(category, block);
    if (!b || !known) {
      const label: Inlines = block === null ? [em('none given')] : [code(block), ' ', strong('(not in this category)')];
      return [[category], label, ['—'], ['—'], ['—'], ids(elements)];
    }
    return [[category], [code(b.block)], [b.practicality], [b.maxStrength], [b.scalability], ids(elements)];
  }

  private rollUp(f: Framework): void {
    this.h(2, 'Risk roll-up');
    const r = f.rollUp;
    if (r.outcomes.length === 0) this.p(em('No outcome to roll up.'));
    else {
      this.p('Per outcome, the sum of the @risk estimates of its subsystem-risk and interaction-risk claims bounds the probability of that outcome (a union bound); the case total is the sum over outcomes.');
      const rows: Inlines[][] = r.outcomes.map((o) => {
        const missing: Inlines = [];
        if (o.missingEstimates.length > 0) missing.push('no estimate: ', ...ids(o.missingEstimates));
        if (o.uncoveredSubsystems.length > 0) missing.push(missing.length > 0 ? '; ' : '', 'no claim for ', ...ids(o.uncoveredSubsystems));
        if (o.missingInteraction) missing.push(missing.length > 0 ? '; ' : '', 'no interaction claim');
        return [[code(o.outcome)], [String(o.subsystemRisk)], [String(o.interactionRisk)], [String(o.total)], missing.length > 0 ? missing : ['—']];
      });
      rows.push([[strong('Case')], ['—'], ['—'], [strong(String(r.total))], [r.complete ? '—' : 'incomplete']]);
      this.table(['Outcome', 'Subsystem risk', 'Interaction risk', 'Bound', 'Missing'], rows);
    }
    if (r.threshold === null) this.p(strong('No threshold'), ': the case states no valid @threshold to compare the roll-up with.');
    else {
      const where = f.threshold ? [' (', code(f.threshold.element), ')'] : [];
      this.p(
        `Threshold ${r.threshold}`,
        ...where,
        `: the case total ${r.total} is `,
        r.withinThreshold ? 'within it' : strong('above it'),
        r.complete ? '.' : ', counting only the estimates written.',
      );
    }
    this.stepFindings('rollUp', 'The estimates are valid probabilities and the roll-up is within the threshold.');
  }

  private openItems(f: Framework | null): void {
    this.h(2, 'Open items');
    const items: Inlines[] = [];
    const unsupported = new Set(f ? f.deploymentAssumptions.filter((a) => a.supportedBy.length === 0).map((a) => a.element) : []);
    for (const e of this.model.elements) {
      if (this.byId.get(e.id) !== e || !e.undeveloped || unsupported.has(e.id)) continue;
      items.push(['Undeveloped ', e.kind, ' ', code(e.id), ': ', oneLine(e.text)]);
    }
    if (f) {
      for (const a of f.deploymentAssumptions) {
        if (a.supportedBy.length === 0) {
          items.push([a.undeveloped ? 'Undeveloped, unsupported deployment assumption ' : 'Unsupported deployment assumption ', code(a.element), ': ', oneLine(a.text)]);
        }
      }
      for (const o of f.outcomes) {
        for (const leaf of o.openLeaves) items.push(['Branch without evidence under outcome ', code(o.element), ': ', code(leaf), ' is neither supported nor undeveloped']);
        for (const c of o.subsystemRisk) if (c.claims.length === 0) items.push(['No claim that subsystem ', code(c.subsystem), ' cannot cause outcome ', code(o.element), ' on its own']);
        if (o.interactionRisk.length === 0 && o.status !== 'undeveloped') items.push(['No interaction-risk claim for outcome ', code(o.element)]);
      }
      for (const c of f.components) {
        if (c.trust === 'trusted' && c.trustworthinessArguments.length === 0) items.push(['Trusted component ', code(c.element), ' has no trustworthiness argument']);
      }
      for (const o of f.rollUp.outcomes) {
        if (o.missingEstimates.length > 0) items.push(['Risk claims under outcome ', code(o.outcome), ' without a @risk estimate: ', ...ids(o.missingEstimates)]);
      }
    }
    if (items.length === 0) this.p(em('None.'));
    else this.list(items);
  }

  private evidence(): void {
    this.h(2, 'Evidence');
    const solutions = this.model.elements.filter((e) => e.kind === 'solution' && this.byId.get(e.id) === e);
    if (solutions.length === 0) {
      this.p(em('The case cites no evidence.'));
      return;
    }
    this.table(
      ['Solution', 'Evidence', 'Link'],
      solutions.map((s) => [[code(s.id)], [oneLine(s.text)], s.url && isAllowedUrl(s.url) ? [link(s.url, s.url)] : s.url ? [s.url] : ['—']]),
    );
  }

  private findings(): void {
    this.h(2, 'All findings');
    if (this.diagnostics.length === 0) {
      this.p(em('None.'));
      return;
    }
    this.table(
      ['Severity', 'Code', 'Where', 'Finding'],
      this.diagnostics.map((d) => [[d.severity], [code(d.code)], [`${d.file}:${this.at(d)}`], [d.message]]),
    );
  }
}
