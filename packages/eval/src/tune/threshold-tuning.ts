import { createRng } from '@assay/splitters';
import { loadComparedRun } from '../compare/load-compared-run.js';
import type { PredictionRow } from '../run/prediction-row.js';
import {
  binaryDecisionMetric,
  countDecisions,
  type ThresholdMetric,
} from './binary-decision-metrics.js';

/** How much a tuned decision threshold on the positive-class score gains over the model's own answers. */
export interface ThresholdTuning {
  readonly metric: ThresholdMetric;
  readonly positiveLabel: string;
  /** predict the positive label when the score is at least this */
  readonly threshold: number;
  readonly cvFolds: number;
  /** tuning items with a score (answered, scored) */
  readonly items: number;
  /** answered tuning items without a score (left out) */
  readonly unscored: number;
  /** the mean over the CV folds of the metric at each candidate threshold */
  readonly curve: { readonly thresholds: readonly number[]; readonly values: readonly number[] };
  /** mean over the CV folds: the model's own answers, and the tuned threshold (optimistic) */
  readonly tuning: { readonly defaultValue: number; readonly tunedValue: number };
  /** on the held-out test part: the honest gain (null under nested CV or without a test part) */
  readonly test: {
    readonly items: number;
    readonly defaultValue: number;
    readonly tunedValue: number;
    readonly gain: number;
  } | null;
}

interface Decisions {
  actual: number[];
  score: number[];
  own: number[];
  unscored: number;
}

function decisionsOf(rows: readonly PredictionRow[], positive: string): Decisions {
  const out: Decisions = { actual: [], score: [], own: [], unscored: 0 };
  for (const r of rows) {
    if (r.outcome === 'failed' || r.expected === null) continue;
    if (r.score === null || !Number.isFinite(r.score)) {
      out.unscored++;
      continue;
    }
    out.actual.push(r.expected === positive ? 1 : 0);
    out.score.push(r.score);
    out.own.push(r.parsed === positive ? 1 : 0);
  }
  return out;
}

/** Stratified folds: within each class a seeded shuffle, then positions dealt round-robin. */
function stratifiedFolds(actual: readonly number[], k: number, seed: number): number[] {
  const rng = createRng(seed >>> 0);
  const fold = new Array<number>(actual.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = actual.flatMap((a, i) => (a === cls ? [i] : []));
    for (let j = idx.length - 1; j > 0; j--) {
      const r = Math.floor(rng.nextFloat() * (j + 1));
      [idx[j], idx[r]] = [idx[r]!, idx[j]!];
    }
    idx.forEach((i, p) => {
      fold[i] = p % k;
    });
  }
  return fold;
}

function meanOverFolds(
  d: Decisions,
  folds: readonly number[],
  k: number,
  metric: ThresholdMetric,
  decide: (i: number) => number,
): number {
  let sum = 0;
  for (let f = 0; f < k; f++) {
    const at = folds.flatMap((g, i) => (g === f ? [i] : []));
    const c = countDecisions(
      at.map((i) => d.actual[i]!),
      at.map(decide),
    );
    sum += binaryDecisionMetric(metric, c);
  }
  return sum / k;
}

/**
 * Chooses the decision threshold on the positive-class score by cross-validation, as
 * scikit-learn's `TunedThresholdClassifierCV` does for a fixed model: 100 thresholds evenly
 * spaced between the lowest and highest score, the metric averaged over stratified folds, the
 * best mean wins. The gain is then measured on the held-out test part.
 *
 * @param tuningDir - the winner's run on the tuning items
 * @param testDir - the winner's run on the test part (null when there is none)
 * @param options - metric, positive label, folds (5), seed
 * @returns the threshold, the CV curve and the gains
 * @example
 * const { winner } = tuned;
 * const t = await tuneThreshold(winner.tuning.dir, winner.test?.dir ?? null, { metric: 'balanced_accuracy', positiveLabel: 'spam', folds: 5, seed: 0 });
 * t.metric; // 'balanced_accuracy'
 */
export async function tuneThreshold(
  tuningDir: string,
  testDir: string | null,
  options: { metric: ThresholdMetric; positiveLabel: string; folds: number; seed: number },
): Promise<ThresholdTuning> {
  const { metric, positiveLabel, seed } = options;
  const d = decisionsOf((await loadComparedRun(tuningDir)).rows, positiveLabel);
  const k = Math.max(2, Math.min(options.folds, d.actual.length));
  const folds = stratifiedFolds(d.actual, k, seed);
  const lo = Math.min(...d.score);
  const hi = Math.max(...d.score);
  const thresholds = Array.from({ length: 100 }, (_, i) =>
    hi > lo ? lo + ((hi - lo) * i) / 99 : lo,
  );
  const values = thresholds.map((t) =>
    meanOverFolds(d, folds, k, metric, (i) => (d.score[i]! >= t ? 1 : 0)),
  );
  const best = values.indexOf(Math.max(...values));
  const threshold = thresholds[best]!;
  const defaultValue = meanOverFolds(d, folds, k, metric, (i) => d.own[i]!);
  return {
    metric,
    positiveLabel,
    threshold,
    cvFolds: k,
    items: d.actual.length,
    unscored: d.unscored,
    curve: { thresholds, values },
    tuning: { defaultValue, tunedValue: values[best]! },
    test: testDir === null ? null : await testGain(testDir, metric, positiveLabel, threshold),
  };
}

async function testGain(
  dir: string,
  metric: ThresholdMetric,
  positive: string,
  threshold: number,
): Promise<ThresholdTuning['test']> {
  const d = decisionsOf((await loadComparedRun(dir)).rows, positive);
  const defaultValue = binaryDecisionMetric(metric, countDecisions(d.actual, d.own));
  const tunedValue = binaryDecisionMetric(
    metric,
    countDecisions(
      d.actual,
      d.score.map((s) => (s >= threshold ? 1 : 0)),
    ),
  );
  return { items: d.actual.length, defaultValue, tunedValue, gain: tunedValue - defaultValue };
}
