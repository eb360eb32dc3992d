/**
 * GSN Community Standard extensions placed on the finished layout: pattern marks (patterns.ts),
 * then assurance claim points (confidence.ts), which keep clear of the marks. A case using
 * neither gets its layout back untouched.
 */
import type { Model } from '../semantics/model.js';
import { placeAcps } from './confidence.js';
import { placePatterns } from './patterns.js';
import type { Layout } from './types.js';

export function placeExtensions(model: Model, layout: Layout): Layout {
  const taken = placePatterns(model, layout);
  return placeAcps(model, layout, taken);
}
