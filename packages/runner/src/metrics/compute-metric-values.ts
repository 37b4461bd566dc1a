import type { ScoreColumns } from '../score/score-columns.js';
import type { RowMultiplicity } from './metric-spec.js';
import { METRIC_REGISTRY } from './registry.js';

/**
 * Evaluates metrics of the registry on a row selection (rows may repeat: a bootstrap
 * draw): rows metrics on the rows, confusion metrics on the counts of those rows, counted
 * once for all of them.
 *
 * @param columns - the job's columns
 * @param names - registry names
 * @param rows - the rows (may repeat), or null for every row
 * @param out - receives `names.length` values from `offset`; NaN where a metric fails
 * @param offset - where to write the first value
 * @param errors - receives each distinct failure message (`name: message`)
 * @param draw - `rows` as multiplicities (see `computeResampledValues`): rows metrics with
 *   a `computeResampled` form use it instead of the rows
 */
export function computeMetricValues(
  columns: ScoreColumns,
  names: readonly string[],
  rows: Uint32Array | null,
  out: Float64Array,
  offset: number,
  errors: string[],
  draw?: RowMultiplicity,
): void {
  let counts: Float64Array | undefined;
  const k = columns.classes.length;
  names.forEach((name, j) => {
    const spec = METRIC_REGISTRY.get(name)!;
    try {
      if (spec.kind === 'rows') {
        const resampled = draw === undefined ? undefined : spec.computeResampled?.(columns, draw);
        out[offset + j] = resampled ?? spec.compute(columns, rows);
        return;
      }
      if (counts === undefined) {
        counts = new Float64Array(k * k);
        const { yTrue, yPred, weight } = columns;
        const m = rows === null ? columns.n : rows.length;
        for (let i = 0; i < m; i++) {
          const r = rows === null ? i : rows[i]!;
          counts[yTrue[r]! * k + yPred[r]!]! += weight === null ? 1 : weight[r]!;
        }
      }
      out[offset + j] = spec.compute(counts, k, columns);
    } catch (error) {
      out[offset + j] = Number.NaN;
      const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
      if (!errors.includes(message)) errors.push(message);
    }
  });
}
