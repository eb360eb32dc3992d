/**
 * Grammar-based generation of VALID core programs: every construct of the core notation
 * (module header, the six kinds, undeveloped/uninstantiated, nesting, bare-ID references,
 * `A -> B, C` link statements, strings with escapes, multi-line text and markup, @url and @class,
 * comments and odd but legal whitespace), produced so that no GSN rule can be broken: IDs are
 * unique, support only points downwards (no cycles), relations fit the kinds, undeveloped
 * elements have no support. Warnings are allowed (an unsupported goal, unknown annotations);
 * errors are not.
 */
import { prng } from './fuzz.js';

export interface Generated {
  text: string;
  /** Every element ID defined, in source order. */
  ids: string[];
  /** Every SupportedBy / InContextOf link stated, as `from->to`, without repeats. */
  links: string[];
}

type Kind = 'goal' | 'strategy' | 'solution' | 'context' | 'assumption' | 'justification';
const CONTEXTUAL: Kind[] = ['context', 'assumption', 'justification'];
const PREFIX: Record<Kind, string> = { goal: 'G', strategy: 'S', solution: 'Sn', context: 'C', assumption: 'A', justification: 'J' };

const WORDS = ['the', 'system', 'is', 'acceptably', 'safe', 'hazard', 'H1', 'mitigated', 'by', 'design', '50 km/h', '≤ 10⁻⁹', 'Ünïcödé', 'ελληνικά', '中文测试', '日本語', 'עברית', 'العربية', '😀', 'a/b', '<tag>', '&amp;', '"quoted"', 'back\\slash', 'tab\there', '{braces}', '@not-an-annotation', '// not a comment', '/* nor this */'];
const MARKUP = ['**bold**', '*italic*', '`code`', '[a link](https://example.org/x?y=1&z=2)', '[rel](docs/a.html#b)', '[mail](mailto:a@example.org)'];
const URLS = ['https://example.org/report.pdf', 'http://example.org/a?b=c&d=e#f', 'mailto:safety@example.org', 'docs/evidence.html', '../up/one.pdf', '#fragment', '/absolute/path'];
const CLASSES = ['highlight', 'needs-review', '_private', '-dash', 'a1-b2', 'x'];
const SPACE = [' ', '  ', '\t', '\n', '\r\n', '\r', '\n  ', ' /* c */ ', ' // line comment\n', '\n\n', '\f'];

/** Escapes a value for a string literal: `\"`, `\\`, and `\n` or a written line break. */
function quote(value: string, random: () => number): string {
  let out = '"';
  for (const c of value) {
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += random() < 0.5 ? '\\n' : '\n';
    else out += c;
  }
  return `${out}"`;
}

