import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { htmlReport, type RunResults, RunResultsSchema, summaryTable } from '@assay/report';
import { createRunner } from '@assay/runner';
import { wilsonInterval } from '@assay/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadRunDataset,
  parseRunConfig,
  readPredictions,
  runEvaluation,
  taskFor,
} from '../src/index.js';
import { degenerateIntervalWarnings } from '../src/summary/degenerate-interval-warnings.js';
import { positiveClassMetrics } from '../src/summary/positive-class.js';
import { scoreModelOnPool } from '../src/summary/score-models.js';

// statsmodels 0.14: proportion_confint(x, n, alpha=0.05, method='wilson')
const STATSMODELS_5_OF_5 = [0.5655175352168252, 1.0];
const STATSMODELS_3_OF_3 = [0.43850296824495444, 1.0];
const STATSMODELS_0_OF_2 = [0.0, 0.657619772493347];
const STATSMODELS_2_OF_2 = [0.342380227506653, 1.0];

let server: ModelServer;
let dir: string;
let data: string;

function config(
  name: string,
  evaluation: Record<string, unknown>,
  thresholds: string[] = [],
  dataset: Record<string, unknown> = { path: data },
) {
  return parseRunConfig(
    {
      name,
      dataset,
      task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
      prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
      models: [
        {
          name: 'nb',
          provider: 'openai-chat',
          baseUrl: 'http://127.0.0.1:1/v1',
          model: 'assay-spam-nb',
          params: { maxTokens: 4, temperature: 0 },
        },
      ],
      evaluation: {
        bootstrap: 200,
        seed: 5,
        metrics: ['accuracy', 'balanced_accuracy', 'f1_macro'],
        ...evaluation,
      },
      output: { dir: join(dir, name) },
      thresholds,
    },
    { baseUrl: server.baseUrl },
  );
}

const run = (name: string, evaluation: Record<string, unknown>, thresholds: string[] = []) =>
  runEvaluation(config(name, evaluation, thresholds));

/**
 * Three spam and two ham e-mails of the held-out SpamAssassin corpus that the reference spam
 * model classifies right, as a JSONL data set: a run on them scores 5 of 5.
 */
async function writeRightlyAnswered(): Promise<void> {
  const probe = config('probe', { method: 'all', bootstrap: 0 }, [], {
    builtin: 'spam-assassin',
    limit: 40,
    seed: 1,
  });
  await runEvaluation(probe);
  const rows = readPredictions(readFileSync(join(dir, 'probe', 'predictions.arrow')));
  const right = new Set(rows.filter((r) => r.outcome === 'correct').map((r) => r.id));
  const items = (await loadRunDataset(probe)).filter((it) => right.has(it.id));
  const pick = [
    ...items.filter((it) => it.label === 'spam').slice(0, 3),
    ...items.filter((it) => it.label === 'ham').slice(0, 2),
  ];
  expect(pick).toHaveLength(5);
  const lines = pick.map((it) =>
    JSON.stringify({ id: it.id, text: it.fields.text, label: it.label }),
  );
  writeFileSync(data, `${lines.join('\n')}\n`);
}

/** Recall 3 of 3 spam, precision 3 of 3 flagged, false-positive rate 0 of 2 ham: statsmodels' Wilson intervals. */
function expectPositiveClassWilson(
  pc: NonNullable<RunResults['models'][number]['positiveClass']>,
): void {
  for (const [s, expected] of [
    [pc.recall, STATSMODELS_3_OF_3],
    [pc.precision, STATSMODELS_3_OF_3],
    [pc.falsePositiveRate, STATSMODELS_0_OF_2],
  ] as const) {
    expect(s.ciMethod).toBe('wilson');
    expect(s.ciLow!).toBeCloseTo(expected[0]!, 12);
    expect(s.ciHigh!).toBeCloseTo(expected[1]!, 12);
  }
}

