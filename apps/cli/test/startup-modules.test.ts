import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN } from './cli-process.js';

/** A bundle file and the files it imports statically, each with its text. */
function staticClosure(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    // static imports only (`import ... from "./x.js"`, `import "./x.js"`); `import("./x.js")`
    // is a command's lazily loaded implementation
    for (const m of text.matchAll(
      /^import\s+(?:[^'"()]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm,
    )) {
      queue.push(join(dirname(file), m[1]!));
    }
  }
  return files;
}

/** The lazily loaded chunk of `assay score`'s implementation, as bin.js imports it. */
function scoreActionChunk(): string {
  const found = readFileSync(BIN, 'utf8').match(
    /import\("(\.\/chunks\/score-action-[\w-]+\.js)"\)/,
  );
  expect(found, 'bin.js imports a score-action chunk').not.toBeNull();
  return join(dirname(BIN), found![1]!);
}

test('assay loads no file reader, metric or JSON-schema validator before a command runs', () => {
  const files = staticClosure(BIN);
  // a command's implementation is a lazy chunk: at least one must exist, or the walk is wrong
  expect(readFileSync(BIN, 'utf8')).toMatch(/import\("\.\/chunks\/score-action-[\w-]+\.js"\)/);
  const text = [...files.values()].join('\n');
  // esbuild names each bundled module in a comment (`// ../../node_modules/.pnpm/ajv@8...`)
  expect(text).toContain('node_modules/.pnpm/commander@');
  for (const heavy of [
    'node_modules/.pnpm/ajv@',
    'node_modules/.pnpm/csv-parse@',
    'node_modules/.pnpm/apache-arrow@',
    'node_modules/.pnpm/zod@',
    'packages/core-metrics/dist/',
    'packages/runner/dist/io/load-columns.js',
  ]) {
    expect(text, `${heavy} is loaded at start-up`).not.toContain(heavy);
  }
});

test('assay score loads neither zod, the JSON-schema validator nor the report renderers', () => {
  const text = [...staticClosure(scoreActionChunk()).values()].join('\n');
  // what it needs is there, or the walk is wrong
  for (const needed of [
    'packages/runner/dist/io/load-columns.js',
    'packages/runner/dist/pool/runner.js',
    // a library's path as the heavy ones below are named, so a new node_modules layout fails here
    'node_modules/.pnpm/csv-parse@',
  ]) {
    expect(text).toContain(needed);
  }
  // each a lazy chunk or another command's: the report schemas and renderers cost
  // `assay score` about 50 ms of module loading before it read a byte
  for (const heavy of [
    'node_modules/.pnpm/zod@',
    'node_modules/.pnpm/ajv@',
    'node_modules/.pnpm/apache-arrow@',
    'node_modules/.pnpm/hyparquet@',
    'packages/report/dist/html/',
    'packages/report/dist/charts/',
    'packages/report/dist/results/',
    'packages/runner/dist/score/score-report.js',
  ]) {
    expect(text, `${heavy} is loaded by assay score`).not.toContain(heavy);
  }
});
