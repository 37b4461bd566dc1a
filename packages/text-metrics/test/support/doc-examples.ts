import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';

/*
 * What the shared test-support/doc-examples.ts does not cover yet, kept local to this package:
 * generator functions (`export function*`), async examples (`await`), every `@example` of a
 * comment, a value shown on the line after its statement, and shown values that are any JS
 * literal (booleans, null, undefined, double-quoted strings, arrays of strings, objects).
 */

/** One `@example` of the TSDoc comment of an exported function or class in src/. */
export interface DocExample {
  /** e.g. `rouge/rouge.ts:132` (the line of the comment's start) */
  readonly where: string;
  /** the source file, relative to src/ */
  readonly file: string;
  /** the export the comment documents */
  readonly documents: string;
  /** the example's code, fences, imports and leading `*` removed */
  readonly code: string;
}

/** An exported function or class of a file in src/, with or without `@example`. */
export interface DocumentedExport {
  readonly file: string;
  readonly name: string;
  readonly examples: number;
}

const DOC_BLOCK =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:async )?(?:function\s*\*?|(?:abstract )?class)\s*(\w+)/g;
const DECLARATION = /^export (?:async )?(?:function\s*\*?|(?:abstract )?class)\s*(\w+)/gm;

function sourceFiles(srcDir: URL): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
}

