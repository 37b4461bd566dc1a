import type { LabelTallies, RegressionAccumulator } from '@assay/core-metrics';
import { RunnerError } from '../errors.js';
import type { ScoreColumns } from '../score/score-columns.js';
import { CONFUSION_MATRIX_CLASS_LIMIT, countsByTallies } from './confusion-limits.js';
import { replicateValue } from './confusion-metrics.js';
import type { ConfusionMetric, MetricSpec, RowMultiplicity, RowsMetric } from './metric-spec.js';
import { METRIC_REGISTRY } from './registry.js';
import { selectionMoments } from './regression-metrics.js';
import { zeroWeightFailure } from './zero-weight-failure.js';

/**
 * The K×K confusion counts of a row selection.
 *
 * @param columns - the job's columns
 * @param rows - the rows (may repeat), or null for every row
 * @returns row-major counts (row = true class)
 */
function selectionCounts(columns: ScoreColumns, rows: Uint32Array | null): Float64Array {
  const k = columns.classes.length;
  const counts = new Float64Array(k * k);
  const { yTrue, yPred, weight } = columns;
  const m = rows === null ? columns.n : rows.length;
  for (let i = 0; i < m; i++) {
    const r = rows === null ? i : rows[i]!;
    counts[yTrue[r]! * k + yPred[r]!]! += weight === null ? 1 : weight[r]!;
  }
  return counts;
}

/**
 * The per-class tallies of a row selection: 3·K numbers, however many classes.
 *
 * @param columns - the job's columns
 * @param rows - the rows (may repeat), or null for every row
 * @returns tp, predicted and actual count (or weight sum) of every class
 */
export function selectionTallies(columns: ScoreColumns, rows: Uint32Array | null): LabelTallies {
  const k = columns.classes.length;
  const tp = new Float64Array(k);
  const predicted = new Float64Array(k);
  const actual = new Float64Array(k);
  const { yTrue, yPred, weight } = columns;
  const m = rows === null ? columns.n : rows.length;
  for (let i = 0; i < m; i++) {
    const r = rows === null ? i : rows[i]!;
    const w = weight === null ? 1 : weight[r]!;
    const t = yTrue[r]!;
    const p = yPred[r]!;
    actual[t]! += w;
    predicted[p]! += w;
    if (t === p) tp[t]! += w;
  }
  return { tp, predicted, actual };
}

/**
 * A confusion metric's value from per-class tallies.
 *
 * @param spec - the metric
 * @param tallies - the selection's tallies
 * @param columns - the job's columns
 * @returns the value
 * @throws {@link RunnerError} `INVALID_OPTION` for a metric that needs single cells of the
 *   matrix (no `computeTallies`)
 */
export function tallyValue(
  spec: ConfusionMetric,
  tallies: LabelTallies,
  columns: ScoreColumns,
): number {
  if (spec.computeTallies === undefined) {
    throw new RunnerError(
      'INVALID_OPTION',
      `${spec.name} needs single cells of the confusion matrix, which is not built above ${CONFUSION_MATRIX_CLASS_LIMIT} classes; it is left out for these ${columns.classes.length} classes.`,
      { path: 'metrics' },
    );
  }
  return spec.computeTallies(tallies, columns);
}

/**
 * A confusion metric as a metric of rows: it counts the rows it is given (per-class
 * tallies above the class limit) and computes itself from those. A rows metric is
 * returned as it is.
 *
 * @param spec - any metric
 * @returns a metric computed from rows, with the same name and value
 */
export function confusionOnRows(spec: MetricSpec): RowsMetric {
  if (spec.kind === 'rows') return spec;
  return {
    name: spec.name,
    task: spec.task,
    needs: spec.needs,
    kind: 'rows',
    greaterIsBetter: spec.greaterIsBetter,
    compute(columns, rows) {
      return countsByTallies(columns)
        ? tallyValue(spec, selectionTallies(columns, rows), columns)
        : spec.compute(selectionCounts(columns, rows), columns.classes.length, columns);
    },
  };
}

