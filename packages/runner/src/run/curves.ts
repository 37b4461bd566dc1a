/**
 * ROC curve points of binary scores (thresholds at every distinct score).
 *
 * @param positive - per row, whether the truth is the positive label
 * @param score - per row, the positive-class probability
 * @returns false/true positive rates from (0, 0) to (1, 1); empty when a class is missing
 * @see sklearn.metrics.roc_curve (with drop_intermediate=False)
 * @example
 * rocPoints([true, false], [0.9, 0.1]); // { fpr: [0, 0, 1], tpr: [0, 1, 1] }
 */
export function rocPoints(
  positive: readonly boolean[],
  score: readonly number[],
): { fpr: number[]; tpr: number[] } {
  const order = score.map((_s, i) => i).sort((a, b) => score[b]! - score[a]!);
  const nPos = positive.filter(Boolean).length;
  const nNeg = positive.length - nPos;
  if (nPos === 0 || nNeg === 0) return { fpr: [], tpr: [] };
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i]!;
    if (positive[r]) tp++;
    else fp++;
    const nextScore = i + 1 < order.length ? score[order[i + 1]!] : undefined;
    if (nextScore !== score[r]) {
      fpr.push(fp / nNeg);
      tpr.push(tp / nPos);
    }
  }
  return { fpr, tpr };
}

/**
 * Reliability (calibration) curve with uniform bins over [0, 1].
 *
 * @param positive - per row, whether the truth is the positive label
 * @param score - per row, the positive-class probability
 * @param bins - number of bins (default 10)
 * @returns per non-empty bin: mean predicted probability, observed positive fraction, count
 * @see sklearn.calibration.calibration_curve (strategy='uniform')
 * @example
 * calibrationPoints([true, false], [0.9, 0.1], 2);
 */
export function calibrationPoints(
  positive: readonly boolean[],
  score: readonly number[],
  bins = 10,
): { meanPredicted: number[]; fractionPositive: number[]; counts: number[] } {
  const sum = new Float64Array(bins);
  const pos = new Float64Array(bins);
  const cnt = new Float64Array(bins);
  score.forEach((s, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(s * bins)));
    sum[b]! += s;
    cnt[b]!++;
    if (positive[i]) pos[b]!++;
  });
  const out = {
    meanPredicted: [] as number[],
    fractionPositive: [] as number[],
    counts: [] as number[],
  };
  for (let b = 0; b < bins; b++) {
    if (cnt[b] === 0) continue;
    out.meanPredicted.push(sum[b]! / cnt[b]!);
    out.fractionPositive.push(pos[b]! / cnt[b]!);
    out.counts.push(cnt[b]!);
  }
  return out;
}
