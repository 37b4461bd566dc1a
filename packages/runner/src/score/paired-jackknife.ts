import { computeMetricValues } from '../metrics/compute-metric-values.js';
import type { ScoreColumns } from './score-columns.js';

/**
 * The leave-one-out values of B − A per metric: for each cluster (each row when the columns
 * have none), every metric on both sides with that cluster's rows left out.
 *
 * @param colsA - side A's columns (with the clusters both sides share)
 * @param colsB - side B's columns, the same rows
 * @param names - registry names
 * @param warnings - receives each distinct metric failure
 * @returns one array per metric, one value per cluster (NaN where a metric fails)
 * @remarks
 * These are the jackknife values θ̂₍ᵢ₎ of `@assay/stats`' `bcaInterval`, with the item (all
 * its predictions at once) as the unit, as the bootstrap draws items. The cost is one
 * metric evaluation of n − |cluster| rows per cluster and side, O(n²) in all: a second for
 * about ten thousand items and a handful of metrics, run on the calling thread.
 * @example
 * const jackknife = pairedJackknife(colsA, colsB, ['accuracy'], []);
 */
export function pairedJackknife(
  colsA: ScoreColumns,
  colsB: ScoreColumns,
  names: readonly string[],
  warnings: string[],
): Float64Array[] {
  const n = colsA.n;
  const codes = colsA.clusters?.codes;
  const count = colsA.clusters?.count ?? n;
  const m = names.length;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) members[codes === undefined ? i : codes[i]!]!.push(i);
  const out = names.map(() => new Float64Array(count));
  const valuesA = new Float64Array(m);
  const valuesB = new Float64Array(m);
  const rows = new Uint32Array(n);
  for (let k = 0; k < count; k++) {
    const left = new Set(members[k]);
    let length = 0;
    for (let i = 0; i < n; i++) if (!left.has(i)) rows[length++] = i;
    const kept = rows.subarray(0, length);
    computeMetricValues(colsA, names, kept, valuesA, 0, warnings);
    computeMetricValues(colsB, names, kept, valuesB, 0, warnings);
    for (let j = 0; j < m; j++) out[j]![k] = valuesB[j]! - valuesA[j]!;
  }
  return out;
}
