import { expect } from 'vitest';

/*
 * Shown values: `statement; // VALUE remark` or `statement;` then a line `// VALUE remark`.
 * VALUE is a JS literal: a number (a trailing `…` means "to the digits shown": the value cut or
 * rounded to them; otherwise equal within 1e-12 relative), NaN, Infinity, -Infinity, a string in '' or "" (a `…` inside stands
 * for elided text), true, false, null, undefined, an array or an object of those (a `…` entry
 * stands for further elements or keys; without one, the length and the own keys must match).
 * A typed array may be shown as `Int32Array [1, 2]`, which checks its type too. Whatever follows
 * the value is a remark and is not checked.
 */

type Shown =
  | { readonly kind: 'number'; readonly value: number; readonly decimals: number | null }
  | { readonly kind: 'string'; readonly parts: readonly string[] }
  | { readonly kind: 'atom'; readonly value: boolean | null | undefined }
  | {
      readonly kind: 'array';
      /** the typed array's class, e.g. `Int32Array`, if the value shows one */
      readonly typed: string | undefined;
      readonly items: readonly Shown[];
      readonly open: boolean;
    }
  | {
      readonly kind: 'object';
      readonly entries: readonly (readonly [string, Shown])[];
      readonly open: boolean;
    };

/** How a shown value starts: a comment that starts otherwise is a remark, not a value. */
export const VALUE_START =
  /^(?:-?\d|(?:NaN|-?Infinity|true|false|null|undefined)\b|['"[{]|[A-Z]\w*Array \[)/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b' };

class ShownParser {
  private i = 0;
  constructor(private readonly text: string) {}

  value(): Shown {
    this.space();
    const rest = this.text.slice(this.i);
    const atom = /^(true|false|null|undefined)\b/.exec(rest);
    if (atom) {
      this.i += atom[0].length;
      const values = { true: true, false: false, null: null, undefined: undefined };
      return { kind: 'atom', value: values[atom[1] as keyof typeof values] };
    }
    const special = /^(NaN|-?Infinity)\b/.exec(rest);
    if (special) {
      this.i += special[0].length;
      return { kind: 'number', value: Number(special[0]), decimals: null };
    }
    const number = /^-?\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?…?/.exec(rest);
    if (number) {
      this.i += number[0].length;
      const cut = number[0].endsWith('…');
      const digits = (cut ? number[0].slice(0, -1) : number[0]).replaceAll('_', '');
      const [mantissa = '', exponent = '0'] = digits.split('e');
      const point = mantissa.indexOf('.');
      const decimals = (point < 0 ? 0 : mantissa.length - point - 1) - Number(exponent);
      return { kind: 'number', value: Number(digits), decimals: cut ? decimals : null };
    }
    const c = rest[0];
    if (c === "'" || c === '"') return this.string(c);
    if (c === '[') return this.array(undefined);
    const typed = /^([A-Z]\w*Array) \[/.exec(rest);
    if (typed) {
      this.i += typed[1]!.length + 1;
      return this.array(typed[1]);
    }
    if (c === '{') return this.object();
    throw new Error(`not a value at ${JSON.stringify(rest)}`);
  }

  private space(): void {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
  }

  private string(quote: string): Shown {
    const parts: string[] = [''];
    this.i++;
    for (;;) {
      const c = this.text[this.i++];
      if (c === undefined) throw new Error(`unterminated string in ${this.text}`);
      if (c === quote) return { kind: 'string', parts };
      if (c === '…') parts.push('');
      else if (c === '\\') {
        const e = this.text[this.i++]!;
        let out = ESCAPES[e] ?? e;
        if (e === 'u') {
          const hex = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.text.slice(this.i))!;
          out = String.fromCodePoint(Number.parseInt(hex[1] ?? hex[2]!, 16));
          this.i += hex[0].length;
        }
        parts[parts.length - 1] += out;
      } else parts[parts.length - 1] += c;
    }
  }

  private ellipsis(): boolean {
    this.space();
    if (this.text[this.i] !== '…') return false;
    this.i++;
    this.space();
    return true;
  }

  private close(end: string): boolean {
    this.space();
    if (this.text[this.i] === end) {
      this.i++;
      return true;
    }
    if (this.text[this.i] !== ',') throw new Error(`expected , or ${end} in ${this.text}`);
    this.i++;
    this.space();
    if (this.text[this.i] === end) {
      this.i++;
      return true;
    }
    return false;
  }

  private array(typed: string | undefined): Shown {
    const items: Shown[] = [];
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return { kind: 'array', typed, items, open: false };
    }
    for (;;) {
      if (this.ellipsis()) {
        this.expect(']');
        return { kind: 'array', typed, items, open: true };
      }
      items.push(this.value());
      if (this.close(']')) return { kind: 'array', typed, items, open: false };
    }
  }

  private object(): Shown {
    const entries: [string, Shown][] = [];
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return { kind: 'object', entries, open: false };
    }
    for (;;) {
      if (this.ellipsis()) {
        this.expect('}');
        return { kind: 'object', entries, open: true };
      }
      this.space();
      const c = this.text[this.i];
      let key: string;
      if (c === "'" || c === '"') {
        const quoted = this.string(c);
        key = quoted.kind === 'string' ? quoted.parts.join('…') : '';
      } else {
        const name = /^[\w$]+/.exec(this.text.slice(this.i));
        if (!name) throw new Error(`expected a key in ${this.text}`);
        key = name[0];
        this.i += key.length;
      }
      this.space();
      this.expect(':');
      entries.push([key, this.value()]);
      if (this.close('}')) return { kind: 'object', entries, open: false };
    }
  }

  private expect(c: string): void {
    this.space();
    if (this.text[this.i] !== c) throw new Error(`expected ${c} in ${this.text}`);
    this.i++;
  }
}

