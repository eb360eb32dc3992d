/**
 * Every size the layout decides and the renderer must agree with: font, paddings, shape
 * geometry and the GSN decorations. The renderer imports these, so the drawing matches the
 * geometry the layout computed (and tested) exactly. All values are in px (SVG user units).
 */

/** CSS font-family written in the SVG; the first family is the one the metrics come from. */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, sans-serif';
/** Font size of the ID label and the element text. */
export const FONT_SIZE = 12;
/** Distance between baselines of consecutive lines (the ID label counts as one line). */
export const LINE_HEIGHT = 15;
/**
 * From the top of a line's 15 px slot to its baseline: half the leading plus DejaVu's ascent
 * (1901/2048 em). Line i of a node's text block has its baseline at blockTop + i * LINE_HEIGHT
 * + BASELINE_OFFSET.
 */
export const BASELINE_OFFSET = (LINE_HEIGHT - FONT_SIZE * ((1901 + 483) / 2048)) / 2 + FONT_SIZE * (1901 / 2048);
/** Indent of a bullet item's continuation lines (the width of "• " in the regular face). */
export const BULLET = '\u2022 ';

/** Default inner padding between the text block and a rectangle-like shape's outline. */
export const PAD_X = 10;
export const PAD_Y = 7;

/** Wrap widths of the element text, per kind (the block may grow for very long text). */
export const WRAP_WIDTH = {
  goal: 220,
  strategy: 220,
  context: 200,
  assumption: 170,
  justification: 170,
  /** Solutions choose the width (from SOLUTION_WRAP_WIDTHS) that gives the smallest circle. */
  solution: 120,
} as const;
/** Words up to this wide (px) are never broken; longer ones (URLs, hashes) break by character. */
export const LONGEST_UNBROKEN_WORD = 240;
export const SOLUTION_WRAP_WIDTHS = [70, 90, 110, 130, 160, 200, 260, 340] as const;
/** Smallest shape widths, so a one-word element still reads as its GSN shape. */
export const MIN_WIDTH = { goal: 80, strategy: 100, context: 80, assumption: 70, justification: 70, solution: 44 } as const;

/**
 * Strategy parallelogram: the top edge is shifted right by STRATEGY_SKEW relative to the bottom
 * edge. For a node box (x, y, w, h) the outline is
 * (x + STRATEGY_SKEW, y) (x + w, y) (x + w - STRATEGY_SKEW, y + h) (x, y + h).
 */
export const STRATEGY_SKEW = 16;

/** Context rounded rectangle: corner radius (rx = ry). */
export const CONTEXT_RADIUS = 10;

/**
 * Assumption / justification: an ellipse filling the node box (centre at the box centre, radii
 * w/2 and h/2). The letter "A" or "J" is drawn bold at FONT_SIZE just outside the ellipse at its
 * lower right (the renderer puts it just past the ellipse's 45-degree point), text-anchor start,
 * never further right than x = box.x + box.w - LETTER_INSET_X nor lower than the baseline
 * y = box.y + box.h + LETTER_DROP. The layout reserves LETTER_RESERVE_X to the right of the box
 * and LETTER_RESERVE_Y below it for the letter, so nothing else is placed there.
 */
export const LETTER_INSET_X = 3;
export const LETTER_DROP = 3;
export const LETTER_RESERVE_X = 8;
export const LETTER_RESERVE_Y = 6;

/**
 * Undeveloped: a hollow diamond DIAMOND_WIDTH x DIAMOND_HEIGHT whose top vertex touches the
 * middle of the shape's bottom (box.x + box.w / 2, box.y + box.h). Uninstantiated: a hollow
 * triangle TRIANGLE_WIDTH x TRIANGLE_HEIGHT, apex up at the same point, base below. When both
 * apply they sit side by side, DECORATION_GAP apart, diamond left, the pair centred on the
 * shape's middle. decorationBoxes() gives the exact boxes; use it.
 */
export const DIAMOND_WIDTH = 16;
export const DIAMOND_HEIGHT = 12;
export const TRIANGLE_WIDTH = 14;
export const TRIANGLE_HEIGHT = 12;
export const DECORATION_GAP = 4;

/** Gap between an element and a context packed beside it (the InContextOf edge's length). */
export const CONTEXT_GAP = 28;
/** Vertical gap between contexts stacked on the same side of their element. */
export const CONTEXT_STACK_GAP = 10;

/** Space around the whole diagram. */
export const MARGIN = 20;
/** ELK spacing between neighbouring nodes in one row, and between rows. */
export const NODE_SPACING = 24;
export const LAYER_SPACING = 40;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the undeveloped diamond and the uninstantiated triangle go, for a shape box. The
 * renderer draws a diamond inscribed in `diamond` and a triangle (apex at the top middle,
 * base along the bottom) inscribed in `triangle`.
 */
export function decorationBoxes(
  box: Box,
  undeveloped: boolean,
  uninstantiated: boolean,
): { diamond: Box | null; triangle: Box | null } {
  const cx = box.x + box.width / 2;
  const top = box.y + box.height;
  if (undeveloped && uninstantiated) {
    const total = DIAMOND_WIDTH + DECORATION_GAP + TRIANGLE_WIDTH;
    const left = cx - total / 2;
    return {
      diamond: { x: left, y: top, width: DIAMOND_WIDTH, height: DIAMOND_HEIGHT },
      triangle: { x: left + DIAMOND_WIDTH + DECORATION_GAP, y: top, width: TRIANGLE_WIDTH, height: TRIANGLE_HEIGHT },
    };
  }
  return {
    diamond: undeveloped ? { x: cx - DIAMOND_WIDTH / 2, y: top, width: DIAMOND_WIDTH, height: DIAMOND_HEIGHT } : null,
    triangle: uninstantiated
      ? { x: cx - TRIANGLE_WIDTH / 2, y: top, width: TRIANGLE_WIDTH, height: TRIANGLE_HEIGHT }
      : null,
  };
}

/** Height reserved below a shape for its decorations (0 when it has none). */
export function decorationHeight(undeveloped: boolean, uninstantiated: boolean): number {
  return Math.max(undeveloped ? DIAMOND_HEIGHT : 0, uninstantiated ? TRIANGLE_HEIGHT : 0);
}
