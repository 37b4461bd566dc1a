import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
// the built package, as a user's process imports it
const RUNNER = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const SCRIPT = `
const { createRunner } = await import(process.argv[1]);
const runner = createRunner({ workers: 1 });
const report = await runner.scorePredictions(
  { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] },
  { metrics: ['accuracy'] },
);
await runner.close();
console.log(JSON.stringify({ accuracy: report.overall.accuracy.value, workers: report.timing.workers }));
`;

describe('a process started with flags a worker thread refuses', () => {
  test.each([['--max-old-space-size=512'], ['--stack-size=900', '--expose-gc']])(
    'still scores on its workers (%s)',
    async (...flags) => {
      const { stdout } = await run(
        process.execPath,
        [...flags, '--input-type=module', '-e', SCRIPT, RUNNER],
        { timeout: 60_000 },
      );
      expect(JSON.parse(stdout)).toEqual({ accuracy: 0.75, workers: 1 });
    },
  );
});
