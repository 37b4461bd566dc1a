import { averagePrecisionKernel, rocAucBinaryKernel } from '@assay/core-metrics';
import { RunnerError } from '../errors.js';
import type { ScoreColumns } from '../score/score-columns.js';
import type { RowsMetric } from './metric-spec.js';
import { positiveCandidates, positiveClass } from './positive-class.js';
import { filterRows } from './row-selection.js';

const positiveCache = new WeakMap<Int32Array, Map<number, Uint8Array>>();
const probaCache = new WeakMap<Float64Array, Map<number, Float64Array>>();

/**
 * Column `c` of the row-major probability matrix, extracted once per worker.
 *
 * @param columns - the job's columns (with `yProba`)
 * @param c - class index
 * @returns the probabilities of class `c` for every row
 */
export function probaColumn(columns: ScoreColumns, c: number): Float64Array {
  const proba = columns.yProba!;
  let byClass = probaCache.get(proba);
  if (byClass === undefined) {
    byClass = new Map();
    probaCache.set(proba, byClass);
  }
  let out = byClass.get(c);
  if (out === undefined) {
    const k = columns.classes.length;
    out = new Float64Array(columns.n);
    for (let i = 0; i < columns.n; i++) out[i] = proba[i * k + c]!;
    byClass.set(c, out);
  }
  return out;
}

/**
 * A 0/1 indicator of `yTrue == code`, computed once per column and class.
 *
 * @param yTrue - true class codes
 * @param code - the class treated as positive
 * @returns the indicator over every row
 */
export function classIndicator(yTrue: Int32Array, code: number): Uint8Array {
  let byClass = positiveCache.get(yTrue);
  if (byClass === undefined) {
    byClass = new Map();
    positiveCache.set(yTrue, byClass);
  }
  let out = byClass.get(code);
  if (out === undefined) {
    out = new Uint8Array(yTrue.length);
    for (let i = 0; i < yTrue.length; i++) out[i] = yTrue[i] === code ? 1 : 0;
    byClass.set(code, out);
  }
  return out;
}

/**
 * Refuses to score against a guessed positive class: the true classes must be {0, 1} or
 * {-1, 1} unless `posLabel` named the positive one (see `positiveClass`).
 */
function checkScorePositive(columns: ScoreColumns, metric: string): void {
  const candidates = positiveCandidates(columns);
  if (candidates?.length === 2) positiveClass(columns, metric, candidates);
}

/**
 * The binary score column and positive indicator of a job: `yScore`, or the
 * positive class's probability column when only `yProba` with two classes was given.
 *
 * @param columns - the job's columns
 * @param metric - the metric asking, for the error
 * @returns indicator and scores
 * @throws {@link RunnerError} `INVALID_OPTION` for more than two classes
 */
export function binaryScores(
  columns: ScoreColumns,
  metric: string,
): { isPositive: Uint8Array; scores: Float64Array } {
  // with the labels option a binary y_true may meet a third, predicted-only label
  // (isPositive is then set from y_true alone, as roc_auc_score reads only y_true)
  if (columns.isPositive === null || (columns.classes.length > 2 && columns.yScore === null)) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Metric ${metric} needs a binary target but the labels have ${columns.classes.length} classes; use roc_auc_ovr or roc_auc_ovo with --y-proba for multiclass problems.`,
      { path: 'metrics' },
    );
  }
  checkScorePositive(columns, metric);
  const scores =
    columns.yScore ??
    (columns.yProba === null ? undefined : probaColumn(columns, columns.classes.length - 1));
  if (scores === undefined) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Metric ${metric} needs scores; pass --y-score (or --y-proba).`,
      { path: 'metrics' },
    );
  }
  return { isPositive: columns.isPositive, scores };
}

function mean(values: number[], weights: number[] | null): number {
  let s = 0;
  let w = 0;
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const wi = weights === null ? 1 : weights[i]!;
    s += v * wi;
    w += wi;
  });
  return w === 0 ? Number.NaN : s / w;
}

