import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import {
  type RunResults,
  RunResultsSchema,
  summaryTable,
  type ThresholdResult,
  thresholdDetails,
} from '@assay/report';
import { percentiles, quantileInterval, wilsonInterval } from '@assay/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noneSeenUpper } from '../src/compare/alike-items-bound.js';
import {
  dryRun,
  EvaluationError,
  executeRun,
  parseRunConfig,
  readPredictions,
  runEvaluation,
  summarizeRun,
} from '../src/index.js';
import { wilsonTrialsNeeded, withSizeNeeded } from '../src/summary/interval-size-needed.js';

const ITEMS = 80;
const SEED = 3;
let server: ModelServer;
let dir: string;

function config(name: string, thresholds: string[], extra: Record<string, unknown> = {}) {
  return parseRunConfig(
    {
      name,
      dataset: { builtin: 'spam-assassin', limit: ITEMS, seed: 1 },
      task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
      prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
      models: [
        {
          name: 'nb',
          provider: 'openai-chat',
          baseUrl: 'http://127.0.0.1:1/v1',
          model: 'assay-spam-nb',
          params: { maxTokens: 4, temperature: 0 },
          concurrency: { max: 4 },
        },
      ],
      evaluation: { bootstrap: 400, seed: SEED },
      output: { dir: join(dir, name) },
      thresholds,
      ...extra,
    },
    { baseUrl: server.baseUrl },
  );
}

