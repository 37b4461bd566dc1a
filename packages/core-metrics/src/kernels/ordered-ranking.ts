import type { ScoreOrder } from './score-order.js';
import { registerScratch } from './scratch-pool.js';

/**
 * How many times each row counts, indexed by row. The narrowest type that holds the counts
 * is the fastest, as the ordered kernels read them at random: in a bootstrap resample of
 * n rows each row's count is about Poisson(1), so a `Uint8Array` holds them (4 times less
 * memory to miss in than 32-bit counts).
 */
export type RowCounts = Uint8Array | Uint16Array | Uint32Array;

// Cumulative weights of the non-empty tie groups, kept between calls like the sort buffers.
let groupTps = new Float64Array(0);
let groupFps = new Float64Array(0);
registerScratch(() => {
  groupTps = new Float64Array(0);
  groupFps = new Float64Array(0);
});

/**
 * Unchecked binary ROC AUC of rows that count `counts[r]` times each, walking an order
 * ranked once by {@link scoreOrderKernel}: a bootstrap resample costs one pass over the
 * ranked rows instead of a sort.
 *
 * @remarks
 * The labels and weights come in ranked order (position `p` describes row `order[p]`; see
 * {@link inScoreOrder}), so the walk reads them in sequence and only `counts` at random.
 * The row at position `p` weighs `counts[order[p]] · weight[p]` (or the count alone without
 * weights); rows outside the order, and rows of count 0, take no part. Each tie group adds one trapezoid,
 * `area += fp_g · (TP_before + tp_g / 2)`, and AUC = `area / (P · N)`: the arithmetic of
 * {@link rocAucBinaryKernel}, so unweighted results equal it exactly (integer sums) and
 * weighted ones to rounding (sums of equal weights in another order). Groups without
 * weight add nothing, as the rows scikit-learn drops add no threshold. One sequential
 * pass over the ranking with one random read (of `counts`) per ranked row, without
 * branches on the data.
 *
 * @param ranked - the rows ranked by score (every row with a non-zero count must be in it)
 * @param positive - 1 where the row at that position is of the positive class, else 0
 * @param weight - the rows' weights in ranked order, or null for unit weights
 * @param counts - how many times each row counts, indexed by row
 * @returns the area under the ROC curve, or NaN without positive or negative weight
 * @example
 * ```ts
 * import { inScoreOrder, rocAucOrderedKernel, scoreOrderKernel } from '@assay/core-metrics';
 * const ranked = scoreOrderKernel(new Float64Array([0.1, 0.4, 0.35, 0.8]), null);
 * const positive = inScoreOrder(ranked, new Uint8Array([0, 0, 1, 1]));
 * rocAucOrderedKernel(ranked, positive, null, new Uint8Array([1, 1, 1, 1])); // 0.75
 * rocAucOrderedKernel(ranked, positive, null, new Uint8Array([2, 0, 1, 1])); // 1
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_auc_score.html
 */
export function rocAucOrderedKernel(
  ranked: ScoreOrder,
  positive: Uint8Array,
  weight: Float64Array | null,
  counts: RowCounts,
): number {
  const { order, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let gtp = 0;
  let gfp = 0;
  let area = 0;
  for (let p = 0; p < order.length; p++) {
    // branch-free: about a third of the rows are not drawn and the labels are mixed, so
    // branches on either would mispredict often; adding exact zeros changes no sum
    const c = counts[order[p]!]!;
    const w = weight === null ? c : c * weight[p]!;
    const wp = w * positive[p]!;
    gtp += wp;
    gfp += w - wp;
    if (groupEnd[p] === 1) {
      // a group without weight adds 0 to the area, as scikit-learn adds no threshold for it
      area += gfp * (tp + gtp / 2);
      tp += gtp;
      fp += gfp;
      gtp = 0;
      gfp = 0;
    }
  }
  if (tp <= 0 || fp <= 0) return Number.NaN;
  return area / (tp * fp);
}

/**
 * Unchecked binary average precision of rows that count `counts[r]` times each, walking
 * an order ranked once by {@link scoreOrderKernel}.
 *
 * @remarks
 * `AP = Σ_n (R_n − R_{n−1}) · P_n` over the tie groups that carry weight, from the highest
 * score down, with the arithmetic of {@link averagePrecisionKernel} (exactly equal
 * unweighted; weighted, to rounding). 0 without positive weight, as scikit-learn. Labels
 * and weights in ranked order, as for {@link rocAucOrderedKernel}.
 *
 * @param ranked - the rows ranked by score (every row with a non-zero count must be in it)
 * @param positive - 1 where the row at that position is of the positive class, else 0
 * @param weight - the rows' weights in ranked order, or null for unit weights
 * @param counts - how many times each row counts, indexed by row
 * @returns the average precision
 * @example
 * ```ts
 * import { averagePrecisionOrderedKernel, inScoreOrder, scoreOrderKernel } from '@assay/core-metrics';
 * const ranked = scoreOrderKernel(new Float64Array([0.1, 0.4, 0.35, 0.8]), null);
 * const positive = inScoreOrder(ranked, new Uint8Array([0, 0, 1, 1]));
 * averagePrecisionOrderedKernel(ranked, positive, null, new Uint8Array([1, 1, 1, 1])); // 0.8333…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.average_precision_score.html
 */
export function averagePrecisionOrderedKernel(
  ranked: ScoreOrder,
  positive: Uint8Array,
  weight: Float64Array | null,
  counts: RowCounts,
): number {
  const { order, groupEnd } = ranked;
  if (groupTps.length < order.length) {
    groupTps = new Float64Array(order.length);
    groupFps = new Float64Array(order.length);
  }
  let tp = 0;
  let fp = 0;
  let gtp = 0;
  let gfp = 0;
  let g = 0;
  for (let p = 0; p < order.length; p++) {
    const c = counts[order[p]!]!;
    const w = weight === null ? c : c * weight[p]!;
    const wp = w * positive[p]!;
    gtp += wp;
    gfp += w - wp;
    if (groupEnd[p] === 1) {
      tp += gtp;
      fp += gfp;
      groupTps[g] = tp;
      groupFps[g] = fp;
      // a group without weight is no threshold: the next group overwrites its slot
      g += gtp + gfp === 0 ? 0 : 1;
      gtp = 0;
      gfp = 0;
    }
  }
  if (tp <= 0) return 0;
  let prevRecall = 0;
  let ap = 0;
  for (let j = 0; j < g; j++) {
    const t = groupTps[j]!;
    const recall = t / tp;
    ap += (recall - prevRecall) * (t / (t + groupFps[j]!));
    prevRecall = recall;
  }
  return ap;
}
