import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** One `@example` of a TSDoc comment in src/. */
export interface DocExample {
  /** e.g. `intervals/bca-interval.ts:77` */
  readonly where: string;
  /** the export the comment documents */
  readonly documents: string;
  /** the example's code, fences and leading `*` removed */
  readonly code: string;
}

const DOC_BLOCK =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:(?:async\s+)?function\s*\*?|(?:abstract\s+)?class)\s*(\w+)/g;

/**
 * Every `@example` in the TSDoc of exported functions and classes under `srcDir`.
 *
 * @param srcDir - the package's src/ folder
 */
export function docExamples(srcDir: URL): DocExample[] {
  const examples: DocExample[] = [];
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of files) {
    const text = readFileSync(new URL(file, srcDir), 'utf8');
    for (const match of text.matchAll(DOC_BLOCK)) {
      const body = match[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = body.findIndex((l) => l.startsWith('@example'));
      if (start < 0) continue;
      const end = body.findIndex((l, i) => i > start && l.startsWith('@'));
      const code = body
        .slice(start + 1, end < 0 ? undefined : end)
        .filter((l) => !l.startsWith('```') && !l.startsWith('import '))
        .join('\n');
      const line = text.slice(0, match.index).split('\n').length;
      examples.push({ where: `${file}:${line}`, documents: match[2]!, code });
    }
  }
  return examples;
}

/**
 * `statement; // 0.25`, `// [1.45, 9.55…]`, `// 'CODE'`, `// true`, `// Int32Array [1, 2]` or
 * `// { tp: [5, 2] }`: a value to check. A statement starting with a declaration or control
 * keyword is never checked (`const x = f(); // 2` shows nothing to check).
 */
