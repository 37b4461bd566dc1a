// `pnpm bench`: runs every suite in benchmarks/suites/ in its own Node process
// (so one suite's memory does not skew the next), in name order.
// Usage: pnpm bench [suite-name-substring ...]   e.g. pnpm bench core-metrics
// Set BENCH_ROWS to shrink the row counts for a quick look.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const suites = readdirSync(join(here, 'suites'))
  .filter((name) => name.endsWith('.mjs'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', join(here, 'suites', suite)],
    { stdio: 'inherit', cwd: here },
  );
  if (result.status !== 0) {
    failed += 1;
    console.log(`suite ${suite} exited with ${result.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
