import type { PredictionRow } from '../run/prediction-row.js';
import { classificationScore, type EncodedPredictions } from './classification-scores.js';
import { regressionScore } from './regression-scores.js';

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