/** Whether a metric of `names` reads absolute residuals off the moments (the median). */
function keepsResiduals(names: readonly string[]): boolean {
  return names.some((name) => {
    const spec = METRIC_REGISTRY.get(name);
    return spec?.kind === 'rows' && spec.fromMoments?.residuals === true;
  });
}

/**
 * Evaluates metrics of the registry on a row selection (rows may repeat: a bootstrap
 * draw): rows metrics on the rows, confusion metrics on the counts of those rows, counted
 * once for all of them (per-class tallies above `CONFUSION_MATRIX_CLASS_LIMIT` classes).
 *
 * @param columns - the job's columns
 * @param names - registry names
 * @param rows - the rows (may repeat), or null for every row; the regression metrics read
 *   one accumulation of their moments over them (see `RowsMetric.fromMoments`)
 * @param out - receives `names.length` values from `offset`; NaN where a metric fails
 * @param offset - where to write the first value
 * @param errors - receives each distinct failure message (`name: message`; a sum of weights
 *   of 0 as {@link zeroWeightFailure} words it)
 * @param resample - for a bootstrap replicate: `draw`, `rows` as multiplicities (see
 *   `computeResampledValues`: rows metrics with a `computeResampled` form use it instead of
 *   the rows), and `replicate: true`, which makes a metric NaN where it has no value (a confusion
 *   metric's {@link replicateValue}, a rows metric's `definedOn`) instead of scikit-learn's
 *   `zero_division` 0 or its other conventions
 */
export function computeMetricValues(
  columns: ScoreColumns,
  names: readonly string[],
  rows: Uint32Array | null,
  out: Float64Array,
  offset: number,
  errors: string[],
  resample: { readonly draw?: RowMultiplicity; readonly replicate?: boolean } = {},
): void {
  const { draw, replicate = false } = resample;
  let confusion: ((spec: ConfusionMetric) => number) | undefined;
  let moments: RegressionAccumulator | undefined;
  let momentResiduals = false;
  const k = columns.classes.length;
  names.forEach((name, j) => {
    const spec = METRIC_REGISTRY.get(name)!;
    try {
      if (spec.kind === 'rows') {
        if (replicate && spec.definedOn?.(columns, rows) === false) {
          out[offset + j] = Number.NaN;
          return;
        }
        const resampled = draw === undefined ? undefined : spec.computeResampled?.(columns, draw);
        // an empty selection takes the functions' own path, whose error names the empty input
        const reader = rows?.length === 0 ? undefined : spec.fromMoments;
        if (resampled === undefined && reader !== undefined) {
          // one pass over the rows for every regression metric of the call; a replicate's
          // median walks the draw (computeResampled) and needs no residuals, unless it declines
          const { residuals, read } = reader;
          if (moments === undefined || (residuals && !momentResiduals)) {
            momentResiduals = residuals || (draw === undefined && keepsResiduals(names));
            moments = selectionMoments(columns, rows, momentResiduals);
          }
          out[offset + j] = read(moments);
          return;
        }
        out[offset + j] = resampled ?? spec.compute(columns, rows);
        return;
      }
      if (confusion === undefined) {
        if (countsByTallies(columns)) {
          const tallies = selectionTallies(columns, rows);
          confusion = (s) => tallyValue(s, tallies, columns);
        } else {
          const counts = selectionCounts(columns, rows);
          confusion = replicate
            ? (s) => replicateValue(s, counts, k, columns)
            : (s) => s.compute(counts, k, columns);
        }
      }
      out[offset + j] = confusion(spec);
    } catch (error) {
      out[offset + j] = Number.NaN;
      const message =
        zeroWeightFailure(name, error) ??
        `${name}: ${error instanceof Error ? error.message : String(error)}`;
      if (!errors.includes(message)) errors.push(message);
    }
  });
}
