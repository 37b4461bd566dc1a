/**
 * Reliability (calibration) curve with uniform bins over [0, 1].
 *
 * @param positive - per row, whether the truth is the positive label
 * @param score - per row, the positive-class probability
 * @param bins - number of bins (default 10)
 * @returns per non-empty bin: mean predicted probability, observed positive fraction, count
 * @see sklearn.calibration.calibration_curve (strategy='uniform')
 * @example
 * calibrationPoints([true, false], [0.9, 0.1], 2); // { meanPredicted: [0.1, 0.9], fractionPositive: [0, 1], counts: [1, 1] }
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
