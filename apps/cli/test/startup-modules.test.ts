import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN } from './cli-process.js';

/** The bundle files that `assay` loads before any command runs: bin.js and its static imports. */
function startupFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [BIN];
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

test('assay loads no file reader, metric or JSON-schema validator before a command runs', () => {
  const files = startupFiles();
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
