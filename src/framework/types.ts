import type { BlockRatings, Category } from './blocks.js';

/**
 * The AI safety-case framework (Clymer et al. 2024) as found in one document: plain,
 * JSON-serialisable data. Every entry names the element it comes from by its ID, so a reader can
 * trace it back to the source; lists are in source order of the elements.
 */
export interface Framework {
  /** Step 1: the top goals the framework is judged against (those above an outcome). */
  topGoals: string[];
  /** Step 1: contexts marked `@macrosystem`. */
  macrosystem: FrameworkContext[];
  /** Step 1: contexts marked `@deployment`. */
  deployment: FrameworkContext[];
  /** Step 1: the first valid `@threshold`, or null. */
  threshold: Threshold | null;
  /** Step 2. */
  outcomes: Outcome[];
  /** Step 3. */
  deploymentAssumptions: DeploymentAssumption[];
  /** Step 4: contexts marked `@subsystem`, declared once for the whole case. */
  subsystems: Subsystem[];
  /** Every context marked `@trusted` or `@untrusted`, subsystem or not. */
  components: Component[];
  /** Steps 5 and 6: every `@subsystem-risk` and `@interaction-risk` goal. */
  riskClaims: RiskClaim[];
  /** Every category annotation on a goal or strategy (one entry per annotation). */
  arguments: ArgumentNode[];
  rollUp: RollUp;
}

export interface FrameworkContext {
  element: string;
  text: string;
  /** Whether it is a context of one of the framework's top goals, where step 1 expects it. */
  onTopGoal: boolean;
}

export interface Threshold {
  value: number;
  element: string;
}

export type OutcomeStatus =
  /** Every branch ends in evidence (a solution) or an explicitly undeveloped element. */
  | 'developed'
  /** The outcome goal itself is marked undeveloped. */
  | 'undeveloped'
  /** Some branch ends in a goal or strategy that is neither supported nor undeveloped. */
  | 'open';

export interface Outcome {
  element: string;
  text: string;
  status: OutcomeStatus;
  /** Goals and strategies below it that are neither supported nor undeveloped. */
  openLeaves: string[];
  /** Elements below it (or itself) marked undeveloped. */
  undeveloped: string[];
  /** The coverage row: one cell per declared subsystem, in declaration order. */
  subsystemRisk: CoverageCell[];
  /** `@interaction-risk` claims below this outcome. */
  interactionRisk: string[];
  /** The outcome's own `@risk`, if written (the roll-up does not use it). */
  statedRisk: number | null;
}

export interface CoverageCell {
  subsystem: string;
  /** `@subsystem-risk(subsystem)` claims below this outcome; empty when the cell is missing. */
  claims: string[];
}

export interface DeploymentAssumption {
  element: string;
  text: string;
  /** What supports it directly; empty when it is merely assumed. */
  supportedBy: string[];
  undeveloped: boolean;
}

export type Trust = 'trusted' | 'untrusted' | 'unspecified';

export interface Subsystem {
  element: string;
  text: string;
  trust: Trust;
}

export interface Component {
  element: string;
  text: string;
  trust: Exclude<Trust, 'unspecified'>;
  subsystem: boolean;
  /** Goals argued `@trustworthiness` that have this component as a context. */
  trustworthinessArguments: string[];
}

export interface RiskClaim {
  element: string;
  text: string;
  type: 'subsystem' | 'interaction';
  /** For a subsystem-risk claim, the subsystem it names (declared or not). */
  subsystem: string | null;
  /** Its `@risk` estimate, or null when none is written (or the one written is invalid). */
  risk: number | null;
  /** The nearest `@outcome` goals above it through SupportedBy links. */
  outcomes: string[];
}

export interface ArgumentNode {
  element: string;
  kind: 'goal' | 'strategy';
  category: Category;
  /** The building block as written, or null when only the category is given. */
  block: string | null;
  /** Whether the paper lists that block under that category. */
  known: boolean;
  /** The paper's ratings of (category, block), or null without a known block. */
  ratings: BlockRatings | null;
  /** The nearest `@outcome` goals above it (empty outside any outcome). */
  outcomes: string[];
}

export interface RollUp {
  threshold: number | null;
  outcomes: OutcomeRollUp[];
  /** Sum over outcomes (a union bound), rounded to 12 significant digits. */
  total: number;
  /** True when every outcome's roll-up is complete. */
  complete: boolean;
  /** total <= threshold; null without a threshold. */
  withinThreshold: boolean | null;
}

export interface OutcomeRollUp {
  outcome: string;
  /** Sum of the estimates of its subsystem-risk claims. */
  subsystemRisk: number;
  /** Sum of the estimates of its interaction-risk claims. */
  interactionRisk: number;
  /** subsystemRisk + interactionRisk: an upper bound on the outcome's probability (union bound). */
  total: number;
  /** Claims whose `@risk` counted. */
  estimated: string[];
  /** Risk claims below the outcome with no (valid) `@risk`. */
  missingEstimates: string[];
  /** Declared subsystems with no subsystem-risk claim for this outcome. */
  uncoveredSubsystems: string[];
  /** No interaction-risk claim for this outcome. */
  missingInteraction: boolean;
  /** No estimate and no claim is missing, so `total` bounds the whole outcome. */
  complete: boolean;
}
