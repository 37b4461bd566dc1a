import { defineConfig } from 'vitest/config';
import { RunErrorsReporter } from './test-support/run-errors-reporter.js';

/** The vitest settings every package shares; CI sums the JSON reports. */
export const sharedConfig = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json', new RunErrorsReporter()],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
