import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareHtml,
  compareMarkdown,
  compareRuns,
  compareText,
  parseRunConfig,
  runEvaluation,
} from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;
const ITEMS = 30;
/** Requests of the flaky run answered only after a retry (read from its results). */
let retried = 0;

/** A run scored from log-probabilities; `flaky` has a fifth of its attempts refused (503). */
function run(name: string, metrics: string[], flaky = false) {
  return runEvaluation(
    parseRunConfig(
      spamRunDocument({
        name,
        out: join(dir, name),
        baseUrl: server.baseUrl,
        limit: ITEMS,
        model: {
          params: { maxTokens: 4, temperature: 0, logprobs: true },
          concurrency: { max: 1 },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
          ...(flaky ? { headers: { 'x-assay-fault': 'status=503;rate=0.2' } } : {}),
        },
        evaluation: { method: 'all', bootstrap: 50, metrics },
      }),
    ),
  );
}

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-compare-retries-'));
  await run('steady', ['accuracy', 'f1_macro']);
  const flaky = await run('flaky', ['accuracy', 'f1_macro'], true);
  retried = flaky.models[0]!.service.retried!;
  expect(flaky.models[0]!.service.failed).toBe(0);
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay compare shows the retries the error rate hides', () => {
  it('adds the retried requests, count and share, to the service block of every form', async () => {
    const r = await compareRuns(join(dir, 'steady'), join(dir, 'flaky'));
    const figure = (name: string) => r.service.find((s) => s.name === name);
    // every request was answered in the end: the error rate alone says nothing happened
    expect(figure('error_rate')).toMatchObject({ baseline: 0, candidate: 0 });
    expect(retried).toBeGreaterThan(0);
    expect(figure('retried_requests')).toMatchObject({
      baseline: 0,
      candidate: retried,
      difference: retried,
    });
    expect(figure('retried_rate')).toMatchObject({ baseline: 0, candidate: retried / ITEMS });
    const share = (100 * retried) / ITEMS;
    expect(
      compareText(r)
        .split('\n')
        .find((l) => l.startsWith('retried_requests'))!
        .trim()
        .split(/\s+/),
    ).toEqual(['retried_requests', '0', String(retried), `+${retried}`, 'higher']);
    const rate = (retried / ITEMS).toFixed(4);
    expect(compareMarkdown(r)).toContain(`| retried_rate | 0.0000 | ${rate} | +${rate} | higher |`);
    expect(compareHtml(r)).toContain(
      `<tr><td>retried requests</td><td>0</td><td>${retried}</td><td>+${retried}</td><td>higher</td></tr>`,
    );
    expect(compareHtml(r)).toContain(
      `<tr><td>retried rate</td><td>0.0%</td><td>${share.toFixed(1)}%</td><td>+${share.toFixed(1)}%</td><td>higher</td></tr>`,
    );
  });
});

describe('a --metric the runs did not report', () => {
  it('says roc_auc was not among evaluation.metrics, and that a rerun resumes from the journal', async () => {
    const error = await refusalOf(
      compareRuns(join(dir, 'steady'), join(dir, 'flaky'), { metrics: ['roc_auc'] }),
    );
    expect(error.code).toBe('UNKNOWN_METRIC');
    expect(error.message).toMatch(
      /^--metric roc_auc: roc_auc was not among the runs' evaluation\.metrics \(accuracy, f1_macro\), so neither run has/,
    );
    expect(error.message).toContain(
      'add roc_auc to evaluation.metrics and run both runs again with the same models and output directory (every journaled request is resumed from the journal, not sent again)',
    );
    // what the message promises: the reruns send nothing, and then roc_auc compares
    for (const [name, flaky] of [
      ['steady', false],
      ['flaky', true],
    ] as const) {
      const again = await run(name, ['accuracy', 'f1_macro', 'roc_auc'], flaky);
      expect(again.models[0]!.service).toMatchObject({ sentThisRun: 0, resumedFromJournal: ITEMS });
    }
    const r = await compareRuns(join(dir, 'steady'), join(dir, 'flaky'), { metrics: ['roc_auc'] });
    expect(r.settings.gatedMetrics).toEqual(['roc_auc']);
  }, 60_000);
});