let results: RunResults;
const check = (source: string): ThresholdResult =>
  results.thresholds.find((t) => t.threshold === source)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-interval-thresholds-'));
  server = await startModelServer({ port: 0 });
  // a first run to learn where the intervals lie, then thresholds on either side of them
  const probe = RunResultsSchema.parse(await runEvaluation(config('probe', [])));
  const f1 = probe.models[0]!.metrics.f1_macro!;
  const low = f1.ciLow!;
  const high = f1.ciHigh!;
  results = RunResultsSchema.parse(
    await runEvaluation(
      config('gates', [
        `f1_macro.ci_low >= ${low - 0.001}`,
        `f1_macro.ci_low >= ${low + 0.001}`,
        `f1_macro.ci_high <= ${high + 0.001}`,
        `f1_macro.ci_high <= ${high - 0.001}`,
        'p95_latency_ms.ci_high <= 600000',
        'p95_latency_ms.ci_low >= 600000',
        'p50_latency_ms.ci_high <= 600000',
        'error_rate.ci_high <= 0.1',
        'p95_ttft_ms.ci_high <= 100',
        'error_rate <= 0.01',
        'error_rate.ci_high <= 0.02',
        'p99_latency_ms.ci_high <= 600000',
      ]),
    ),
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('interval thresholds on a run of the reference model server', () => {
  it('reads the bootstrap interval of a task metric: passes on one side of it, fails on the other', () => {
    const f1 = results.models[0]!.metrics.f1_macro!;
    const [lowOk, lowBad, highOk, highBad] = results.thresholds.slice(0, 4);
    expect([lowOk, lowBad, highOk, highBad].map((t) => t!.outcome)).toEqual([
      'pass',
      'fail',
      'pass',
      'fail',
    ]);
    for (const t of [lowOk, lowBad, highOk, highBad]) {
      expect(t).toMatchObject({
        ciLow: f1.ciLow,
        ciHigh: f1.ciHigh,
        interval: 'bootstrap-percentile',
      });
      expect(t!.value).toBe(f1.value);
    }
    expect(lowBad).toMatchObject({ bound: 'ci_low', op: '>=', passed: false });
    expect(highBad).toMatchObject({ bound: 'ci_high', op: '<=', passed: false });
    expect(results.passed).toBe(false);
  });

  it('bounds the p95 latency by order statistics of the requests of the run, around its point value', () => {
    const rows = readPredictions(readFileSync(join(dir, 'gates', 'predictions.arrow')));
    const timed = rows
      .filter((r) => !r.cached && r.e2eMs !== null)
      .map((r) => r.e2eMs!)
      .sort((a, b) => a - b);
    expect(timed).toHaveLength(ITEMS);
    const p95 = check('p95_latency_ms.ci_high <= 600000');
    expect(p95.value).toBeCloseTo(percentiles(timed, [95])[0]!, 9);
    expect(p95.interval).toBe('order-statistic');
    // scipy.stats.binom: for n = 80, q = 0.95 at 95% the 72nd and the 80th smallest
    expect([p95.ciLow, p95.ciHigh]).toEqual([timed[71], timed[79]]);
    expect([p95.ciLow, p95.ciHigh]).toEqual(quantileInterval(timed, 0.95, 0.95));
    expect(p95.ciLow!).toBeLessThanOrEqual(p95.value!);
    expect(p95.ciHigh!).toBeGreaterThanOrEqual(p95.value!);
    expect(p95.outcome).toBe('pass');
    expect(check('p95_latency_ms.ci_low >= 600000').outcome).toBe('fail');
    const p50 = check('p50_latency_ms.ci_high <= 600000');
    expect(p50.ciHigh!).toBeLessThan(p95.ciHigh!);
  });

  it('gives a p99 of 80 requests no upper end, so its gate cannot pass on the largest latency seen', () => {
    const p99 = check('p99_latency_ms.ci_high <= 600000');
    expect(p99).toMatchObject({ outcome: 'error', passed: false, ciHigh: null });
    expect(p99.ciLow).not.toBeNull();
    expect(p99.reason).toBe(
      `with ${ITEMS} timed requests the p99_latency_ms has no upper 95% bound: the largest value observed lies below the true p99 with probability ${(0.99 ** ITEMS).toPrecision(2)} (more than 0.025), so no order statistic bounds it; a distribution-free upper bound needs at least 368 timed requests (evaluate more items)`,
    );
  });

  it('gives the error rate the Wilson interval of failed requests', () => {
    const t = check('error_rate.ci_high <= 0.1');
    expect(t).toMatchObject({ value: 0, interval: 'wilson', outcome: 'pass' });
    expect([t.ciLow, t.ciHigh]).toEqual(wilsonInterval(0, ITEMS, 0.95));
  });

  it("says when a bound on the error rate cannot be met with the run's requests, and how many it needs", () => {
    const t = check('error_rate.ci_high <= 0.02');
    expect(t).toMatchObject({ value: 0, outcome: 'fail' });
    expect(t.sizeNeeded).toEqual({
      unit: 'requests',
      had: ITEMS,
      needed: 189,
      best: wilsonInterval(0, ITEMS, 0.95)![1],
    });
    const line = summaryTable(results)
      .split('\n')
      .find((l) => l.startsWith('FAIL  nb: error_rate.ci_high <= 0.02'));
    expect(line).toContain(
      `; this run had ${ITEMS} requests, too few for the bound: even with none failed, the 95% Wilson upper end would be 0.0458, and the bound needs at least 189 requests (evaluate more items or loosen the bound)`,
    );
    // a bound the run's size can meet fails without the note
    expect(
      check(`f1_macro.ci_high <= ${results.models[0]!.metrics.f1_macro!.ciHigh! - 0.001}`),
    ).not.toHaveProperty('sizeNeeded');
  });

  it('counts the fewest trials whose best Wilson end meets a bound, on either end', () => {
    const needed = wilsonTrialsNeeded('ci_high', '<=', 0.02, 0.95)!;
    expect(needed).toBe(189);
    expect(wilsonInterval(0, needed, 0.95)![1]).toBeLessThanOrEqual(0.02);
    expect(wilsonInterval(0, needed - 1, 0.95)![1]).toBeGreaterThan(0.02);
    const share = wilsonTrialsNeeded('ci_low', '>=', 0.95, 0.95)!;
    expect(wilsonInterval(share, share, 0.95)![0]).toBeGreaterThanOrEqual(0.95);
    expect(wilsonInterval(share - 1, share - 1, 0.95)![0]).toBeLessThan(0.95);
    expect(wilsonTrialsNeeded('ci_high', '<=', 0, 0.95)).toBeNull();
    expect(wilsonTrialsNeeded('ci_low', '>=', 1, 0.95)).toBeNull();
  });

  it("reads the item count back from a perfect share's Wilson interval for a .ci_low gate", () => {
    const [low] = wilsonInterval(40, 40, 0.95)!;
    const gate: ThresholdResult = {
      threshold: 'accuracy.ci_low >= 0.95',
      model: 'nb',
      metric: 'accuracy',
      value: 1,
      passed: false,
      bound: 'ci_low',
      op: '>=',
      limit: 0.95,
      ciLow: low,
      ciHigh: 1,
      interval: 'wilson',
      outcome: 'fail',
    };
    const [t] = withSizeNeeded([gate], results.models, 0.95);
    expect(t!.sizeNeeded).toEqual({
      unit: 'items',
      had: 40,
      needed: wilsonTrialsNeeded('ci_low', '>=', 0.95, 0.95),
      best: low,
    });
  });

  it('shows the interval of a service figure beside a threshold on its value too', () => {
    const point = check('error_rate <= 0.01');
    const bound = check('error_rate.ci_high <= 0.1');
    expect(point).toMatchObject({ value: 0, interval: 'wilson', outcome: 'pass' });
    expect([point.ciLow, point.ciHigh]).toEqual([bound.ciLow, bound.ciHigh]);
  });

  it('makes a bound without an interval an error with its reason, never a pass', () => {
    // the reference server does not stream, so no request has a time to first token
    const t = check('p95_ttft_ms.ci_high <= 100');
    expect(t).toMatchObject({ outcome: 'error', passed: false, ciLow: null, ciHigh: null });
    expect(t.reason).toMatch(
      /^p95_ttft_ms has no value in this run: none of the \d+ answers has a time to first token \(an answer has one only when it was streamed/,
    );
  });

  it('reports a task metric that only a threshold names beside the listed ones, in the results and the table', async () => {
    const run = await executeRun(
      config('gated-only', ['matthews_corrcoef >= 0.1'], {
        evaluation: { bootstrap: 400, seed: SEED, metrics: ['accuracy'] },
      }),
    );
    const summary = await summarizeRun(run);
    expect(summary.evaluation.metrics).toEqual(['accuracy', 'matthews_corrcoef']);
    const mcc = summary.models[0]!.metrics.matthews_corrcoef!;
    expect(mcc.value).toBe(summary.thresholds[0]!.value);
    expect(mcc.ciLow).not.toBeNull();
    expect(summaryTable(summary)).toMatch(/matthews_corrcoef/);
  });

  it('checks a vs baseline threshold on the paired difference from the baseline run', async () => {
    const run = await executeRun(
      config('baseline', ['accuracy vs baseline >= -0.01', 'accuracy vs baseline >= -0.05'], {
        baseline: join(dir, 'probe'),
      }),
    );
    const summary = await summarizeRun(run);
    // the same model on the same items answers as the baseline did: difference 0, and no item
    // answered differently, so the interval is ± the exact upper end of 0 of 80 items (0.0451),
    // not the bootstrap's [0, 0]: 80 items cannot show a margin of 0.01, and can one of 0.05
    const u = noneSeenUpper(ITEMS, 0.95);
    expect(u).toBeCloseTo(0.045064035067692285, 14); // scipy's beta.ppf(0.975, 1, 80)
    const figures = { against: 'baseline', bound: 'ci_low', value: 0, ciLow: -u, ciHigh: u };
    expect(summary.thresholds).toEqual([
      expect.objectContaining({
        threshold: 'accuracy vs baseline >= -0.01',
        ...figures,
        interval: 'clopper-pearson',
        outcome: 'fail',
        passed: false,
      }),
      expect.objectContaining({
        threshold: 'accuracy vs baseline >= -0.05',
        ...figures,
        outcome: 'pass',
        passed: true,
      }),
    ]);
    expect(summary.passed).toBe(false);
    // every prediction of both runs was paired: the caveat says only what the bound rests on
    expect(summary.thresholds[0]!.caveat).toBe(
      `none of the ${ITEMS} paired items was answered differently: the interval is ± the exact (Clopper-Pearson) upper end of the share of items the runs answer differently; 368 items answered alike would meet >= -0.01`,
    );
    // a pass on the bound needs no caveat: the bound is conservative
    expect(summary.thresholds[1]!.caveat).toBeUndefined();
  });

  it('says with a vs baseline check how few predictions were paired when the runs cover different items', async () => {
    // the same data set and sampling seed, twice as many items: the baseline's and more
    const run = await executeRun(
      config('wider', ['accuracy vs baseline >= -0.5'], {
        baseline: join(dir, 'probe'),
        dataset: { builtin: 'spam-assassin', limit: 2 * ITEMS, seed: 1 },
      }),
    );
    const summary = await summarizeRun(run);
    const t = summary.thresholds[0]!;
    const caveat = t.caveat ?? '';
    const m =
      /^only (\d+) predictions were paired with the baseline run: (\d+) of this run's(?: and (\d+) of the baseline's)? have no partner in the other run(?:$|; none of the \1 paired items was answered differently)/.exec(
        caveat,
      );
    expect(m, caveat).not.toBeNull();
    const [paired, onlyRun, onlyBaseline] = m!.slice(1).map((x) => Number(x ?? 0)) as [
      number,
      number,
      number,
    ];
    // every prediction of either run is paired or counted as without a partner
    expect(paired + onlyRun).toBe(2 * ITEMS);
    expect(paired + onlyBaseline).toBe(ITEMS);
    expect(paired).toBeGreaterThan(0);
    // the terminal line, the JUnit message and the exit reason carry it after the figures
    expect(thresholdDetails(t, 0.95)).toMatch(
      new RegExp(`; but only ${paired} predictions were paired`),
    );
  });

  it('refuses a missing baseline in a run and a dry run alike, naming the config path, before making the output directory', async () => {
    const c = config('no-baseline', ['accuracy vs baseline >= -0.01'], {
      baseline: join(dir, 'never-ran'),
    });
    for (const attempt of [() => runEvaluation(c), () => dryRun(c)]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EvaluationError);
      expect((error as EvaluationError).path).toBe('baseline');
      expect((error as EvaluationError).message).toMatch(
        new RegExp(`^baseline: ${join(dir, 'never-ran')} does not exist; `),
      );
    }
    expect(existsSync(join(dir, 'no-baseline'))).toBe(false);
  });
});