function classWeights(columns: ScoreColumns, rows: Uint32Array | null): number[] {
  const k = columns.classes.length;
  const support = new Array<number>(k).fill(0);
  const n = rows === null ? columns.n : rows.length;
  for (let i = 0; i < n; i++) {
    const r = rows === null ? i : rows[i]!;
    support[columns.yTrue[r]!]! += columns.weight === null ? 1 : columns.weight[r]!;
  }
  return support;
}

function ovr(columns: ScoreColumns, rows: Uint32Array | null, weighted: boolean): number {
  const aucs = columns.classes.map((_, c) =>
    rocAucBinaryKernel(
      classIndicator(columns.yTrue, c),
      probaColumn(columns, c),
      columns.weight,
      rows,
    ),
  );
  return mean(aucs, weighted ? classWeights(columns, rows) : null);
}

function ovo(columns: ScoreColumns, rows: Uint32Array | null, weighted: boolean): number {
  const k = columns.classes.length;
  const support = classWeights(columns, rows);
  const scores: number[] = [];
  const weights: number[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      if (support[a] === 0 || support[b] === 0) continue;
      const pair = filterRows(columns.yTrue, rows, (code) => code === a || code === b);
      const ab = rocAucBinaryKernel(
        classIndicator(columns.yTrue, a),
        probaColumn(columns, a),
        null,
        pair,
      );
      const ba = rocAucBinaryKernel(
        classIndicator(columns.yTrue, b),
        probaColumn(columns, b),
        null,
        pair,
      );
      scores.push((ab + ba) / 2);
      weights.push(support[a]! + support[b]!);
    }
  }
  return mean(scores, weighted ? weights : null);
}

/**
 * Checks that a job has class probabilities.
 *
 * @param columns - the job's columns
 * @param metric - the metric asking, for the error
 * @throws {@link RunnerError} `INVALID_OPTION` without `yProba`
 */
export function needsProba(columns: ScoreColumns, metric: string): void {
  if (columns.yProba === null) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Metric ${metric} needs class probabilities; pass --y-proba with one column per class.`,
      { path: 'metrics' },
    );
  }
}

function scoreMetric(
  name: string,
  needs: 'scores' | 'proba',
  greaterIsBetter: boolean,
  compute: (columns: ScoreColumns, rows: Uint32Array | null) => number,
): RowsMetric {
  return { name, task: 'classification', needs, kind: 'rows', greaterIsBetter, compute };
}

/** Ranking metrics over scores or probabilities, by scikit-learn scorer name. */
export const RANKING_METRICS: readonly RowsMetric[] = [
  scoreMetric('roc_auc', 'scores', true, (columns, rows) => {
    const { isPositive, scores } = binaryScores(columns, 'roc_auc');
    return rocAucBinaryKernel(isPositive, scores, columns.weight, rows);
  }),
  scoreMetric('average_precision', 'scores', true, (columns, rows) => {
    const { isPositive, scores } = binaryScores(columns, 'average_precision');
    return averagePrecisionKernel(isPositive, scores, columns.weight, rows);
  }),
  scoreMetric('roc_auc_ovr', 'proba', true, (columns, rows) => {
    needsProba(columns, 'roc_auc_ovr');
    return ovr(columns, rows, false);
  }),
  scoreMetric('roc_auc_ovr_weighted', 'proba', true, (columns, rows) => {
    needsProba(columns, 'roc_auc_ovr_weighted');
    return ovr(columns, rows, true);
  }),
  scoreMetric('roc_auc_ovo', 'proba', true, (columns, rows) => {
    needsProba(columns, 'roc_auc_ovo');
    return ovo(columns, rows, false);
  }),
  scoreMetric('roc_auc_ovo_weighted', 'proba', true, (columns, rows) => {
    needsProba(columns, 'roc_auc_ovo_weighted');
    return ovo(columns, rows, true);
  }),
];