export function generateProgram(seed: number, maxElements = 24): Generated {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const space = () => (chance(0.8) ? pick([' ', ' ', '\n']) : pick(SPACE));
  const ids: string[] = [];
  const links = new Set<string>();
  const counters = new Map<Kind, number>();
  const shared: string[] = []; // solutions and contexts defined at the top level, linkable from anywhere
  let budget = maxElements;
  const undevelopedIds = new Set<string>();

  const newId = (kind: Kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const id = chance(0.2) ? `${PREFIX[kind]}${n}.${Math.floor(random() * 9)}_x` : `${PREFIX[kind]}${n}`;
    ids.push(id);
    return id;
  };

  const text = () => {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 12);
    for (let i = 0; i < count; i++) parts.push(chance(0.15) ? pick(MARKUP) : pick(WORDS));
    let value = parts.join(' ');
    if (chance(0.15)) value = `- ${value}\n- second item`;
    if (chance(0.15)) value += `\n${pick(WORDS)}`;
    if (chance(0.05)) value = pick(WORDS).repeat(40); // a long word, wrapped by force
    return quote(value, random);
  };

  const annotations = () => {
    let out = '';
    if (chance(0.15)) out += ` @url(${quote(pick(URLS), random)})`;
    // A bare class name is an ID or a hyphenated name; one starting with '-' must be a string.
    const bare = (name: string) => (name.startsWith('-') ? `"${name}"` : name);
    if (chance(0.15)) out += ` @class(${bare(pick(CLASSES))}${chance(0.3) ? `, "${pick(CLASSES)}"` : ''})`;
    if (chance(0.05)) out += ' @reviewed'; // unknown: a warning, never an error
    return out;
  };

  /** An element of `kind` with a block of children allowed for it; returns its source. */
  const element = (kind: Kind, depth: number, indent: string, parent: string | null): string => {
    budget--;
    const id = newId(kind);
    if (parent) links.add(`${parent}->${id}`);
    const supportable = kind === 'goal' || kind === 'strategy';
    const undeveloped = supportable && chance(0.15);
    if (undeveloped) undevelopedIds.add(id);
    const modifiers = `${undeveloped ? 'undeveloped ' : ''}${chance(0.08) ? 'uninstantiated ' : ''}`;
    let out = `${indent}${modifiers}${kind}${space()}${id}${space()}${text()}${annotations()}`;
    if (!supportable) return out;
    const children: string[] = [];
    const inner = `${indent}  `;
    if (chance(0.3) && budget > 0) children.push(element(pick(CONTEXTUAL), depth + 1, inner, id));
    if (!undeveloped) {
      const count = depth > 6 ? 0 : Math.floor(random() * (depth < 3 ? 4.5 : 2.5)) + (depth === 0 ? 1 : 0);
      for (let i = 0; i < count && budget > 0; i++) {
        // A strategy is supported by goals (the standard); a goal by goals, strategies, solutions.
        const childKind: Kind = kind === 'strategy' ? 'goal' : pick<Kind>(['goal', 'strategy', 'solution', 'solution']);
        children.push(element(childKind, depth + 1, inner, id));
      }
      if (kind === 'goal' && shared.length > 0 && chance(0.25)) {
        const target = pick(shared);
        if (!links.has(`${id}->${target}`)) {
          links.add(`${id}->${target}`);
          children.push(`${inner}${target}`);
        }
      }
    }
    if (children.length === 0 && chance(0.7)) return out;
    out += `${space()}{\n${children.join('\n')}\n${indent}}`;
    return out;
  };

  const items: string[] = [];
  if (chance(0.5)) items.push(`module${space()}Case${Math.floor(random() * 100)}${chance(0.7) ? ` ${text()}` : ''}`);
  // Shared leaves first: defined at the top level, linked by bare IDs and link statements.
  // (Unreachable ones are only a warning.)
  const sharedCount = Math.floor(random() * 3);
  for (let i = 0; i < sharedCount; i++) {
    const kind: Kind = chance(0.6) ? 'solution' : pick(CONTEXTUAL);
    budget--;
    const id = newId(kind);
    shared.push(id);
    items.push(`${kind} ${id} ${text()}${annotations()}`);
  }
  items.push(element('goal', 0, '', null));
  // Link statements from goals to the shared leaves (never a cycle: leaves have no children).
  const goals = ids.filter((id) => id.startsWith('G'));
  if (shared.length > 0 && chance(0.6)) {
    const from = pick(goals);
    // An undeveloped goal may have context, never support.
    const chosen = shared.filter((t) => !links.has(`${from}->${t}`) && !(undevelopedIds.has(from) && t.startsWith('Sn')));
    if (chosen.length > 0) {
      for (const t of chosen) links.add(`${from}->${t}`);
      items.push(`${from}${space()}->${space()}${chosen.join(`,${space()}`)}`);
    }
  }
  const separator = () => pick(['\n', '\n\n', '\r\n', '\n// between\n', ' ']);
  let out = '';
  for (const item of items) out += item + separator();
  return { text: out, ids, links: [...links] };
}
