/**
 * Numbers as printed in the SVG: at most two decimals, no trailing zeros, never `-0`, `NaN` or
 * `Infinity` (non-finite values print as 0 so the output stays valid). One function, so every
 * coordinate in the file is printed the same way and output is byte-identical across runs.
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0'; // also turns -0 into 0
  return String(rounded);
}

/** `x,y` pairs separated by spaces, for `points` attributes. */
export function points(list: ReadonlyArray<{ x: number; y: number }>): string {
  return list.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
}
