/** Resource limits: explicit, with defaults high enough for 20,000-element cases. */
export interface Limits {
  /** Largest input accepted, in UTF-16 code units. */
  maxInputLength: number;
  /** Deepest nesting of element blocks. */
  maxDepth: number;
  /** Most elements in one compilation. */
  maxElements: number;
  /** Longest time the layout may take, in ms (enforced where layout runs in a worker). */
  layoutTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputLength: 32 * 1024 * 1024,
  maxDepth: 1000,
  maxElements: 50_000,
  layoutTimeoutMs: 120_000,
};

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
