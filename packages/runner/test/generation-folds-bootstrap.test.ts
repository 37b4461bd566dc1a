import { createRunner, type GenerationOptions, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { CORPORA } from './helpers/sacrebleu-corpora.js';

const ALL = [
  'exact_match',
  'token_f1',
  'bleu',
  'chrf',
  'chrf_pp',
  'ter',
  'rouge1',
  'rouge2',
  'rougeL',
  'rougeLsum',
  'levenshtein_similarity',
];
const outputs = CORPORA.flatMap((c) => c.hypotheses);
const references = CORPORA.flatMap((c) => c.references);
const slice = CORPORA.flatMap((c, k) => c.hypotheses.map(() => `corpus-${k % 3}`));
const runners = [0, 1, 2].map((workers) => createRunner({ workers }));
const [inProcess, one, two] = runners as [
  ReturnType<typeof createRunner>,
  ReturnType<typeof createRunner>,
  ReturnType<typeof createRunner>,
];

afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

function withoutTiming(report: ScoreReport): Omit<ScoreReport, 'timing'> {
  const { timing: _, ...rest } = report;
  return rest;
}

function pick<T>(values: readonly T[], rows: readonly number[]): T[] {
  return rows.map((i) => values[i]!);
}

describe('generation scoring on the pool', () => {
  test('any worker count and task size gives the identical report', async () => {
    const options: GenerationOptions = {
      metrics: ALL,
      cv: 'kfold:4',
      bootstrap: 64,
      seed: 3,
    };
    const input = { references, outputs, slice };
    const base = withoutTiming(await inProcess.scoreGenerations(input, options));
    for (const [runner, chunkRows] of [
      [one, undefined],
      [two, undefined],
      [two, 1],
      [two, 7],
      [inProcess, 1000],
    ] as const) {
      const report = await runner.scoreGenerations(input, { ...options, chunkRows });
      expect(withoutTiming(report)).toEqual(base);
    }
  });

  test('each fold and each slice equals scoring its rows alone', async () => {
    const report = await two.scoreGenerations(
      { references, outputs, slice },
      { metrics: ALL, cv: 'kfold:3', seed: 11 },
    );
    expect(report.folds).toHaveLength(3);
    expect(report.folds.reduce((sum, f) => sum + f.nTest, 0)).toBe(outputs.length);
    // folds given as ids: each must equal its rows scored alone
    const again = await two.scoreGenerations(
      { references, outputs },
      { metrics: ALL, foldIds: outputs.map((_, i) => i % 3) },
    );
    expect(again.settings.cv).toBe('foldIds');
    for (let f = 0; f < 3; f++) {
      const rows = outputs.map((_, i) => i).filter((i) => i % 3 === f);
      const alone = await two.scoreGenerations(
        { references: pick(references, rows), outputs: pick(outputs, rows) },
        { metrics: ALL },
      );
      for (const metric of ALL) {
        expect(again.folds[f]!.metrics[metric], `fold ${f} ${metric}`).toBe(
          alone.overall[metric]!.value,
        );
      }
      expect(again.folds[f]!.nTest).toBe(rows.length);
    }
    for (const metric of ALL) {
      const values = report.folds.map((f) => f.metrics[metric]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(report.summary[metric]!.mean).toBeCloseTo(mean, 12);
    }
    for (const value of ['corpus-0', 'corpus-1', 'corpus-2']) {
      const rows = slice.map((s, i) => (s === value ? i : -1)).filter((i) => i >= 0);
      const alone = await two.scoreGenerations(
        { references: pick(references, rows), outputs: pick(outputs, rows) },
        { metrics: ALL },
      );
      expect(report.slices![value]!.n).toBe(rows.length);
      for (const metric of ALL) {
        expect(report.slices![value]!.metrics[metric]!.value, `${value} ${metric}`).toBe(
          alone.overall[metric]!.value,
        );
      }
    }
  });

  test('stratified CV is refused: outputs have no classes', async () => {
    const error = await two
      .scoreGenerations({ references, outputs }, { cv: 'stratified:5' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_CV_SPEC' });
    expect(String((error as Error).message)).toContain('kfold:K');
  });

  test('bootstrap intervals hold the value and are fixed by the seed', async () => {
    const options: GenerationOptions = { metrics: ALL, bootstrap: 400, seed: 5, ci: 0.9 };
    const a = await two.scoreGenerations({ references, outputs, slice }, options);
    const b = await one.scoreGenerations({ references, outputs, slice }, options);
    const c = await two.scoreGenerations({ references, outputs, slice }, { ...options, seed: 6 });
    expect(a.settings.resampling).toBe('rows');
    for (const metric of ALL) {
      const { value, ci } = a.overall[metric]!;
      expect(ci, metric).toBeDefined();
      expect(ci![0]).toBeLessThanOrEqual(value!);
      expect(ci![1]).toBeGreaterThanOrEqual(value!);
      expect(ci![0]).toBeLessThan(ci![1]);
      expect(b.overall[metric]!.ci).toEqual(ci);
      expect(c.overall[metric]!.ci).not.toEqual(ci);
      expect(a.slices!['corpus-1']!.metrics[metric]!.ci).toBeDefined();
    }
  });

  test('clusters: items answered three times alike get the interval of the items answered once', async () => {
    const metrics = ['exact_match', 'bleu', 'chrf', 'ter', 'rougeL'];
    const once = await two.scoreGenerations(
      { references, outputs },
      { metrics, bootstrap: 200, seed: 9 },
    );
    const thrice = (values: readonly unknown[]) => values.flatMap((v) => [v, v, v]);
    const repeated = await two.scoreGenerations(
      { references: thrice(references), outputs: thrice(outputs) },
      {
        metrics,
        bootstrap: 200,
        seed: 9,
        clusterIds: outputs.flatMap((_, i) => [i, i, i]),
      },
    );
    expect(repeated.clusters).toBe(outputs.length);
    expect(repeated.settings.resampling).toBe('clusters');
    for (const metric of metrics) {
      const [lo, hi] = once.overall[metric]!.ci!;
      const [rlo, rhi] = repeated.overall[metric]!.ci!;
      expect(rlo, metric).toBeCloseTo(lo, 9);
      expect(rhi, metric).toBeCloseTo(hi, 9);
    }
  });
});
