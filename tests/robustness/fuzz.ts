/**
 * Seeded mutation fuzzing (in the manner of D2's d2chaos): small, reproducible damage to real
 * cases. A mutation is chosen from token delete, duplicate, swap, byte flip, truncation and
 * splicing in a hostile character. Everything derives from one 32-bit seed, so a failure names
 * the seed and the case and can be replayed exactly.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** mulberry32: tiny, fast, good enough for choosing mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tokens as a fuzzer sees them: strings, comments, words, numbers, punctuation, whitespace. */
const TOKEN = /"(?:[^"\\]|\\[\s\S])*"?|\/\/[^\n\r]*|\/\*[\s\S]*?(?:\*\/|$)|@[\w-]+|[\w.]+|->|\s+|[\s\S]/g;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const HOSTILE = ['\u0000', '\ud800', '\udc00', '\ufeff', '\u202e', '\u200b', '\r', '\r\n', '"', '{', '}', '\\', '@', '->', '(', ')', ',', '/*', '\u001b[31m'];

export type MutationKind = 'delete' | 'duplicate' | 'swap' | 'byte-flip' | 'truncate' | 'splice';
export const MUTATIONS: MutationKind[] = ['delete', 'duplicate', 'swap', 'byte-flip', 'truncate', 'splice'];

/** One to three mutations of `text`, chosen by `random`. */
export function mutate(text: string, random: () => number): { text: string; applied: MutationKind[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = 1 + Math.floor(random() * random() * 3);
  const applied: MutationKind[] = [];
  let out = text;
  for (let n = 0; n < count; n++) {
    const kind = pick(MUTATIONS);
    applied.push(kind);
    const parts = tokens(out);
    const i = Math.floor(random() * parts.length);
    switch (kind) {
      case 'delete':
        parts.splice(i, 1 + Math.floor(random() * random() * 4));
        out = parts.join('');
        break;
      case 'duplicate':
        if (parts.length > 0) parts.splice(i, 0, parts[i]!);
        out = parts.join('');
        break;
      case 'swap': {
        const j = random() < 0.5 ? Math.min(parts.length - 1, i + 1) : Math.floor(random() * parts.length);
        if (parts.length > 1) [parts[i], parts[j]] = [parts[j]!, parts[i]!];
        out = parts.join('');
        break;
      }
      case 'byte-flip': {
        const bytes = Buffer.from(out, 'utf8');
        if (bytes.length > 0) {
          const at = Math.floor(random() * bytes.length);
          bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
        }
        // As the CLI reads files: invalid UTF-8 becomes U+FFFD.
        out = new TextDecoder('utf-8').decode(bytes);
        break;
      }
      case 'truncate':
        out = out.slice(0, Math.floor(random() * out.length));
        break;
      case 'splice': {
        const at = Math.floor(random() * (out.length + 1));
        out = out.slice(0, at) + pick(HOSTILE) + out.slice(at);
        break;
      }
    }
  }
  return { text: out, applied };
}

/**
 * Keeps a failing input so it becomes a regression case: in tests/robustness/regressions/ when
 * run locally (review it, give it a name, commit it), in the temp directory on CI. Returns where.
 */
export function keepFailure(text: string): string {
  const name = `fuzz-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.gsn`;
  const dir = process.env.CI ? join(tmpdir(), 'gsnc-fuzz-failures') : resolve(import.meta.dirname, 'regressions');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
