import type { ChallengeTargetRef, Relation } from '../semantics/model.js';
import type { ElementKind } from '../syntax/ast.js';
import type { LayoutBadge, LayoutLegend, TrustMark } from './mark-types.js';

export type * from './mark-types.js';

/**
 * The laid-out diagram: absolute coordinates in SVG user units (px), origin top-left, y down.
 * Everything the renderer needs is here, so rendering is a pure function of this value.
 */
export interface Layout {
  width: number;
  height: number;
  font: FontSpec;
  /** One per model element, in model order. */
  nodes: LayoutNode[];
  /** One per model edge, in model order. */
  edges: LayoutEdge[];
  /** Dialectic extension: one per model challenge, in model order (absent when none). */
  challenges?: LayoutChallenge[];
  /** AI safety-case framework: the legend of the marks drawn (absent when none). */
  legend?: LayoutLegend;
  /** Confidence extension: assurance claim points, in model order (absent when none). */
  acps?: LayoutAcp[];
  /** Pattern extension: the diamonds of choice groups, in model order (absent when the model has none). */
  choices?: LayoutChoice[];
}

/** Pattern extension: a choice group's diamond, on the junction of the links from `from` to each of `to`. */
export interface LayoutChoice extends LayoutPatternMark {
  from: string;
  to: string[];
}

/** An assurance claim point: a filled square centred at (x, y) and its name. */
export interface LayoutAcp {
  name: string;
  on: { type: 'element'; id: string } | { type: 'relation'; from: string; to: string };
  x: number;
  y: number;
  /** Side of the square. */
  size: number;
  /** Baseline start of the name (text-anchor start). */
  label: Point;
  labelWidth: number;
  /** Plain text for the <title>: "ACP1 on the link G1 -> S1". */
  title: string;
}

/**
 * A `challenges` relation: from the challenger's outline to the target element's outline or onto
 * a visible point of the target link (its middle when free), routed around the boxes (challenges.ts).
 */
export interface LayoutChallenge {
  from: string;
  target: ChallengeTargetRef;
  defeated: boolean;
  /** Orthogonal polyline; the arrowhead is at the last point. */
  points: Point[];
}

export interface FontSpec {
  /** CSS font-family list; the first family is the one whose metrics were used. */
  family: string;
  /** px */
  size: number;
  /** px between baselines */
  lineHeight: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutNode {
  id: string;
  kind: ElementKind;
  /** Bounding box of the GSN shape itself (rectangle, parallelogram, circle, oval...). */
  x: number;
  y: number;
  width: number;
  height: number;
  undeveloped: boolean;
  uninstantiated: boolean;
  url: string | null;
  classes: string[];
  /** Dialectic extension: a counter goal or counter solution (absent = false). */
  counter?: boolean;
  /** Dialectic extension: drawn crossed out (absent = false). */
  defeated?: boolean;
  /**
   * AI safety-case framework: category pills (goals, strategies) or the trust tag (contexts), in
   * the row the layout reserved at the top of the shape (absent when none).
   */
  badges?: LayoutBadge[];
  /** AI safety-case framework: a `@trusted` / `@untrusted` component (absent when neither). */
  trust?: TrustMark;
  /** Pattern extension: the choice diamond on the junction of the SupportedBy links (absent when not a choice). */
  choice?: LayoutPatternMark;
  /** Modular extension: `public`, drawn with the public indicator (absent = false). */
  public?: boolean;
  /** Modular extension: an element of another module, its lower compartment naming the module (absent = local). */
  away?: LayoutAway;
  /**
   * Modular extension: a module reference, drawn with the module shape: its tab above the box
   * (absent = not a module); a contract module reference has a second tab, of the same size,
   * below the box's bottom-right corner.
   */
  module?: { tab: ModuleBox; contractTab?: ModuleBox };
  /** Plain text (markup removed) for the element's <title>. */
  title: string;
  /** Baseline position of the ID label, drawn bold and centred at x. */
  label: Point;
  /** The wrapped text, each line centred on `x` with its own baseline `y`. */
  lines: TextLine[];
}

export interface TextLine {
  /** Centre of the line. */
  x: number;
  /** Baseline. */
  y: number;
  /** Measured width in px. */
  width: number;
  /** True when the line is the first line of a `- ` bullet item (the bullet glyph is in runs). */
  bullet: boolean;
  runs: TextRun[];
}

export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** From `[label](url)` markup, only when the URL passed the allow-list. */
  href: string | null;
}

export interface LayoutEdge {
  from: string;
  to: string;
  relation: Relation;
  /**
   * Orthogonal polyline. The first point lies on the boundary of `from`'s shape, the last on the
   * boundary of `to`'s shape, where the arrowhead points.
   */
  points: Point[];
  /** Dialectic extension: drawn crossed out at its middle (absent = false). */
  defeated?: boolean;
  /** Pattern extension: the multiplicity ball on the link (absent when none). */
  multiplicity?: LayoutPatternMark & { kind: 'many' | 'optional' };
}

/** Pattern extension: a mark (ball or diamond) centred at `at`, and its label (text-anchor start). */
export interface LayoutPatternMark {
  label: string | null;
  at: Point;
  /** Baseline start of the label; null when there is none. */
  labelAt: Point | null;
  labelWidth: number;
}

/** Modular extension: a rectangle. */
export interface ModuleBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Modular extension: an away element's lower compartment, with the module icon and name. */
export interface LayoutAway {
  module: string;
  /** The compartment, right below the shape. */
  band: ModuleBox;
  /** Top-left corner of the module icon's body (its tab sits above it). */
  icon: Point;
  /** Baseline centre of the module's name. */
  label: Point;
}
