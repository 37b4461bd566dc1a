import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** One `@example` of a TSDoc comment in src/. */
export interface DocExample {
  /** e.g. `intervals/bca-interval.ts:77` */
  readonly where: string;
  /** the export the comment documents */
  readonly documents: string;
  /** the example's code, fences and leading `*` removed */
  readonly code: string;
}

const DOC_BLOCK = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:function|class) (\w+)/g;

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

/** `statement; // 0.25`, `// [1.45, 9.55…]` or `// 'CODE'`: a value to check. */
const SHOWN = /^(?<indent>\s*)(?<expr>[A-Za-z_$[][^;]*);\s*\/\/\s*(?<shown>-?[\d['].*)$/;
const NUMBER = /-?\d[\d.e+-]*…?/g;

/**
 * Checks `actual` against the value shown in a comment: a quoted string must
 * be equal; of numbers, one with a trailing `…` must agree to the digits shown,
 * the others within 1e-12 relative.
 */
export function expectShown(actual: unknown, shown: string, where: string): void {
  if (shown.startsWith("'")) {
    expect(actual, where).toBe(shown.slice(1, -1));
    return;
  }
  const values = (Array.isArray(actual) ? actual : [actual]) as number[];
  const tokens = shown.match(NUMBER) ?? [];
  expect(values.length, `${where}: ${shown}`).toBe(tokens.length);
  tokens.forEach((token, i) => {
    const cut = token.endsWith('…');
    const digits = cut ? token.slice(0, -1) : token;
    const expected = Number(digits);
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
    const tolerance = cut ? 10 ** -decimals : 1e-12 * Math.max(1, Math.abs(expected));
    expect(
      Math.abs(values[i]! - expected),
      `${where}: ${values[i]} shown as ${token}`,
    ).toBeLessThan(tolerance);
  });
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