let all: RunResults;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-wilson-'));
  data = join(dir, 'data.jsonl');
  server = await startModelServer({ port: 0 });
  await writeRightlyAnswered();
  all = RunResultsSchema.parse(
    await run('all', { method: 'all' }, [
      'accuracy.ci_low >= 0.95',
      'accuracy.ci_high >= 0.99',
      'recall.ci_low >= 0.95',
      'balanced_accuracy.ci_low >= 0.5',
    ]),
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Wilson intervals of proportions at 0 or 1 on a run of the reference model server', () => {
  it('gives 5 of 5 right the Wilson interval of statsmodels instead of a bootstrap [1, 1]', () => {
    const m = all.models[0]!;
    expect(m.items).toMatchObject({ scored: 5, correct: 5 });
    const accuracy = m.metrics.accuracy!;
    expect(accuracy).toMatchObject({ value: 1, ciMethod: 'wilson' });
    expect(accuracy.ciLow!).toBeCloseTo(STATSMODELS_5_OF_5[0]!, 12);
    expect(accuracy.ciHigh).toBe(STATSMODELS_5_OF_5[1]);
    expect([accuracy.ciLow, accuracy.ciHigh]).toEqual(wilsonInterval(5, 5, 0.95));
  });

  it('counts recall, precision and the false-positive rate on their own denominators', () => {
    const pc = all.models[0]!.positiveClass!;
    // recall 3 of 3 spam, precision 3 of 3 flagged, false-positive rate 0 of 2 ham
    expectPositiveClassWilson(pc);
  });

  it('checks interval thresholds on the Wilson interval: 5 of 5 does not show accuracy >= 0.95', () => {
    const byName = new Map(all.thresholds.map((t) => [t.threshold, t]));
    expect(byName.get('accuracy.ci_low >= 0.95')).toMatchObject({
      value: 1,
      interval: 'wilson',
      outcome: 'fail',
      passed: false,
    });
    expect(byName.get('accuracy.ci_low >= 0.95')!.ciLow!).toBeCloseTo(STATSMODELS_5_OF_5[0]!, 12);
    expect(byName.get('accuracy.ci_high >= 0.99')).toMatchObject({ outcome: 'pass' });
    expect(byName.get('recall.ci_low >= 0.95')).toMatchObject({
      interval: 'wilson',
      outcome: 'fail',
    });
    expect(all.passed).toBe(false);
  });

  it('keeps a zero-width bootstrap interval of a metric that is no share of a count, with a warning, and its reason where a threshold reads it', () => {
    // balanced accuracy averages two recalls: no count of items gives it
    const balanced = all.models[0]!.metrics.balanced_accuracy!;
    expect(balanced).toMatchObject({ value: 1, ciLow: 1, ciHigh: 1 });
    expect(balanced.ciMethod).toBeUndefined();
    expect(all.warnings).toContainEqual(
      expect.stringMatching(
        /^nb: balanced_accuracy 1\.000 has a bootstrap interval of no width \[1\.000, 1\.000\]: .* not replaced by a Wilson interval because the Wilson interval replaces only shares of a count \(accuracy, recall, precision, false-positive rate; .*\), and this metric is none\.$/,
      ),
    );
    // an interval with width stays the bootstrap's, unlabelled and without a warning
    const f1 = all.models[0]!.metrics.f1_macro!;
    expect(f1.ciMethod).toBeUndefined();
    expect(f1.ciLow!).toBeLessThan(f1.ciHigh!);
    expect(all.warnings?.some((w) => /^nb: (accuracy|f1_macro) /.test(w))).toBe(false);
    // one that no threshold reads is named in one line for the model: a report showing
    // [1.000, 1.000] reads as certainty whether or not a gate reads it
    expect(degenerateIntervalWarnings(all.models, new Set())).toEqual([
      'nb: balanced_accuracy [1.000, 1.000] is a bootstrap interval of no width: every resample scored the same (a constant prediction, or a perfect or empty result on few items), so it does not show how sure the figure is; read it as unknown uncertainty, not certainty.',
    ]);
    expect(degenerateIntervalWarnings(all.models, new Set(['balanced_accuracy']))).toHaveLength(1);
  });

  it('says why a judge score or a 0/1 scorer keeps its zero-width interval: its value is not 0 or 1', () => {
    const model = structuredClone(all.models[0]!);
    const one = { ...model.metrics.accuracy!, ciLow: 0.5, ciHigh: 0.5, value: 0.5 };
    delete one.ciMethod;
    model.metrics = { judge_score: one, exact_match: one, bleu: one };
    const warnings = degenerateIntervalWarnings(
      [model],
      new Set(['judge_score', 'exact_match', 'bleu']),
    );
    expect(warnings).toHaveLength(3);
    for (const w of warnings.slice(0, 2))
      expect(w).toMatch(/because its value is not 0 or 1 \(partial credit/);
    expect(warnings[2]).toMatch(/^nb: bleu 0\.500 .* and this metric is none\.$/);
    // a renamed exact_match goes by its name
    model.metrics = { em_strict: one };
    const [renamed] = degenerateIntervalWarnings(
      [model],
      new Set(['em_strict']),
      new Set(['em_strict']),
    );
    expect(renamed).toMatch(/because its value is not 0 or 1/);
  });

  it('labels the Wilson interval in the terminal, markdown and HTML reports', () => {
    const label = '[0.566, 1.000] (Wilson)';
    expect(summaryTable(all)).toContain(`1.000 ${label}`);
    expect(readFileSync(join(dir, 'all', 'report.md'), 'utf8')).toContain(`| ${label} |`);
    expect(htmlReport(all)).toContain(`<td class="num">${label}</td>`);
    // the bootstrap interval beside it carries no label
    expect(summaryTable(all)).toMatch(/1\.000 \[1\.000, 1\.000\] {2}/);
  });

  it('reads a results.json written before ciMethod as bootstrap intervals', () => {
    const old = structuredClone(all);
    delete old.models[0]!.metrics.accuracy!.ciMethod;
    expect(RunResultsSchema.parse(old).models[0]!.metrics.accuracy!.ciMethod).toBeUndefined();
  });

  it('under repeated cross-validation counts items, not rows, for accuracy and each share on its own denominator', async () => {
    const repeated = RunResultsSchema.parse(
      await run('repeated', { method: 'repeated-stratified', k: 2, repeats: 2 }, [
        'accuracy.ci_low >= 0.5',
        'recall.ci_low >= 0.5',
      ]),
    );
    const accuracy = repeated.models[0]!.metrics.accuracy!;
    expect(repeated.models[0]!.items).toMatchObject({ scored: 10, correct: 10, distinct: 5 });
    // 10 rows right of 5 items, each right in both repeats: the Wilson interval of 5 of 5
    // items (statsmodels), not of 10 of 10 rows, which would claim twice the evidence
    expect(accuracy.ciMethod).toBe('wilson');
    expect(accuracy.ciLow).toBeCloseTo(STATSMODELS_5_OF_5[0]!, 12);
    expect(accuracy.ciHigh).toBeCloseTo(STATSMODELS_5_OF_5[1]!, 12);
    expect(repeated.warnings).not.toContainEqual(expect.stringMatching(/^nb: accuracy /));
    // recall: 3 spam items found in both repeats, the Wilson interval of 3 of 3 items (not of
    // 6 of 6 rows, nor a bootstrap [1, 1] a recall.ci_low gate would pass on); the
    // false-positive rate: 0 of the 2 ham items
    const pc = repeated.models[0]!.positiveClass!;
    expectPositiveClassWilson(pc);
    const recallGate = repeated.thresholds.find((t) => t.threshold === 'recall.ci_low >= 0.5')!;
    expect(recallGate).toMatchObject({ interval: 'wilson', ciLow: pc.recall.ciLow });
    expect(repeated.warnings).not.toContainEqual(expect.stringMatching(/^nb: recall /));
    // 10 predictions of 5 items share 5 requests: the latency CDF counts each request once,
    // as the service percentiles beside it do
    const model = repeated.models[0]!;
    expect(model.service.requests).toBe(5);
    expect(model.latencySample).toHaveLength(5);
    expect(model.ttftSample.length).toBeLessThanOrEqual(5);
  }, 60_000);

  it('under repeats counts precision over the items predicted positive, not over every positive item or row', async () => {
    const name = 'repeated-mixed';
    await run(name, { method: 'repeated-stratified', k: 2, repeats: 2 });
    const rows = readPredictions(readFileSync(join(dir, name, 'predictions.arrow')));
    // the 3 spam items, all found in both repeats by the server: the first stays so, the
    // second is answered ham in its second repeat (fold >= k), the third in both
    const spam = [...new Set(rows.filter((r) => r.expected === 'spam').map((r) => r.id))];
    expect(spam).toHaveLength(3);
    const missed = (r: (typeof rows)[number]) =>
      r.id === spam[2] || (r.id === spam[1] && r.fold >= 2);
    const mixed = rows.map((r) =>
      missed(r) ? { ...r, parsed: 'ham', outcome: 'wrong' as const, correct: false } : r,
    );
    const runner = createRunner();
    const task = taskFor(config(name, {}).task);
    const scores = await scoreModelOnPool(runner, mixed, task, positiveClassMetrics(task), {
      folds: 4,
      bootstrap: 200,
      ci: 0.95,
      seed: 5,
    }).finally(() => runner.close());
    // precision: the 3 rows predicted spam are all spam, from 2 items (not 3 rows, nor the
    // 3 spam items): the Wilson interval of 2 of 2
    const precision = scores.precision!;
    expect(precision).toMatchObject({ value: 1, ciMethod: 'wilson' });
    expect(precision.ciLow!).toBeCloseTo(STATSMODELS_2_OF_2[0]!, 12);
    expect(precision.ciHigh).toBe(STATSMODELS_2_OF_2[1]);
    // recall 3 of 6 rows: below 1, its bootstrap interval has width and stays
    const recall = scores.recall!;
    expect(recall.value).toBe(0.5);
    expect(recall.ciMethod).toBeUndefined();
    expect(recall.ciLow!).toBeLessThan(recall.ciHigh!);
  }, 60_000);
});
