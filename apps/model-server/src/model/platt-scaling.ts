/** A fitted sigmoid `P(spam) = 1 / (1 + exp(-(slope * z + intercept)))`. */
export interface PlattScaling {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Fits Platt's sigmoid to scores by Newton's method on the log-loss.
 *
 * @remarks
 * Uses Platt's smoothed targets `(n+ + 1)/(n+ + 2)` and `1/(n- + 2)` so separable data still gives
 * a finite slope (Platt 1999; Lin, Lin & Weng 2007). Step-halving keeps every step descending.
 *
 * @param scores - raw decision scores
 * @param positive - `true` where the example is positive (spam)
 * @returns slope and intercept; identity `(1, 0)` when fitting fails
 * @example
 * ```ts
 * import { fitPlattScaling } from '@assay/model-server';
 * fitPlattScaling([-2, -1, 1, 2], [false, false, true, true]); // { slope: 0.674…, intercept: ~0 }
 * ```
 * @see sklearn.calibration._sigmoid_calibration
 */
export function fitPlattScaling(
  scores: readonly number[],
  positive: readonly boolean[],
): PlattScaling {
  let nPos = 0;
  for (const p of positive) if (p) nPos++;
  const nNeg = positive.length - nPos;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  const t = positive.map((p) => (p ? hi : lo));
  const loss = (a: number, b: number): number => {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) {
      const f = a * scores[i]! + b;
      // log(1 + e^f) - t f, computed without overflow
      sum += Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - t[i]! * f;
    }
    return sum;
  };
  let a = 0;
  let b = Math.log((nPos + 1) / (nNeg + 1));
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-12;
    let hAB = 0;
    let hBB = 1e-12;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const d = p - t[i]!;
      const w = p * (1 - p);
      gA += d * s;
      gB += d;
      hAA += w * s * s;
      hAB += w * s;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (!(Math.abs(det) > 0)) break;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    let step = 1;
    let next = loss(a - dA, b - dB);
    while (next > current && step > 1e-8) {
      step /= 2;
      next = loss(a - step * dA, b - step * dB);
    }
    if (next > current) break;
    a -= step * dA;
    b -= step * dB;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-10 * (1 + Math.abs(current))) break;
  }
  return Number.isFinite(a) && Number.isFinite(b) && a > 0
    ? { slope: a, intercept: b }
    : { slope: 1, intercept: 0 };
}