/** The first difference of `actual` from the shown value, or undefined. */
function difference(actual: unknown, shown: Shown, path: string): string | undefined {
  const got = `${path}: got ${display(actual)}`;
  switch (shown.kind) {
    case 'atom':
      return actual === shown.value ? undefined : `${got}, shown ${String(shown.value)}`;
    case 'number': {
      if (typeof actual !== 'number') return `${got}, shown a number ${shown.value}`;
      if (Number.isNaN(shown.value) || !Number.isFinite(shown.value)) {
        return Object.is(actual, shown.value) ? undefined : `${got}, shown ${shown.value}`;
      }
      if (shown.decimals === null) {
        const tolerance = 1e-12 * Math.max(1, Math.abs(shown.value));
        return Math.abs(actual - shown.value) < tolerance
          ? undefined
          : `${got}, shown ${shown.value}`;
      }
      // `0.123…`: the value cut or rounded to the digits shown, e.g. 0.1225 <= actual < 0.124
      const unit = 10 ** -shown.decimals;
      const away = (actual - shown.value) * Math.sign(shown.value || actual || 1);
      return away >= -unit / 2 - 1e-15 && away < unit
        ? undefined
        : `${got}, shown ${shown.value} to ${shown.decimals} decimals`;
    }
    case 'string': {
      const shownText = shown.parts.join('…');
      if (typeof actual !== 'string') return `${got}, shown '${shownText}'`;
      if (shown.parts.length === 1) {
        return actual === shown.parts[0] ? undefined : `${got}, shown '${shownText}'`;
      }
      const first = shown.parts[0]!;
      const last = shown.parts[shown.parts.length - 1]!;
      let at = first.length;
      let ok = actual.startsWith(first) && actual.endsWith(last);
      for (const middle of shown.parts.slice(1, -1)) {
        const found = actual.indexOf(middle, at);
        if (found < 0) ok = false;
        else at = found + middle.length;
      }
      ok &&= at <= actual.length - last.length;
      return ok ? undefined : `${got}, shown '${shownText}'`;
    }
    case 'array': {
      const items = Array.isArray(actual)
        ? actual
        : ArrayBuffer.isView(actual)
          ? Array.from(actual as unknown as ArrayLike<unknown>)
          : undefined;
      if (items === undefined) return `${got}, shown an array`;
      const type = (actual as object).constructor?.name;
      if (shown.typed !== undefined && type !== shown.typed)
        return `${got}, shown a ${shown.typed}`;
      const lengthOk = shown.open
        ? items.length >= shown.items.length
        : items.length === shown.items.length;
      if (!lengthOk) return `${got}, shown ${shown.items.length} elements`;
      for (const [k, item] of shown.items.entries()) {
        const d = difference(items[k], item, `${path}[${k}]`);
        if (d) return d;
      }
      return undefined;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `${got}, shown an object`;
      const record = actual as Record<string, unknown>;
      const shownKeys = shown.entries.map(([k]) => k);
      if (!shown.open) {
        const keys = Object.keys(record).sort();
        if (keys.join() !== [...shownKeys].sort().join()) {
          return `${got}, shown keys ${shownKeys.join(', ')}`;
        }
      }
      for (const [key, value] of shown.entries) {
        const d = difference(record[key], value, `${path}.${key}`);
        if (d) return d;
      }
      return undefined;
    }
  }
}

function display(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (ArrayBuffer.isView(value)) return JSON.stringify(Array.from(value as unknown as number[]));
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks `actual` against the value shown in a comment (see the top of this file); the text
 * after the value is a remark.
 */
export function expectShown(actual: unknown, shown: string, where: string): void {
  const value = new ShownParser(shown).value();
  expect(difference(actual, value, where), `${where}: ${shown}`).toBeUndefined();
}
