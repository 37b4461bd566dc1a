import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter } from 'vitest/node';

type RunEnd = Parameters<NonNullable<Reporter['onTestRunEnd']>>;

/** What {@link RunErrorsReporter} writes: what vitest's JSON report leaves out. */
export interface RunErrors {
  /** Errors thrown outside any test (a crashed test process, a rejection nobody awaited). */
  unhandled: string[];
  /** Tests that never finished: their file's process died or the run was interrupted. */
  unfinished: string[];
  /** Test files whose own code failed (an import, a file-level hook). */
  failedFiles: string[];
  /** Why the run ended, as vitest says it. */
  reason: string;
}

function firstLines(error: { name?: string; message?: string; stack?: string }): string {
  const text = error.stack ?? `${error.name ?? 'Error'}: ${error.message ?? ''}`;
  return text.split('\n').slice(0, 4).join('\n');
}

/**
 * Writes `test-results/run-errors.json` next to vitest's JSON report. That report counts
 * failed tests only, so a run that vitest fails for an unhandled error, or whose test
 * process died part-way, read as "0 failed" in CI's summary line; this file lets
 * `scripts/test-summary.mjs` count and name those.
 */
export class RunErrorsReporter implements Reporter {
  constructor(private readonly file = 'test-results/run-errors.json') {}

  onTestRunEnd(modules: RunEnd[0], unhandled: RunEnd[1], reason: RunEnd[2]): void {
    const unfinished: string[] = [];
    const failedFiles: string[] = [];
    for (const module of modules) {
      if (module.errors().length > 0) failedFiles.push(module.moduleId);
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'pending') unfinished.push(`${module.moduleId} > ${test.fullName}`);
      }
    }
    const report: RunErrors = {
      unhandled: unhandled.map(firstLines),
      unfinished,
      failedFiles,
      reason,
    };
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, `${JSON.stringify(report, null, 2)}\n`);
  }
}
