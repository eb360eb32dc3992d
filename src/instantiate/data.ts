/**
 * The data a pattern is instantiated with: plain JSON-like values (what JSON.parse or the YAML
 * parser gives). A scope is the chain of maps a placeholder is looked up in: the item of the
 * innermost `many` first, then the items of the enclosing ones, then the top level.
 */

/** One map (or single value) of the data, and where it sits in the data, for messages. */
export interface Frame {
  value: unknown;
  /** `hazards[1]`; '' for the top level. */
  path: string;
  /** For an item of `many(key)`: the key, which (with `item`) names a single-value item. */
  key?: string;
}

export type Lookup =
  | { found: true; value: unknown; path: string }
  /** `tried`: the data paths looked at, innermost first; `empty` when the innermost one holds null. */
  | { found: false; tried: string[]; empty?: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only the data's own keys: `{constructor}` or `{__proto__}` never reach Object.prototype. */
export function own(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A single value that can stand in a text: a string, a number or a boolean. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function scalarText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

/** What a value is, for messages: "a list", "a map", "the number 3". */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a map';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** `hazards[1]` + `barrier` = `hazards[1].barrier`; a key that is not a plain name is quoted. */
export function childPath(path: string, key: string): string {
  if (path === '') return key;
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export class Scope {
  constructor(private readonly frames: readonly Frame[]) {}

  static root(data: unknown): Scope {
    return new Scope([{ value: data, path: '' }]);
  }

  push(frame: Frame): Scope {
    return new Scope([...this.frames, frame]);
  }

  /** Where the innermost item sits in the data (`hazards[1]`), or '' at the top level. */
  get itemPath(): string {
    return this.frames[this.frames.length - 1]?.path ?? '';
  }

  /**
   * Looks `name` up, innermost frame first. A name not found whole that has dots (`owner.name`)
   * is looked up by its first part, then walked into. A null value is found empty: it stops the
   * search (an item's `barrier: null` says this item has none, whatever the top level says).
   */
  lookup(name: string): Lookup {
    const whole = this.find(name);
    if (whole.found || whole.empty !== undefined || !name.includes('.')) return whole;
    const [head, ...rest] = name.split('.');
    const start = this.find(head ?? '');
    if (!start.found) return whole;
    let value = start.value;
    let path = start.path;
    for (const part of rest) {
      path = childPath(path, part);
      if (!isRecord(value) || !own(value, part)) return { found: false, tried: [...whole.tried, path] };
      value = value[part];
      if (value === null || value === undefined) return { found: false, tried: [...whole.tried, path], empty: path };
    }
    return { found: true, value, path };
  }

  private find(name: string): Lookup {
    const tried: string[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (isRecord(frame.value)) {
        const path = childPath(frame.path, name);
        tried.push(path);
        if (!own(frame.value, name)) continue;
        const value = frame.value[name];
        if (value === null || value === undefined) return { found: false, tried, empty: path };
        return { found: true, value, path };
      }
      if (frame.key !== undefined && (name === 'item' || name === frame.key)) return { found: true, value: frame.value, path: frame.path };
      tried.push(`${frame.path} (a single value: {item} or {${frame.key ?? 'item'}})`);
    }
    return { found: false, tried };
  }
}
