import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@assay/clients';
import { afterAll, beforeAll } from 'vitest';
import { describeDocExamples } from '../../../test-support/doc-examples.js';
import {
  type ModelServerProcess,
  startModelServerProcess,
} from '../../../test-support/model-server-process.js';
import type { Slo } from '../src/index.js';
import * as loadtest from '../src/index.js';
import {
  closeStepRunners,
  docExampleFixtures,
  modelServerRunner,
} from './support/doc-example-fixtures.js';

let server: ModelServerProcess;
beforeAll(async () => {
  server = await startModelServerProcess();
});
/** A fresh folder for each example that writes files (`dir`), removed at the end. */
const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-doc-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await closeStepRunners();
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeDocExamples('TSDoc examples of @assay/loadtest', {
  srcDir: new URL('../src/', import.meta.url),
  exports: loadtest,
  excluded: {
    BRACKET_TOLERANCE: "a constant (0.05, find-max's bracket tolerance), not a function or class",
    DEFAULT_DURATION_MS: 'a constant (the default step duration), not a function or class',
    DEFAULT_FULL_CONCURRENCY:
      'a constant (the default throughput-step concurrency), not a function or class',
    DEFAULT_TIMEOUT_MS: 'a constant (the default request timeout), not a function or class',
    KEPT_UP_RATE_SHARE: 'a constant (0.98), not a function or class',
    KEPT_UP_SHARE: 'a constant (0.95), not a function or class',
    LATE_MS: 'a constant (the lateness of a late send), not a function or class',
    LOADTEST_SCHEMA_VERSION: 'a constant (the result schema version), not a function or class',
    LoadTestOptionsSchema: 'a zod schema (a value), not a function or class',
    MAX_BISECTIONS: 'a constant (6), not a function or class',
    MAX_ELU: 'a constant (a harness validity threshold), not a function or class',
    MAX_LATE_FRACTION: 'a constant (a harness validity threshold), not a function or class',
    MIN_ELU_SENDS: 'a constant (a harness validity threshold), not a function or class',
    MIN_ELU_SPAN_MS: 'a constant (a harness validity threshold), not a function or class',
    MIN_LATE_SENDS: 'a constant (a harness validity threshold), not a function or class',
    MIN_RATE_FRACTION: 'a constant (a harness validity threshold), not a function or class',
    RECORDS_FLUSH_MS: 'a constant (the records sink flush interval), not a function or class',
    SLO_METRICS: 'a constant (the SLO metric names), not a function or class',
    SLO_STATS: 'a constant (the SLO statistic names), not a function or class',
    SPAM_INSTRUCTION:
      "a constant (the synthetic workload's instruction text), not a function or class",
    STALL_MS: 'a constant (a harness validity threshold), not a function or class',
  },
  everyModule: true,
  // the data the examples show; the base URL of the model server they call, `createClient` to
  // call it, and `runnerFor(slo)`, a step runner on it; a folder to write files in
  scope: () => ({
    ...docExampleFixtures(),
    baseUrl: server.baseUrl,
    createClient,
    runnerFor: (slo?: Slo) => modelServerRunner(server.baseUrl, slo),
    dir: freshDir(),
  }),
});
