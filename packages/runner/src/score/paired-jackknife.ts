import { computeMetricValues } from '../metrics/compute-metric-values.js';
import { isZeroWeightFailure } from '../metrics/zero-weight-failure.js';
import type { ScoreColumns } from './score-columns.js';

/**
 * Leave-one-out units beyond which the jackknife leaves out groups of items instead: cost
 * grows with units × rows, so this bounds it at about 1000 metric evaluations per side.
 */
export const MAX_JACKKNIFE_UNITS = 1000;

/** The note for leave-one-out samples that kept only rows of weight 0. */
const ZERO_WEIGHT_LEAVE_OUTS =
  'Leaving out one item (for the bca interval) left only rows of weight 0 now and then, where a metric has no value; such a metric keeps the percentile interval (its interval says so).';

/**
 * The leave-one-out values of B − A per metric: for each cluster (each row when the columns
 * have none), every metric on both sides with that cluster's rows left out; above
 * {@link MAX_JACKKNIFE_UNITS} clusters, for each of that many groups of clusters.
 *
 * @param colsA - side A's columns (with the clusters both sides share)
 * @param colsB - side B's columns, the same rows
 * @param names - registry names
 * @param warnings - receives each distinct metric failure (leave-outs of weight 0 as one note)
 * @returns one array per metric, one value per unit (NaN where a metric fails)
 * @remarks
 * These are the jackknife values θ̂₍ᵢ₎ of `@assay/stats`' `bcaInterval`, with the item (all
 * its predictions at once) as the unit, as the bootstrap draws items. The cost is one
 * metric evaluation of the remaining rows per unit and side, on the calling thread (about
 * 3 s for 2,796 items and 8 metrics). Above {@link MAX_JACKKNIFE_UNITS} items the units are
 * groups: cluster k joins group k mod 1000 (interleaved, so a group is no run of
 * neighbouring items), the delete-d (grouped) jackknife of Efron & Tibshirani (1993, §11.5),
 * whose acceleration estimate approaches the leave-one-out one as groups grow; the cost
 * then grows linearly with the items.
 * @example
 * const colsA = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] }).columns;
 * const colsB = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 1, 0] }).columns;
 * pairedJackknife(colsA, colsB, ['accuracy'], []); // [Float64Array [0.333…, 0.333…, 0, 0.333…]]: B − A without each row
 */
export function pairedJackknife(
  colsA: ScoreColumns,
  colsB: ScoreColumns,
  names: readonly string[],
  warnings: string[],
): Float64Array[] {
  const n = colsA.n;
  const codes = colsA.clusters?.codes;
  const clusters = colsA.clusters?.count ?? n;
  const count = Math.min(clusters, MAX_JACKKNIFE_UNITS);
  const m = names.length;
  const errors: string[] = [];
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) members[(codes === undefined ? i : codes[i]!) % count]!.push(i);
  const out = names.map(() => new Float64Array(count));
  const valuesA = new Float64Array(m);
  const valuesB = new Float64Array(m);
  const rows = new Uint32Array(n);
  for (let k = 0; k < count; k++) {
    const left = new Set(members[k]);
    let length = 0;
    for (let i = 0; i < n; i++) if (!left.has(i)) rows[length++] = i;
    const kept = rows.subarray(0, length);
    computeMetricValues(colsA, names, kept, valuesA, 0, errors);
    computeMetricValues(colsB, names, kept, valuesB, 0, errors);
    for (let j = 0; j < m; j++) out[j]![k] = valuesB[j]! - valuesA[j]!;
  }
  // an item left out, not the metric, leaves rows of weight 0 only: said once
  for (const e of errors) if (!isZeroWeightFailure(e) && !warnings.includes(e)) warnings.push(e);
  if (errors.some(isZeroWeightFailure)) warnings.push(ZERO_WEIGHT_LEAVE_OUTS);
  return out;
}
