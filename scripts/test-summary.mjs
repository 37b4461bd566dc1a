// Sums vitest's JSON reports (test-results/vitest.json in each package) into
// the one line CI reads: "N passed, N failed". A package whose tests crashed
// before writing its report counts as one failure, so a crash is never green.
// test-results/run-errors.json (test-support/run-errors-reporter.ts) adds what
// the JSON report leaves out: errors outside any test and tests that never
// finished each count as a failure, and are named above the line, since CI
// shows only the end of its log.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A report as JSON, or undefined when it is missing, unreadable or cut short. */
function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
const problems = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(group)) {
    const dir = join(group, name);
    if (!existsSync(join(dir, 'vitest.config.ts'))) continue;
    const json = readReport(join(dir, 'test-results', 'vitest.json'));
    if (json === undefined) {
      problems.push(`${dir}: no readable test report (its tests crashed before writing one)`);
      failed += 1;
      continue;
    }
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (json.numFailedTestSuites > 0 && json.numFailedTests === 0)
      failed += json.numFailedTestSuites;
    const errors = readReport(join(dir, 'test-results', 'run-errors.json'));
    if (errors === undefined) {
      problems.push(`${dir}: no readable run-errors.json (its test run did not end normally)`);
      failed += 1;
      continue;
    }
    failed += errors.unhandled.length + errors.unfinished.length;
    for (const text of errors.unhandled) problems.push(`${dir}: unhandled error: ${text}`);
    for (const test of errors.unfinished) problems.push(`${dir}: never finished: ${test}`);
    for (const file of errors.failedFiles) problems.push(`${dir}: test file failed: ${file}`);
  }
}
// .ci/run passes the test command's exit status: vitest fails a run for reasons no
// report above records, and such a run must not read as green.
const exitArg = process.argv.indexOf('--test-exit');
const testExit = exitArg < 0 ? 0 : Number(process.argv[exitArg + 1]);
if (testExit !== 0 && failed === 0) {
  problems.push(
    `the test command exited ${testExit} though no report names a failure; see its log`,
  );
  failed = 1;
}
for (const problem of problems) console.log(problem);
console.log(`${passed} passed, ${failed} failed`);
