// Sums vitest's JSON reports (test-results/vitest.json in each package) into
// the one line CI reads: "N passed, N failed". A package whose tests crashed
// before writing its report counts as one failure, so a crash is never green.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(group)) {
    const dir = join(group, name);
    if (!existsSync(join(dir, 'vitest.config.ts'))) continue;
    const report = join(dir, 'test-results', 'vitest.json');
    if (!existsSync(report)) {
      console.error(`no test report from ${dir}`);
      failed += 1;
      continue;
    }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (json.numFailedTestSuites > 0 && json.numFailedTests === 0)
      failed += json.numFailedTestSuites;
  }
}
console.log(`${passed} passed, ${failed} failed`);
