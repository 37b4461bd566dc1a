import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { retryBudgetWarnings } from '../src/run/retry-budget-warnings.js';
import { spamRunDocument } from './small-run.js';

/*
 * A retry budget spent on a service that cannot be reached is not what to fix: the warning
 * about it says so, as the client's own error does, and keeps advising a larger budget only
 * where the service answered.
 */
let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-budget-unreachable-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 12 requests, fewer than the 20 failures that stop a model, each with 3 retries at most. */
function config(name: string, baseUrl: string, headers: Record<string, string> = {}) {
  return parseRunConfig(
    spamRunDocument({
      name,
      out: join(dir, name),
      baseUrl,
      limit: 12,
      model: {
        concurrency: { max: 1 },
        retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2, budget: 0 },
        headers,
      },
      evaluation: { bootstrap: 20 },
    }),
  );
}

const BUDGET_BLAMED = /retry budget was exhausted/;

describe('the retry budget warning', () => {
  it('does not blame the budget when no request reached the service (a closed port)', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1`;
    const results = await runEvaluation(config('closed', url));
    const s = results.models[0]!.service;
    // the budget did run out (10 retries at budget 0, then none): the old warning would show
    expect([s.failed, s.retries, s.notRetriedBudget]).toEqual([12, 10, 9]);
    expect(results.warnings).not.toContainEqual(expect.stringMatching(BUDGET_BLAMED));
    expect(results.warnings).toContain(
      `nb: 12 requests failed this run without reaching the service at ${url} (a refused, reset or closed connection, a DNS or TLS failure, or a connect timeout): check that it is running at models[0].baseUrl; retries would not help until it is started, and models[0].retry.budget is not the cause (9 were not retried once it was spent on these same failures; a larger one would only send more requests to a service that is not there). Rerun with --retry-failed once it is up to send the failed requests again.`,
    );
  }, 60_000);

  it('still blames the budget when the service answered with errors and the budget ran out', async () => {
    const results = await runEvaluation(
      config('answered', server.baseUrl, {
        'x-assay-fault': 'fail-first=100;key=budget-answered;status=503',
      }),
    );
    expect(results.models[0]!.service.notRetriedBudget).toBe(9);
    expect(results.warnings).toContainEqual(
      expect.stringMatching(
        /^nb: the retry budget was exhausted after 10 retries \(models\[0\]\.retry\.budget 0: at most 10 \+ 0 × requests\); 9 requests failed without the retries they had left, .* or rerun with --retry-failed to send the failed requests again\.$/,
      ),
    );
    expect(results.warnings).not.toContainEqual(expect.stringMatching(/without reaching/));
  }, 60_000);

  it('says how many failures never reached the service when only some did', () => {
    const model = config('mixed', server.baseUrl).models[0]!;
    const [warning] = retryBudgetWarnings([
      { model, index: 0, retries: 10, notRetriedBudget: 6, failed: 8, unreached: 3 },
    ]);
    expect(warning).toMatch(BUDGET_BLAMED);
    expect(warning).toMatch(
      / 3 of the 8 requests that failed this run never reached the service \(a refused, reset or closed connection, a DNS or TLS failure, or a connect timeout\): no retry helps those until it is running at models\[0\]\.baseUrl\.$/,
    );
  });
});
