import { RunnerError } from '../errors.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { positiveCandidates, positiveClass } from './positive-class.js';

/*
 * The score inputs a metric reads: the binary score column and its positive-class
 * indicator, and per-class probability columns and indicators, each built once per task.
 */

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

/** One class against the rest, which every metric of one score column can score. */
const ONE_VS_REST =
  "one class against the rest: --y-score with that class's probability column and --pos-label naming the class";

/**
 * What to score instead of a metric of one score column on more than two classes: only what
 * this tool computes, and only a true analogue (a Brier score is no ROC AUC).
 *
 * @param metric - the binary metric asked for
 * @returns the advice, a sentence's end
 */
function multiclassAdvice(metric: string): string {
  switch (metric) {
    case 'roc_auc':
      return `use roc_auc_ovr or roc_auc_ovo with --y-proba (one column per class), or score ${ONE_VS_REST}.`;
    case 'brier_score':
      // scikit-learn's brier_score_loss is binary only; its multiclass analogue is log_loss
      return `brier_score is binary only, as scikit-learn's brier_score_loss: for every class at once use log_loss with --y-proba (one column per class), or score the Brier score of ${ONE_VS_REST}.`;
    case 'log_loss':
      return 'log_loss of several classes reads --y-proba (one column per class) instead of --y-score.';
    default:
      return `score ${ONE_VS_REST}.`;
  }
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
      `Metric ${metric} needs a binary target but the labels have ${columns.classes.length} classes; ${multiclassAdvice(metric)}`,
      { path: 'metrics' },
    );
  }
  checkScorePositive(columns, metric);
  // the positive class's column: posLabel's when given (it used to be the greater label's
  // whatever posLabel said, which turned roc_auc into 1 − roc_auc for posLabel 'fraud' of
  // fraud/legit), else the 1 of {0, 1} or {-1, 1}, the greater label
  const scores =
    columns.yScore ??
    (columns.yProba === null
      ? undefined
      : probaColumn(columns, columns.positive ?? columns.classes.length - 1));
  if (scores === undefined) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Metric ${metric} needs scores; pass --y-score (or --y-proba).`,
      { path: 'metrics' },
    );
  }
  return { isPositive: columns.isPositive, scores };
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
