import { meanStd, percentileSorted } from '../stats/percentiles.js';
import {
  classificationScore,
  confusionOf,
  type EncodedPredictions,
} from './classification-scores.js';
import { finiteOrNull, type PredictionRow } from './prediction-row.js';
import { regressionScore } from './regression-scores.js';
import type { MetricSummary } from './results-schema.js';

/** Task information the scorer needs. */
export interface ScoringTask {
  /** task type */
  type: 'classification' | 'regression' | 'generation';
  /** labels (classification) */
  labels: readonly string[];
  /** positive label (binary metrics) */
  positive: string;
}

/** A model's scored rows in a form the metric functions take. */
export interface ScoredSet {
  /** the scored rows (failed requests excluded) */
  rows: PredictionRow[];
  /** fold of each scored row */
  folds: Int32Array;
  /** metric over an index subset of `rows` */
  metric: (name: string, idx: ArrayLike<number>) => number;
  /** classification encoding, when classification */
  encoded: EncodedPredictions | null;
}

/**
 * Prepares a model's prediction rows for scoring: drops failed requests,
 * encodes labels (unparseable → extra class) or numbers.
 *
 * @param rows - the model's prediction rows
 * @param task - task information
 * @returns the scored set
 * @example
 * const set = scoredSet(rows, { type: 'classification', labels: ['ham', 'spam'], positive: 'spam' });
 */
export function scoredSet(rows: readonly PredictionRow[], task: ScoringTask): ScoredSet {
  const kept = rows.filter((r) => r.outcome !== 'failed' && r.expected !== null);
  const folds = Int32Array.from(kept, (r) => r.fold);
  if (task.type === 'classification') {
    const k = task.labels.length;
    const index = new Map(task.labels.map((l, i) => [l, i]));
    const encoded: EncodedPredictions = {
      k,
      positive: Math.max(0, task.labels.indexOf(task.positive)),
      truth: Int32Array.from(kept, (r) => index.get(r.expected!) ?? k),
      pred: Int32Array.from(kept, (r) => (r.parsed === null ? k : (index.get(r.parsed) ?? k))),
      score: Float64Array.from(kept, (r) => r.score ?? Number.NaN),
    };
    return {
      rows: kept,
      folds,
      encoded,
      metric: (name, idx) => classificationScore(name, encoded, idx),
    };
  }
  if (task.type === 'regression') {
    const numeric = kept.filter((r) => r.parsed !== null);
    const yTrue = Float64Array.from(numeric, (r) => Number(r.expected));
    const yPred = Float64Array.from(numeric, (r) => Number(r.parsed));
    return {
      rows: numeric,
      folds: Int32Array.from(numeric, (r) => r.fold),
      encoded: null,
      metric: (name, idx) => regressionScore(name, yTrue, yPred, idx),
    };
  }
  return { rows: kept, folds, encoded: null, metric: () => Number.NaN };
}

/**
 * Scores a model: every metric pooled, per fold (mean and std) and with a
 * bootstrap percentile CI over the pooled rows.
 *
 * @param set - the scored set
 * @param metrics - metric names
 * @param options - fold count, bootstrap resamples, CI level, uniform generator
 * @returns metric summaries by name
 * @example
 * scoreModel(set, ['accuracy'], { folds: 5, bootstrap: 1000, ci: 0.95, rng });
 */
export function scoreModel(
  set: ScoredSet,
  metrics: readonly string[],
  options: { folds: number; bootstrap: number; ci: number; rng: () => number },
): Record<string, MetricSummary> {
  const n = set.rows.length;
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const byFold: number[][] = Array.from({ length: options.folds }, () => []);
  set.folds.forEach((f, i) => {
    byFold[f]?.push(i);
  });
  const boot: number[][] = metrics.map(() => []);
  if (n > 0 && options.bootstrap > 0) {
    const idx = new Uint32Array(n);
    const cheap = set.encoded;
    for (let s = 0; s < options.bootstrap; s++) {
      for (let i = 0; i < n; i++) idx[i] = Math.floor(options.rng() * n);
      // One confusion matrix per resample serves every confusion-based metric.
      const confusion = cheap ? confusionOf(cheap, idx) : undefined;
      metrics.forEach((m, j) => {
        const v =
          cheap && confusion && m !== 'roc_auc' && m !== 'log_loss' && m !== 'brier_score'
            ? classificationScore(m, cheap, idx, confusion)
            : set.metric(m, idx);
        if (!Number.isNaN(v)) boot[j]!.push(v);
      });
    }
  }
  const alpha = (1 - options.ci) / 2;
  const out: Record<string, MetricSummary> = {};
  metrics.forEach((m, j) => {
    const folds = byFold.map((rows) => (rows.length === 0 ? Number.NaN : set.metric(m, rows)));
    const { mean, std } = meanStd(folds);
    const sorted = Float64Array.from(boot[j]!).sort();
    out[m] = {
      value: finiteOrNull(set.metric(m, all)),
      mean: finiteOrNull(mean),
      std: finiteOrNull(std),
      folds: folds.map(finiteOrNull),
      ciLow: finiteOrNull(percentileSorted(sorted, alpha * 100)),
      ciHigh: finiteOrNull(percentileSorted(sorted, (1 - alpha) * 100)),
    };
  });
  return out;
}
