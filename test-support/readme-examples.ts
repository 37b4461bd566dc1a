import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

/*
 * Runs every ```ts block of a package's README.md as a module; the test fails when a block throws.
 * Rule: a block fenced ```ts runs. A block that must not run (shell, output, type signatures) takes
 * another fence (```text, ```sh, ```ts-signature), or `<!-- not-run: reason -->` on the line
 * before its fence.
 * Imports of the package's own name are pointed at src/index.ts, so the examples test the source
 * like the other tests do.
 * A one-line statement at column 0 whose comment starts with a number or an array literal, e.g.
 * `f1Score(a, b); // 0.6555…` or `fn(); // [0, 1]`, is checked against that value: a trailing `…`
 * means the shown digits are the value cut short (it must agree to that many decimals), otherwise
 * it must agree within 1e-12.
 */

interface Block {
  readonly line: number;
  readonly code: string;
}

function runnableBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts' || lines[i - 1]?.trim().startsWith('<!-- not-run')) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) throw new Error(`README.md line ${i + 1}: unclosed code block`);
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const EXPECTED_COMMENT =
  /^(?<stmt>(?!(?:const|let|var|for|if|import|await|return|\})\b)[A-Za-z_$[][^;]*?)\s*;\s*\/\/\s*(?<value>-?(?:\d[\d_.e+-]*|Infinity)|\[[^;]*\])(?<cut>…)?(?=$|,|\s+\()/;

function instrument(block: Block, packageName: string, sourceEntry: string): string {
  return block.code
    .split('\n')
    .map((line, k) => {
      const match = EXPECTED_COMMENT.exec(line);
      if (!match?.groups) return line;
      const { stmt, value, cut } = match.groups;
      const where = `README.md line ${block.line + 1 + k}`;
      return `globalThis.__readmeExpect(${stmt}, ${JSON.stringify(value)}, ${cut !== undefined}, ${JSON.stringify(where)});`;
    })
    .join('\n')
    .replaceAll(`'${packageName}'`, JSON.stringify(sourceEntry));
}

function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function expectShown(actual: unknown, shown: unknown, text: string, cut: boolean, where: string) {
  if (shown === null) {
    expect(actual, where).toBeNull();
    return;
  }
  if (typeof shown === 'number') {
    expect(typeof actual, where).toBe('number');
    const tolerance = cut ? 10 ** -decimals(text) : 1e-12 * Math.max(1, Math.abs(shown));
    const a = actual as number;
    expect(a === shown || Math.abs(a - shown) < tolerance, `${where}: ${a} shown as ${text}`).toBe(
      true,
    );
    return;
  }
  expect(Array.isArray(actual), `${where}: an array`).toBe(true);
  const items = actual as unknown[];
  const expected = shown as unknown[];
  expect(items.length, `${where}: length`).toBe(expected.length);
  expected.forEach((e, i) => {
    expectShown(items[i], e, String(e), false, `${where}[${i}]`);
  });
}

(globalThis as Record<string, unknown>).__readmeExpect = (
  actual: unknown,
  text: string,
  cut: boolean,
  where: string,
) => {
  const shown: unknown = JSON.parse(text.replaceAll('_', '').replaceAll('Infinity', '1e999'));
  expectShown(toPlain(actual), shown, text, cut, where);
};

/**
 * Declares the README-examples suite of one package: every ```ts block of its
 * README.md runs as a module (see the rules above).
 *
 * @param packageName - the package's own name, e.g. `'@assay/core-metrics'`
 * @param testFileUrl - `import.meta.url` of the calling test file (in the package's test/)
 */
export function describeReadmeExamples(packageName: string, testFileUrl: string): void {
  const packageDir = fileURLToPath(new URL('..', testFileUrl));
  const readme = readFileSync(new URL('../README.md', testFileUrl), 'utf8');
  // test-results/ is git-ignored and not under node_modules, so vitest transforms the TypeScript.
  const tmpDir = `${packageDir}test-results/readme-examples-${process.pid}/`;
  const sourceEntry = `${packageDir}src/index.ts`;

  afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

  describe('README examples', () => {
    const blocks = runnableBlocks(readme);
    test('the README has runnable examples', () => {
      expect(blocks.length).toBeGreaterThan(0);
    });
    test.each(blocks)('the ```ts block at README.md line $line runs', async (block) => {
      mkdirSync(tmpDir, { recursive: true });
      const file = `${tmpDir}block-${block.line}.ts`;
      writeFileSync(file, instrument(block, packageName, sourceEntry));
      await import(file);
    });
  });
}
