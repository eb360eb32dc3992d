/**
 * Test helpers for the exporters, with no dependencies: a PNG decoder (enough for resvg's
 * output), a PDF text extractor (enough for pdfkit's output) and a validator for the subset of
 * JSON Schema 2020-12 that schema/*.schema.json use.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// PNG

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Uint8Array;
}

export function decodePng(png: Uint8Array): Bitmap {
  const data = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (data.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      colourType = body[9]!;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (channels === 0) throw new Error(`unsupported PNG colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? current[i - channels]! : 0;
      const b = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      current[i] = (line[i]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? current[x * channels + k]! : 255;
    }
    previous = current;
  }
  return { width, height, pixels: out };
}

// ---------------------------------------------------------------------------------------------
// PDF

/**
 * The text a PDF reader would extract, in drawing order, from every page content stream:
 * glyph codes of Tj/TJ strings mapped back to Unicode through each font's ToUnicode CMap.
 */
export function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objectPattern.exec(text); m; m = objectPattern.exec(text)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0 && /^stream\r?\n/.test(body.slice(streamAt))) {
      dict = body.slice(0, streamAt);
      const start = m.index + m[0].indexOf(body) + streamAt + (body.slice(streamAt).startsWith('stream\r\n') ? 8 : 7);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const raw = bytes.subarray(start, start + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const cmaps = new Map<number, Map<number, string>>();
  for (const [number, object] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(object.dict);
    if (ref) cmaps.set(number, parseCMap(objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? ''));
  }
  let out = '';
  for (const object of objects.values()) {
    const fonts = /\/Font <<([^>]*)>>/.exec(object.dict);
    const contents = /\/Contents (\d+) 0 R/.exec(object.dict);
    if (!contents) continue;
    const names = new Map<string, number>();
    // Resources may be an indirect object.
    const resources = /\/Resources (\d+) 0 R/.exec(object.dict);
    const fontDict = fonts?.[1] ?? /\/Font <<([^>]*)>>/.exec(objects.get(Number(resources?.[1]))?.dict ?? '')?.[1] ?? '';
    for (const f of fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)) names.set(f[1]!, Number(f[2]));
    const content = objects.get(Number(contents[1]))?.stream?.toString('latin1') ?? '';
    let cmap = new Map<number, string>();
    const tokens = /\/(\S+) [\d.]+ Tf|<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\bET\b/g;
    for (const t of content.matchAll(tokens)) {
      if (t[1] !== undefined) cmap = cmaps.get(names.get(t[1]) ?? -1) ?? new Map();
      else if (t[2] !== undefined) out += decodeHex(t[2], cmap);
      else if (t[3] !== undefined) for (const h of t[3].matchAll(/<([0-9a-fA-F]*)>/g)) out += decodeHex(h[1]!, cmap);
      else out += '\n';
    }
  }
  return out;
}

function decodeHex(hex: string, cmap: Map<number, string>): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  return out;
}

function parseCMap(source: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const first = parseInt(r[1]!, 16);
      const last = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) {
        // An entry may hold several code units (`<0066 0069>` for the fi ligature).
        [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((h, i) => map.set(first + i, unicode(h[1]!.replace(/\s+/g, ''))));
      } else {
        const base = parseInt(r[3]!.slice(1, -1), 16);
        for (let code = first; code <= last; code++) map.set(code, String.fromCodePoint(base + code - first));
      }
    }
  }
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(c[1]!, 16), unicode(c[2]!.replace(/\s+/g, '')));
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema (the subset used by schema/*.schema.json)

type Schema = Record<string, unknown>;

export function loadSchema(name: string): Schema {
  return JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')) as Schema;
}

/**
 * Validates `value` against a schema: $ref (same document or `file.json#/pointer` in schema/),
 * type, enum, const, required, properties, additionalProperties: false, items, minItems,
 * minimum, pattern, oneOf. With `ordered`, an object whose schema forbids other properties must
 * also list its keys in the schema's order (the JSON is byte-stable only if its order is).
 * Returns the problems found, as `path: message`.
 */
export function validate(value: unknown, schema: Schema, options: { ordered?: boolean } = {}): string[] {
  const documents = new Map<string, Schema>();
  const problems: string[] = [];
  const resolveRef = (ref: string, base: Schema): [Schema, Schema] => {
    const [file, pointer = ''] = ref.split('#');
    let document = base;
    if (file) {
      if (!documents.has(file)) documents.set(file, loadSchema(file));
      document = documents.get(file)!;
    }
    let target: unknown = document;
    for (const part of pointer.split('/').filter(Boolean)) target = (target as Schema)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    return [target as Schema, document];
  };
  const typeOf = (v: unknown): string => {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
  };
  const check = (v: unknown, s: Schema, document: Schema, path: string, out: string[]): void => {
    if (typeof s.$ref === 'string') {
      const [target, targetDocument] = resolveRef(s.$ref, document);
      check(v, target, targetDocument, path, out);
    }
    if (s.type !== undefined) {
      const allowed = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      const actual = typeOf(v);
      if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
        out.push(`${path}: is ${actual}, not ${allowed.join(' or ')}`);
        return;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.includes(v)) out.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`);
    if ('const' in s && s.const !== v) out.push(`${path}: is not ${JSON.stringify(s.const)}`);
    if (typeof s.minimum === 'number' && typeof v === 'number' && v < s.minimum) out.push(`${path}: ${v} is below ${s.minimum}`);
    if (typeof s.pattern === 'string' && typeof v === 'string' && !new RegExp(s.pattern, 'u').test(v)) out.push(`${path}: '${v}' does not match ${s.pattern}`);
    if (Array.isArray(s.oneOf)) {
      const passing = (s.oneOf as Schema[]).filter((option) => {
        const sub: string[] = [];
        check(v, option, document, path, sub);
        return sub.length === 0;
      });
      if (passing.length !== 1) out.push(`${path}: matches ${passing.length} of the oneOf alternatives, not exactly 1`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) out.push(`${path}: fewer than ${s.minItems} items`);
      if (s.items) v.forEach((item, i) => check(item, s.items as Schema, document, `${path}[${i}]`, out));
    }
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>;
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of (s.required ?? []) as string[]) if (!(key in object)) out.push(`${path}: missing ${key}`);
      for (const [key, item] of Object.entries(object)) {
        if (properties[key]) check(item, properties[key], document, `${path}.${key}`, out);
        else if (s.additionalProperties === false) out.push(`${path}: unexpected property ${key}`);
      }
      if (options.ordered && s.additionalProperties === false) {
        const expected = Object.keys(properties).filter((key) => key in object);
        const actual = Object.keys(object);
        if (expected.join() !== actual.join()) out.push(`${path}: keys in order ${actual.join(', ')}, schema order ${expected.join(', ')}`);
      }
    }
  };
  check(value, schema, schema, '$', problems);
  return problems;
}
