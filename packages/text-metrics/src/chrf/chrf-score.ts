import { STATISTICS_HEADER } from '../sacrebleu/segment-statistics.js';
import type { ResolvedChrfOptions } from './chrf-options.js';

/**
 * sacrebleu's `CHRF._compute_f_score` (0-100) over statistics: by default the F-beta of the
 * precision and recall averaged over the orders where both sides have n-grams (effective order);
 * with `epsSmoothing`, the mean of the per-order F-betas with ε = 1e-16 for empty sides.
 * The arithmetic follows sacrebleu's order of operations, so the best-reference choice ties alike.
 *
 * @remarks F-beta = (1 + β²)·P·R / (β²·P + R) (Popović 2015, chrF).
 * @example
 * // 'ab' against 'abc', orders 1-2: P = (2/2 + 1/1) / 2 = 1, R = (2/3 + 1/2) / 2
 * const options = resolveChrfOptions({ charOrder: 2 });
 * chrfFScore(chrfSegmentStatistics('ab', ['abc'], options), options); // 63.63636363636…
 */
export function chrfFScore(statistics: Float64Array, options: ResolvedChrfOptions): number {
  const eps = 1e-16;
  const order = options.charOrder + options.wordOrder;
  const factor = options.beta ** 2;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < order; i++) {
    const at = STATISTICS_HEADER + 3 * i;
    const nHyp = statistics[at]!;
    const nRef = statistics[at + 1]!;
    const nMatch = statistics[at + 2]!;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder += 1;
    }
  }
  if (options.epsSmoothing) return (100 * score) / order;
  if (effectiveOrder === 0) {
    avgPrec = 0;
    avgRec = 0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec === 0) return 0;
  let f = (1 + factor) * avgPrec * avgRec;
  f /= factor * avgPrec + avgRec;
  return 100 * f;
}