/** Every `@example` in the TSDoc of exported functions and classes under `srcDir`. */
export function docExamples(srcDir: URL): DocExample[] {
  const examples: DocExample[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(new URL(file, srcDir), 'utf8');
    for (const match of text.matchAll(DOC_BLOCK)) {
      const body = match[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const line = text.slice(0, match.index).split('\n').length;
      body.forEach((tag, start) => {
        if (!tag.startsWith('@example')) return;
        const end = body.findIndex((l, i) => i > start && l.startsWith('@'));
        const code = body
          .slice(start + 1, end < 0 ? undefined : end)
          .filter((l) => !l.startsWith('```') && !l.startsWith('import '))
          .join('\n');
        examples.push({ where: `${file}:${line}`, file, documents: match[2]!, code });
      });
    }
  }
  return examples;
}

/** Every exported function and class declared under `srcDir`, with its count of examples. */
export function documentedExports(srcDir: URL): DocumentedExport[] {
  const examples = docExamples(srcDir);
  const found: DocumentedExport[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(new URL(file, srcDir), 'utf8');
    for (const match of text.matchAll(DECLARATION)) {
      const name = match[1]!;
      const count = examples.filter((e) => e.file === file && e.documents === name).length;
      found.push({ file, name, examples: count });
    }
  }
  return found;
}

/** Every module under `srcDir`, imported, by file relative to src/. */
export async function importSources(srcDir: URL): Promise<Map<string, Record<string, unknown>>> {
  const modules = new Map<string, Record<string, unknown>>();
  for (const file of sourceFiles(srcDir)) {
    modules.set(file, (await import(new URL(file, srcDir).href)) as Record<string, unknown>);
  }
  return modules;
}

// ---------------------------------------------------------------------------------------------
// Shown values: `statement; // VALUE explanation` or `statement;` then a line `// VALUE`.
// VALUE is a JS literal: a number (a trailing `…` means "to the digits shown", otherwise equal
// within 1e-12 relative), NaN, Infinity, a string in '' or "" (a `…` inside stands for elided
// text), true, false, null, undefined, an array or an object of those (a `…` entry stands for
// further elements or keys). Whatever follows the value is explanation and is not checked.

type Shown =
  | { readonly kind: 'number'; readonly value: number; readonly decimals: number | null }
  | { readonly kind: 'string'; readonly parts: readonly string[] }
  | { readonly kind: 'atom'; readonly value: boolean | null | undefined }
  | { readonly kind: 'array'; readonly items: readonly Shown[]; readonly open: boolean }
  | {
      readonly kind: 'object';
      readonly entries: readonly (readonly [string, Shown])[];
      readonly open: boolean;
    };

const VALUE_START = /^(?:-?\d|NaN|-?Infinity|true\b|false\b|null\b|undefined\b|['"[{])/;
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
    const special = /^(NaN|-?Infinity)/.exec(rest);
    if (special) {
      this.i += special[0].length;
      return { kind: 'number', value: Number(special[0]), decimals: null };
    }
    const number = /^-?\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?…?/.exec(rest);
    if (number) {
      this.i += number[0].length;
      const cut = number[0].endsWith('…');
      const digits = (cut ? number[0].slice(0, -1) : number[0]).replaceAll('_', '');
      const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
      return { kind: 'number', value: Number(digits), decimals: cut ? decimals : null };
    }
    const c = rest[0];
    if (c === "'" || c === '"') return this.string(c);
    if (c === '[') return this.array();
    if (c === '{') return this.object();
    throw new Error(`not a value at ${JSON.stringify(rest)}`);
  }

  /** The explanation after the value. */
  remainder(): string {
    return this.text.slice(this.i);
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

  private array(): Shown {
    const items: Shown[] = [];
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return { kind: 'array', items, open: false };
    }
    for (;;) {
      if (this.ellipsis()) {
        this.expect(']');
        return { kind: 'array', items, open: true };
      }
      items.push(this.value());
      if (this.close(']')) return { kind: 'array', items, open: false };
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
  const got = `${path}: got ${describe(actual)}`;
  switch (shown.kind) {
    case 'atom':
      return actual === shown.value ? undefined : `${got}, shown ${String(shown.value)}`;
    case 'number': {
      if (typeof actual !== 'number') return `${got}, shown a number ${shown.value}`;
      if (Number.isNaN(shown.value) || !Number.isFinite(shown.value)) {
        return Object.is(actual, shown.value) ? undefined : `${got}, shown ${shown.value}`;
      }
      const tolerance =
        shown.decimals === null
          ? 1e-12 * Math.max(1, Math.abs(shown.value))
          : 10 ** -shown.decimals;
      return Math.abs(actual - shown.value) < tolerance
        ? undefined
        : `${got}, shown ${shown.value}`;
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

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (ArrayBuffer.isView(value)) return JSON.stringify(Array.from(value as unknown as number[]));
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Checks `actual` against the value shown in a comment (see above). */
export function expectShown(actual: unknown, shown: string, where: string): void {
  const parser = new ShownParser(shown);
  const value = parser.value();
  expect(difference(actual, value, where), `${where}: ${shown}`).toBeUndefined();
}

/** `expr; // VALUE…`: a statement whose value is shown. */
const SHOWN =
  /^(?<indent>\s*)(?!(?:const|let|var|return|throw|if|for|while)\b)(?<expr>[\w$[(].*?);\s*\/\/\s*(?<shown>.*)$/;
const SHOWN_ALONE = /^\s*\/\/\s*(?<shown>.*)$/;
const STATEMENT =
  /^(?<indent>\s*)(?!(?:const|let|var|return|throw|if|for|while)\b)(?<expr>[\w$[(].*);\s*$/;

/**
 * The example as the body of an async function: every statement whose value is shown becomes
 * `check(value, shown, where)`; comments that show no value stay comments.
 */
export function instrumentExample(example: DocExample): string {
  const lines = example.code.split('\n');
  const out: string[] = [];
  lines.forEach((line, k) => {
    const call = (indent: string, expr: string, shown: string) =>
      `${indent}check(${expr}, ${JSON.stringify(shown)}, ${JSON.stringify(`${example.where} +${k + 1}`)});`;
    const m = SHOWN.exec(line);
    if (m?.groups && VALUE_START.test(m.groups.shown!)) {
      out.push(call(m.groups.indent!, m.groups.expr!, m.groups.shown!));
      return;
    }
    const alone = SHOWN_ALONE.exec(line);
    const previous = STATEMENT.exec(lines[k - 1] ?? '');
    if (alone?.groups && previous?.groups && VALUE_START.test(alone.groups.shown!)) {
      out[out.length - 1] = call(
        previous.groups.indent!,
        previous.groups.expr!,
        alone.groups.shown!,
      );
      out.push('');
      return;
    }
    out.push(line);
  });
  return out.join('\n');
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/**
 * Runs one example with the names of `scope` in scope and returns how many shown values it
 * checked.
 */
export async function runExample(
  example: DocExample,
  scope: Readonly<Record<string, unknown>>,
): Promise<number> {
  let checked = 0;
  const check = (actual: unknown, shown: string, where: string) => {
    checked++;
    expectShown(actual, shown, where);
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const run = new AsyncFunction(...names, 'check', instrumentExample(example));
  await run(...names.map((n) => scope[n]), check);
  return checked;
}
