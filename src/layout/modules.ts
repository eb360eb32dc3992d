/**
 * Modular extension: the geometry of away elements (the element's shape with a lower
 * compartment naming its module, with the module icon), module references (the module shape:
 * a rectangle with a tab; a contract module reference has a second tab of the same size at the
 * bottom right) and the public indicator. Shapes are sized before ELK runs
 * (withModuleShapes: the compartment is reserved below the shape, the shape widened if the
 * module name needs it); the marks are placed on the finished layout (placeModules). A model
 * without modules gets its shapes and layout back untouched.
 */
import type { Model } from '../semantics/model.js';
import { measure } from './measure.js';
import type { ShapeGeometry } from './shapes.js';
import { BASELINE_OFFSET, FONT_SIZE, LINE_HEIGHT, STRATEGY_SKEW } from './style.js';
import type { Layout } from './types.js';

/** Height of an away element's lower compartment. */
export const AWAY_BAND = LINE_HEIGHT + 8;
/** The module icon: a small rectangle with a tab on its top-left. */
export const MODULE_ICON = { width: 14, height: 9, tabWidth: 6, tabHeight: 3 } as const;
/** Height of the module shape's tab, drawn above the shape's box. */
export const MODULE_TAB = { height: 8, maxWidth: 48 } as const;
const BAND_PAD = 6;
const ICON_GAP = 4;

const PLAIN = { bold: false, italic: false, code: false };

/** Widths that fit the compartment's content: icon, gap and the module's name. */
function bandContentWidth(module: string): number {
  return BAND_PAD + MODULE_ICON.width + ICON_GAP + measure(module, PLAIN, FONT_SIZE) + BAND_PAD;
}

/** The compartment's width under a shape of this kind and width (round shapes get a narrower one). */
function bandWidth(kind: ShapeGeometry['kind'], width: number): number {
  if (kind === 'goal' || kind === 'context') return width;
  if (kind === 'strategy') return width - STRATEGY_SKEW;
  return width * 0.7;
}

/**
 * Shapes of away elements widened to fit their compartment and with its height reserved below;
 * a contract module reference gets the height of its bottom tab reserved.
 */
export function withModuleShapes(model: Model, shapes: ShapeGeometry[]): ShapeGeometry[] {
  if (!model.elements.some((e) => e.away || e.moduleRef?.contract)) return shapes;
  return shapes.map((s, i) => {
    if (model.elements[i]?.moduleRef?.contract) return { ...s, reserveBottom: Math.max(s.reserveBottom, MODULE_TAB.height) };
    const away = model.elements[i]?.away;
    if (!away) return s;
    const need = bandContentWidth(away.module);
    const have = bandWidth(s.kind, s.width);
    const grow = need > have ? need - have : 0;
    const width = s.width + (s.kind === 'solution' || s.kind === 'assumption' || s.kind === 'justification' ? grow / 0.7 : grow);
    const dx = (width - s.width) / 2;
    return {
      ...s,
      width,
      // Only wider: a solution that has to grow for a long module name becomes an ellipse.
      label: { x: s.label.x + dx, y: s.label.y },
      lines: s.lines.map((l) => ({ ...l, x: l.x + dx })),
      reserveBottom: Math.max(s.reserveBottom, AWAY_BAND),
    };
  });
}

/**
 * Adds the away compartments, module tabs and public flags to the laid-out nodes. A link from
 * an away element (a contract module develops one) starts below its compartment, which is part
 * of its shape: drawn from the shape's own bottom, it would cross the module's name.
 */
export function placeModules(model: Model, layout: Layout): Layout {
  model.elements.forEach((e, i) => {
    const node = layout.nodes[i];
    if (!node) return;
    if (e.public) node.public = true;
    if (e.away) {
      const width = Math.max(bandWidth(node.kind, node.width), Math.min(node.width, bandContentWidth(e.away.module)));
      const x = node.x + (node.width - width) / 2;
      const y = node.y + node.height;
      const textWidth = measure(e.away.module, PLAIN, FONT_SIZE);
      const contentLeft = x + (width - (MODULE_ICON.width + ICON_GAP + textWidth)) / 2;
      node.away = {
        module: e.away.module,
        band: { x, y, width, height: AWAY_BAND },
        icon: { x: contentLeft, y: y + (AWAY_BAND - MODULE_ICON.height) / 2 + MODULE_ICON.tabHeight / 2 },
        label: { x: contentLeft + MODULE_ICON.width + ICON_GAP + textWidth / 2, y: y + (AWAY_BAND - LINE_HEIGHT) / 2 + BASELINE_OFFSET },
      };
    }
    if (e.moduleRef) {
      const width = Math.min(MODULE_TAB.maxWidth, node.width / 3);
      node.module = { tab: { x: node.x, y: node.y - MODULE_TAB.height, width, height: MODULE_TAB.height } };
      if (e.moduleRef.contract) node.module.contractTab = { x: node.x + node.width - width, y: node.y + node.height, width, height: MODULE_TAB.height };
    }
  });
  const away = new Map(layout.nodes.filter((n) => n.away).map((n) => [n.id, n]));
  if (away.size > 0) for (const edge of layout.edges) startBelowBand(edge, away.get(edge.from));
  return layout;
}

/** Moves the start of a link leaving an away element's bottom to the bottom of its compartment. */
function startBelowBand(edge: Layout['edges'][number], from: Layout['nodes'][number] | undefined): void {
  const band = from?.away?.band;
  const [start, next] = edge.points;
  if (!band || !start || !next || Math.abs(start.y - (from.y + from.height)) > 0.01 || next.y < start.y) return;
  start.y = Math.min(band.y + band.height, next.y);
  if (Math.abs(next.x - start.x) < 0.01 && Math.abs(next.y - start.y) < 0.01 && edge.points.length > 2) edge.points.shift();
}
