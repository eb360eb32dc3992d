/** Helpers of the security suites: string literals, and what makes an SVG inert. */
import { attributes, elements, inertnessProblems, parseSvg, type XNode } from '../render/xml.js';

/** A string literal holding exactly `value`. */
export const q = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Everything that makes an SVG inert and well-formed, as a list of problems. */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  let root: XNode;
  try {
    root = parseSvg(svg);
  } catch (error) {
    return [(error as Error).message];
  }
  for (const p of inertnessProblems(root)) problems.push(p);
  for (const el of elements(root)) {
    if (/^(script|foreignObject|iframe|object|embed|image|use|animate|set|handler|listener)$/i.test(el.nodeName)) problems.push(`element ${el.nodeName}`);
    for (const a of attributes(el)) {
      if (/^on/i.test(a.name)) problems.push(`event attribute ${a.name}`);
      if (a.name === 'style') problems.push('style attribute');
    }
  }
  if (svg.includes('<!--')) problems.push('a comment');
  if (svg.includes('<![CDATA[')) problems.push('a CDATA section');
  if (svg.includes('<?') || svg.includes('<!DOCTYPE') || svg.includes('<!ENTITY')) problems.push('a processing instruction or DTD');
  return problems;
}

