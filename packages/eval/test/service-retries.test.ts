import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { markdownReport, summaryTable } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-retries-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('requests that needed a retry', () => {
  it('are counted and shown, since the error rate counts only requests that failed after every retry', async () => {
    const results = await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'retried',
          out: join(dir, 'run'),
          baseUrl: server.baseUrl,
          limit: 20,
          model: {
            concurrency: { max: 1 },
            retry: { baseDelayMs: 1, maxDelayMs: 5 },
            // one at a time: the first request is refused twice, then answered on its second retry
            headers: { 'x-assay-fault': 'fail-first=2;key=retries-test;status=503' },
          },
          evaluation: { bootstrap: 20 },
        }),
      ),
    );
    const s = results.models[0]!.service;
    expect([s.failed, s.errorRate, s.retried, s.retries]).toEqual([0, 0, 1, 2]);
    expect(summaryTable(results)).toContain(
      'nb: 20 requests: 20 sent this run, 0 resumed from the journal, 0 served from the cache; 1 needed a retry (2 retries in all;',
    );
    expect(markdownReport(results)).toContain('| 0 (0.0%); 1 retried |');
  }, 60_000);
});

describe('a retry budget that runs out', () => {
  it('is warned of, with the failures it left unretried, since the error rate then counts failures not retried in full', async () => {
    const results = await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'budget',
          out: join(dir, 'budget'),
          baseUrl: server.baseUrl,
          model: {
            // one at a time: requests 1-3 take 3 retries each, request 4 the 10th and last the
            // budget allows (10 + 0 × requests); requests 4-10 then fail at once
            concurrency: { max: 1 },
            retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, budget: 0 },
            headers: { 'x-assay-fault': 'fail-first=20;key=budget-test;status=503' },
          },
          evaluation: { bootstrap: 20 },
        }),
      ),
    );
    const s = results.models[0]!.service;
    expect([s.failed, s.retries, s.notRetriedBudget]).toEqual([10, 10, 7]);
    // the summary must not say the error rate counts only failures after every retry
    const summary = summaryTable(results);
    expect(summary).toContain(
      'nb: 40 requests: 40 sent this run, 0 resumed from the journal, 0 served from the cache; 4 needed a retry (10 retries in all; 7 failed without the retries they had left, the retry budget being spent: the error rate counts them too)',
    );
    expect(summary).not.toContain('after every retry');
    // resumed, the same failures are still said to be unretried, as the journal's messages say
    const rerun = await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'budget',
          out: join(dir, 'budget'),
          baseUrl: server.baseUrl,
          model: {
            concurrency: { max: 1 },
            retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, budget: 0 },
            headers: { 'x-assay-fault': 'fail-first=20;key=budget-test;status=503' },
          },
          evaluation: { bootstrap: 20 },
        }),
      ),
    );
    expect(rerun.models[0]!.service).toMatchObject({ resumedFromJournal: 40, notRetriedBudget: 7 });
    expect(summaryTable(rerun)).toContain('7 failed without the retries they had left');
    expect(summaryTable(rerun)).not.toContain('after every retry');
    expect(results.warnings).toContainEqual(
      expect.stringMatching(
        /^nb: the retry budget was exhausted after 10 retries \(models\[0\]\.retry\.budget 0: at most 10 \+ 0 × requests\); 7 requests failed without the retries they had left, so the error rate counts failures not retried in full, not only failures after every retry\. Set models\[0\]\.retry\.budget to at least models\[0\]\.retry\.maxRetries \(models\[0\]\.retry\.budget 3\) for every failure to get its retries, or rerun with --retry-failed to send the failed requests again\.$/,
      ),
    );
  }, 60_000);

  it('gives every failure its retries with the budget the warning advises (maxRetries)', async () => {
    // the same 20 refusals as above: requests 1-5 each fail all 4 attempts (3 retries each)
    const run = (budget: number) =>
      runEvaluation(
        parseRunConfig(
          spamRunDocument({
            name: `advised-${budget}`,
            out: join(dir, `advised-${budget}`),
            baseUrl: server.baseUrl,
            model: {
              concurrency: { max: 1 },
              retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5, budget },
              headers: {
                'x-assay-fault': `fail-first=20;key=budget-advised-${budget};status=503`,
              },
            },
            evaluation: { bootstrap: 20 },
          }),
        ),
      );
    const advised = await run(3);
    expect(advised.warnings ?? []).not.toContainEqual(expect.stringMatching(/retry budget/));
    const s = advised.models[0]!.service;
    expect([s.failed, s.retries, s.notRetriedBudget]).toEqual([5, 15, undefined]);
  }, 60_000);

  it('is not warned of when every failure got its retries', async () => {
    const results = await runEvaluation(
      parseRunConfig(
        spamRunDocument({
          name: 'budget-enough',
          out: join(dir, 'budget-enough'),
          baseUrl: server.baseUrl,
          model: {
            concurrency: { max: 1 },
            retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 },
            headers: { 'x-assay-fault': 'fail-first=2;key=budget-enough;status=503' },
          },
          evaluation: { bootstrap: 20 },
        }),
      ),
    );
    expect(results.warnings ?? []).not.toContainEqual(expect.stringMatching(/retry budget/));
    expect(results.models[0]!.service.notRetriedBudget).toBeUndefined();
    expect(summaryTable(results)).toContain(
      'the error rate counts only requests that failed after every retry)',
    );
  }, 60_000);
});
