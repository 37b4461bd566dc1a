/**
 * Encoded predictions of one classification task: `truth[i]` and `pred[i]` are
 * label indices in `[0, k)`; `pred[i] === k` marks an unparseable answer (never
 * equal to the truth, so it counts as wrong).
 */
export interface EncodedPredictions {
  /** number of task labels */
  k: number;
  /** index of the positive label (binary metrics, ROC) */
  positive: number;
  /** gold label index per row */
  truth: Int32Array;
  /** predicted label index per row, `k` = unparseable */
  pred: Int32Array;
  /** probability of the positive label per row, NaN where unknown */
  score: Float64Array;
}

/**
 * Confusion counts over an index subset: a `(k + 1) × (k + 1)` row-major matrix
 * (rows truth, columns prediction; the last column is "unparseable").
 *
 * @param p - encoded predictions
 * @param rows - row indices to count (may repeat, as in a bootstrap resample)
 * @returns the counts
 */
export function confusionOf(p: EncodedPredictions, rows: ArrayLike<number>): Float64Array {
  const w = p.k + 1;
  const m = new Float64Array(w * w);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    m[p.truth[r]! * w + p.pred[r]!]!++;
  }
  return m;
}

function safeDiv(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function rocAuc(p: EncodedPredictions, rows: ArrayLike<number>): number {
  const pairs: Array<[number, boolean]> = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const s = p.score[r]!;
    if (Number.isNaN(s)) return Number.NaN;
    pairs.push([s, p.truth[r] === p.positive]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (j < pairs.length && pairs[j]![0] === pairs[i]![0]) j++;
    const midRank = (i + j + 1) / 2;
    for (let t = i; t < j; t++) {
      if (pairs[t]![1]) {
        rankSumPos += midRank;
        nPos++;
      }
    }
    i = j;
  }
  const nNeg = pairs.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

function probabilistic(
  p: EncodedPredictions,
  rows: ArrayLike<number>,
  kind: 'log_loss' | 'brier_score',
): number {
  let sum = 0;
  const eps = 1e-15;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const s = p.score[r]!;
    if (Number.isNaN(s)) return Number.NaN;
    const y = p.truth[r] === p.positive ? 1 : 0;
    if (kind === 'brier_score') sum += (s - y) ** 2;
    else {
      const q = Math.min(1 - eps, Math.max(eps, s));
      sum -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
    }
  }
  return rows.length === 0 ? Number.NaN : sum / rows.length;
}

/**
 * Computes one classification metric (scikit-learn semantics, `labels=` the
 * task's labels, `zero_division=0`) over a subset of rows.
 *
 * @param name - metric name (`accuracy`, `f1_macro`, `roc_auc`, …)
 * @param p - encoded predictions
 * @param rows - row indices (may repeat)
 * @param confusion - precomputed {@link confusionOf} for the same rows (optional)
 * @returns the metric value; NaN when undefined (no rows, one class for ROC AUC,
 *   missing scores for probabilistic metrics)
 * @remarks Unparseable answers count as wrong: they sit in an extra prediction
 *   column that matches no truth, lowering recall of the true class without
 *   crediting any label's precision. Binary metrics (`f1`, `precision`,
 *   `recall`, `roc_auc`, `log_loss`, `brier_score`) use `positive`.
 * @example
 * classificationScore('accuracy', p, allRows);
 * @see sklearn.metrics.f1_score
 */
export function classificationScore(
  name: string,
  p: EncodedPredictions,
  rows: ArrayLike<number>,
  confusion: Float64Array = confusionOf(p, rows),
): number {
  const k = p.k;
  const w = k + 1;
  const n = rows.length;
  if (n === 0) return Number.NaN;
  if (name === 'roc_auc') return rocAuc(p, rows);
  if (name === 'log_loss' || name === 'brier_score') return probabilistic(p, rows, name);
  const tp = new Float64Array(k);
  const support = new Float64Array(k);
  const predicted = new Float64Array(k);
  let correct = 0;
  for (let t = 0; t < k; t++) {
    for (let c = 0; c < w; c++) {
      const v = confusion[t * w + c]!;
      support[t]! += v;
      if (c < k) predicted[c]! += v;
      if (t === c) tp[t] = v;
    }
    correct += tp[t]!;
  }
  const prec = (i: number): number => safeDiv(tp[i]!, predicted[i]!);
  const rec = (i: number): number => safeDiv(tp[i]!, support[i]!);
  const f1 = (i: number): number => safeDiv(2 * tp[i]!, predicted[i]! + support[i]!);
  const avg = (f: (i: number) => number, how: 'macro' | 'weighted'): number => {
    let s = 0;
    for (let i = 0; i < k; i++) s += how === 'macro' ? f(i) : f(i) * support[i]!;
    return how === 'macro' ? s / k : safeDiv(s, n);
  };
  let predictedTotal = 0;
  for (let i = 0; i < k; i++) predictedTotal += predicted[i]!;
  switch (name) {
    case 'accuracy':
      return correct / n;
    case 'balanced_accuracy': {
      let s = 0;
      let present = 0;
      for (let i = 0; i < k; i++) {
        if (support[i]! > 0) {
          s += rec(i);
          present++;
        }
      }
      return present === 0 ? Number.NaN : s / present;
    }
    case 'f1':
      return f1(p.positive);
    case 'precision':
      return prec(p.positive);
    case 'recall':
      return rec(p.positive);
    case 'f1_macro':
      return avg(f1, 'macro');
    case 'f1_weighted':
      return avg(f1, 'weighted');
    case 'precision_macro':
      return avg(prec, 'macro');
    case 'precision_weighted':
      return avg(prec, 'weighted');
    case 'recall_macro':
      return avg(rec, 'macro');
    case 'recall_weighted':
      return avg(rec, 'weighted');
    case 'f1_micro':
      return safeDiv(2 * correct, predictedTotal + n);
    case 'matthews_corrcoef':
    case 'cohen_kappa': {
      // Over the (k + 1)-class table so unparseable answers count against agreement.
      const rowSum = new Float64Array(w);
      const colSum = new Float64Array(w);
      for (let t = 0; t < w; t++) {
        for (let c = 0; c < w; c++) {
          rowSum[t]! += confusion[t * w + c]!;
          colSum[c]! += confusion[t * w + c]!;
        }
      }
      let dot = 0;
      let rr = 0;
      let cc = 0;
      for (let i = 0; i < w; i++) {
        dot += rowSum[i]! * colSum[i]!;
        rr += rowSum[i]! ** 2;
        cc += colSum[i]! ** 2;
      }
      if (name === 'cohen_kappa') {
        const po = correct / n;
        const pe = dot / (n * n);
        return pe === 1 ? Number.NaN : (po - pe) / (1 - pe);
      }
      const denom = Math.sqrt((n * n - rr) * (n * n - cc));
      return denom === 0 ? 0 : (correct * n - dot) / denom;
    }
    default:
      throw new RangeError(`classificationScore: unknown metric '${name}'.`);
  }
}