const SHOWN =
  /^(?<indent>\s*)(?!(?:const|let|var|if|for|while|return|throw|else|try|catch)\b)(?<expr>[A-Za-z_$[][^;]*);\s*\/\/\s*(?<shown>(?:-?[\d['"{]|(?:true|false|null|undefined|NaN|-?Infinity)\b|[A-Z]\w*Array \[).*)$/;
const NUMBER = /-?\d[\d.e+-]*…?/g;

/** A value shown in a comment, parsed. */
type Shown =
  | { readonly kind: 'number'; readonly token: string }
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'array'; readonly typed: string | undefined; readonly items: Shown[] }
  | { readonly kind: 'object'; readonly entries: [string, Shown][] };

const LITERALS: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  undefined,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** Parses the value at the start of `text`; what follows it (a remark) is ignored. */
function parseShown(text: string): Shown {
  let at = 0;
  const fail = (): never => {
    throw new Error(`cannot read the shown value ${JSON.stringify(text)} at ${at}`);
  };
  const space = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const quoted = (): string => {
    const quote = text[at]!;
    const start = at;
    for (at++; at < text.length && text[at] !== quote; at++) if (text[at] === '\\') at++;
    if (at++ >= text.length) fail();
    return new Function(`return ${text.slice(start, at)};`)() as string;
  };
  const value = (): Shown => {
    space();
    const rest = text.slice(at);
    const typed = /^([A-Z]\w*Array) \[/.exec(rest);
    if (typed) at += typed[1]!.length + 1;
    if (text[at] === '[') {
      const items: Shown[] = [];
      at++;
      space();
      while (text[at] !== ']') {
        items.push(value());
        space();
        if (text[at] === ',') at++;
        else if (text[at] !== ']') fail();
        space();
      }
      at++;
      return { kind: 'array', typed: typed?.[1], items };
    }
    if (text[at] === '{') {
      const entries: [string, Shown][] = [];
      at++;
      space();
      while (text[at] !== '}') {
        let key: string | undefined;
        if (text[at] === "'" || text[at] === '"') key = quoted();
        else {
          key = /^[\w$]+/.exec(text.slice(at))?.[0];
          if (key === undefined) return fail();
          at += key.length;
        }
        space();
        if (text[at++] !== ':') fail();
        entries.push([key, value()]);
        space();
        if (text[at] === ',') at++;
        else if (text[at] !== '}') fail();
        space();
      }
      at++;
      return { kind: 'object', entries };
    }
    if (text[at] === "'" || text[at] === '"') return { kind: 'literal', value: quoted() };
    const word = /^(?:-?Infinity|true|false|null|undefined|NaN)\b/.exec(rest)?.[0];
    if (word !== undefined) {
      at += word.length;
      return { kind: 'literal', value: LITERALS[word] };
    }
    const number = /^-?\d[\d.e+-]*…?/.exec(rest)?.[0];
    if (number === undefined) return fail();
    at += number.length;
    return { kind: 'number', token: number };
  };
  return value();
}

/** One number against its shown digits: to the digits shown before a `…`, else 1e-12 relative. */
function expectNumber(actual: unknown, token: string, where: string): void {
  const cut = token.endsWith('…');
  const digits = cut ? token.slice(0, -1) : token;
  const expected = Number(digits);
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const tolerance = cut ? 10 ** -decimals : 1e-12 * Math.max(1, Math.abs(expected));
  expect(typeof actual, `${where}: ${String(actual)} shown as ${token}`).toBe('number');
  expect(
    Math.abs((actual as number) - expected),
    `${where}: ${actual} shown as ${token}`,
  ).toBeLessThan(tolerance);
}

function expectValue(actual: unknown, shown: Shown, where: string): void {
  switch (shown.kind) {
    case 'number':
      expectNumber(actual, shown.token, where);
      return;
    case 'literal':
      expect(actual, where).toBe(shown.value);
      return;
    case 'array': {
      if (shown.typed !== undefined) {
        expect((actual as object | null)?.constructor?.name, `${where}: the array's type`).toBe(
          shown.typed,
        );
      }
      const items = ArrayBuffer.isView(actual)
        ? Array.from(actual as unknown as ArrayLike<unknown>)
        : actual;
      expect(Array.isArray(items), `${where}: ${String(actual)} shown as an array`).toBe(true);
      const array = items as unknown[];
      expect(array.length, `${where}: the length of ${String(actual)}`).toBe(shown.items.length);
      shown.items.forEach((item, i) => {
        expectValue(array[i], item, `${where} [${i}]`);
      });
      return;
    }
    case 'object': {
      expect(typeof actual, `${where}: ${String(actual)} shown as an object`).toBe('object');
      const keys = shown.entries.map(([key]) => key);
      expect(Object.keys(actual as object).sort(), `${where}: the keys`).toEqual(keys.sort());
      for (const [key, item] of shown.entries) {
        expectValue((actual as Record<string, unknown>)[key], item, `${where} .${key}`);
      }
    }
  }
}

/**
 * Checks `actual` against the value shown in a comment: a quoted string must
 * be equal; of numbers, one with a trailing `…` must agree to the digits shown,
 * the others within 1e-12 relative. `true`, `false`, `null`, `undefined`, `NaN`
 * and `Infinity` must be the same value. An array literal, nested or not, of
 * numbers, strings and literals is compared item by item, and a typed array to
 * its items (a shown `Int32Array [1, 2]` also checks the type); an object literal
 * `{ key: value }` must show every own key of the value. Text after the value
 * (`// 1 (one transposition)`) is a remark and is not checked.
 */
export function expectShown(actual: unknown, shown: string, where: string): void {
  if (shown.startsWith("'")) {
    expect(actual, where).toBe(shown.slice(1, -1));
    return;
  }
  if (/^-?\d/.test(shown) && Array.isArray(actual)) {
    // numbers shown without brackets for an array: each number is one item
    const tokens = shown.match(NUMBER) ?? [];
    expect(actual.length, `${where}: ${shown}`).toBe(tokens.length);
    tokens.forEach((token, i) => {
      expectNumber(actual[i], token, where);
    });
    return;
  }
  expectValue(actual, parseShown(shown), where);
}

/**
 * The example as a function body: every line with a shown value becomes a
 * call of `check(value, shown, where)`.
 */
export function instrumentExample(example: DocExample): string {
  return example.code
    .split('\n')
    .map((line) => {
      const m = SHOWN.exec(line);
      if (!m?.groups) return line;
      const { indent, expr, shown } = m.groups;
      return `${indent}check(${expr}, ${JSON.stringify(shown)}, ${JSON.stringify(example.where)});`;
    })
    .join('\n');
}

const AsyncFunction = (async () => {}).constructor as new (
  ...argsAndBody: string[]
) => (...args: unknown[]) => Promise<void>;

/**
 * Runs one example as an async function body (so `await` may be used) with the names of `scope`
 * in reach, and returns how many shown values it checked.
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
  const run = new AsyncFunction(...Object.keys(scope), 'check', instrumentExample(example));
  await run(...Object.values(scope), check);
  return checked;
}

/** What {@link describeDocExamples} checks in one package. */
export interface DocExamplesOptions {
  /** the package's src/ folder */
  readonly srcDir: URL;
  /** the package's runtime exports (`import * as pkg from '../src/index.js'`) */
  readonly exports: Readonly<Record<string, unknown>>;
  /**
   * Exports whose @example is not run, or that have none, each with a one-line reason
   * (a constant, an example that needs files or a pool, ...).
   */
  readonly excluded?: Readonly<Record<string, string>>;
  /**
   * More names in reach of the examples: helpers they use (e.g. `vectorFromArray`), and the
   * functions of modules that are exported from their module but not from the package, whose
   * examples then run too.
   */
  readonly scope?: Readonly<Record<string, unknown>>;
}

/**
 * The doc-examples test of a package: every export has an @example (or an excluded reason),
 * and every @example of an exported function or class under src/ runs and shows true values.
 */
export function describeDocExamples(title: string, options: DocExamplesOptions): void {
  const { srcDir, exports, excluded = {}, scope: extra = {} } = options;
  const scope = { ...exports, ...extra };
  const examples = docExamples(srcDir);
  const run = examples.filter((e) => !Object.hasOwn(excluded, e.documents));

  describe(title, () => {
    it('every export has an @example or is excluded with a reason', () => {
      const documented = examples.map((e) => e.documents).filter((n) => Object.hasOwn(exports, n));
      expect([...new Set([...documented, ...Object.keys(excluded)])].sort()).toEqual(
        Object.keys(exports).sort(),
      );
      for (const [name, reason] of Object.entries(excluded)) expect(reason, name).not.toBe('');
    });

    it('every @example documents a name the examples can reach', () => {
      const unreachable = run.map((e) => e.documents).filter((n) => !Object.hasOwn(scope, n));
      expect(unreachable).toEqual([]);
    });

    it.each(run)(
      'the @example of $documents ($where) runs and shows its values',
      async (example) => {
        expect(await runExample(example, scope)).toBeGreaterThan(0);
      },
    );
  });
}
