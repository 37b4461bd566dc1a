import type { Label } from '@assay/core-metrics';
import { namedInWords } from './quoted-labels.js';
import type { ScoreColumns } from './score-columns.js';
import { selectionWeights } from './selection-weights.js';

/** Why a slice's metrics have no value, as far as the columns tell. */
type Reason = 'zero-weight' | 'few-rows' | 'one-class' | 'rows';

/**
 * Per slice: rows and whether y_true holds two classes or more there, counting only rows of
 * positive weight where rows are weighted (a row of weight 0 counts nowhere).
 */
function sliceShapes(columns: ScoreColumns): { rows: Int32Array; twoClasses: Uint8Array } {
  const count = columns.sliceValues.length;
  const rows = new Int32Array(count);
  const first = new Int32Array(count).fill(-1);
  const twoClasses = new Uint8Array(count);
  const slice = columns.slice!;
  const classification = columns.task === 'classification';
  const { weight } = columns;
  for (let i = 0; i < columns.n; i++) {
    if (weight !== null && weight[i] === 0) continue;
    const s = slice[i]!;
    rows[s]!++;
    if (!classification || twoClasses[s] === 1) continue;
    const c = columns.yTrue[i]!;
    if (first[s]! < 0) first[s] = c;
    else if (c !== first[s]) twoClasses[s] = 1;
  }
  return { rows, twoClasses };
}

function listed(names: readonly string[]): string {
  return names.join(', ');
}

/** The warning of one group of slices that share a reason and the metrics it leaves null. */
function groupWarning(reason: Reason, missing: string[], slices: Label[]): string {
  const on = namedInWords('slice', slices);
  const verb = missing.length === 1 ? 'is' : 'are';
  if (reason === 'zero-weight') {
    const its = slices.length === 1 ? 'its' : 'their';
    return `Every weight on ${on} is 0, so no row counts there: ${its} metrics have no value (null).`;
  }
  const head = `${listed(missing)} ${verb} undefined (null) on ${on}`;
  if (reason === 'few-rows') return `${head}: fewer than 2 rows are too few for such a metric.`;
  if (reason === 'one-class') {
    return `${head}: y_true holds one class only there, where a ranking or correlation metric has no value (scikit-learn warns or raises here).`;
  }
  return `${head}: its rows leave the metric no value.`;
}

/**
 * The warnings for metrics with no value (null in the report) on a slice, with the reason the
 * columns tell: every weight of the slice 0 (no row counts; each of its values is blanked, see
 * `blankZeroWeightSelections`), fewer than 2 rows, one class in y_true. Slices that share a
 * reason and the same metrics share one warning.
 *
 * @remarks
 * Why: a bare null in a slice's row read as a missing feature, and a metric that failed on a
 * slice was reported by the library's words alone (`mae: options.sampleWeight sums to 0 over
 * 100 rows`), which named neither the slice nor anything a user set.
 *
 * @param names - the job's metric names
 * @param slices - each slice's values (NaN where undefined), in slice-code order
 * @param columns - the scored columns
 * @returns the warnings, none when every slice's values are defined
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], weight: [1, 1, 0, 0], slice: ['a', 'a', 'b', 'b'] });
 * undefinedSliceWarnings(['accuracy'], [Float64Array.of(1), Float64Array.of(Number.NaN)], columns);
 * // ['Every weight on slice "b" is 0, so no row counts there: its metrics have no value (null).']
 * ```
 */
export function undefinedSliceWarnings(
  names: readonly string[],
  slices: readonly Float64Array[],
  columns: ScoreColumns,
): string[] {
  const totals = selectionWeights(columns)?.total;
  // a whole set of weight 0 is named once, by `undefinedMetricsWarning`
  if (totals?.[0] === 0) return [];
  const zero = (s: number) => totals?.[s + 1] === 0;
  const flagged = slices.flatMap((values, s) =>
    values.some((v) => !Number.isFinite(v)) ? [s] : [],
  );
  if (flagged.length === 0 || columns.slice === null) return [];
  const shapes = sliceShapes(columns);
  const groups = new Map<string, { reason: Reason; missing: string[]; slices: Label[] }>();
  for (const s of flagged) {
    const values = slices[s]!;
    const missing = names.filter((_, j) => !Number.isFinite(values[j]!));
    const reason: Reason = zero(s)
      ? 'zero-weight'
      : shapes.rows[s]! < 2
        ? 'few-rows'
        : columns.task === 'classification' && shapes.twoClasses[s] === 0
          ? 'one-class'
          : 'rows';
    const key = `${reason}\u0000${missing.join(',')}`;
    const group = groups.get(key) ?? { reason, missing, slices: [] };
    group.slices.push(columns.sliceValues[s]!);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => groupWarning(g.reason, g.missing, g.slices));
}
