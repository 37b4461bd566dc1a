import type { ScoreColumns } from '../score/score-columns.js';
import { computeMetricValues } from './compute-metric-values.js';
import type { RowMultiplicity } from './metric-spec.js';
import { METRIC_REGISTRY } from './registry.js';

// per-row multiplicities, all zero between calls; one byte a row keeps the random reads of
// the ranking walks in cache (each count is about Poisson(1) in a resample)
let counts = new Uint8Array(0);

function hasResampledForm(names: readonly string[]): boolean {
  return names.some((name) => {
    const spec = METRIC_REGISTRY.get(name);
    return spec?.kind === 'rows' && spec.computeResampled !== undefined;
  });
}

/** Counts the drawn rows; false (counts cleared) when one is drawn more than 255 times. */
function countDraw(drawn: Uint32Array): boolean {
  for (let i = 0; i < drawn.length; i++) {
    const r = drawn[i]!;
    if (counts[r] === 255) {
      for (let j = 0; j < i; j++) counts[drawn[j]!] = 0;
      return false;
    }
    counts[r]!++;
  }
  return true;
}

/** Whether every drawn row lies in `domain` (their counts there add up to the draw). */
function coversDraw(domain: Uint32Array, drawn: Uint32Array): boolean {
  let inside = 0;
  for (let i = 0; i < domain.length; i++) inside += counts[domain[i]!]!;
  return inside === drawn.length;
}

/**
 * Zeroes the counts of a draw along the ascending rows of the domain that covers it (every
 * row when null) rather than at the drawn rows, which are random.
 */
function clearDraw(n: number, domain: Uint32Array | null): void {
  if (domain === null) counts.fill(0, 0, n);
  else for (let i = 0; i < domain.length; i++) counts[domain[i]!] = 0;
}

/** A bootstrap replicate's values: confusion metrics NaN where they have no value. */
const REPLICATE = { replicate: true } as const;

/**
 * Evaluates metrics on one bootstrap draw: rows (with repeats) drawn from `domain`. Metrics
 * with a resampled form (the ranking metrics) read the draw as per-row multiplicities, one
 * O(n) pass each along a ranking made once per thread, instead of sorting the drawn rows;
 * every other metric reads the drawn rows as {@link computeMetricValues} does. Values
 * equal {@link computeMetricValues} with `replicate: true` on the same rows (to rounding;
 * exactly when unweighted): a confusion metric without a value on the draw (recall with no
 * positive row drawn) is NaN, left out of the interval.
 *
 * @param columns - the job's columns
 * @param names - registry names
 * @param drawn - the drawn rows (may repeat)
 * @param domain - ascending rows the draw was made from (a slice), or null for every row;
 *   should a drawn row lie outside it, the draw is read over every row instead
 * @param out - receives `names.length` values from `offset`; NaN where a metric fails
 * @param offset - where to write the first value
 * @param errors - receives each distinct failure message (`name: message`)
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], yScore: [0.1, 0.9, 0.4, 0.3] });
 * const values = new Float64Array(2);
 * const errors = [];
 * computeResampledValues(columns, ['roc_auc', 'accuracy'], Uint32Array.of(0, 1, 2, 2), null, values, 0, errors);
 * values; // Float64Array [1, 0.5]
 */
export function computeResampledValues(
  columns: ScoreColumns,
  names: readonly string[],
  drawn: Uint32Array,
  domain: Uint32Array | null,
  out: Float64Array,
  offset: number,
  errors: string[],
): void {
  if (!hasResampledForm(names)) {
    computeMetricValues(columns, names, drawn, out, offset, errors, REPLICATE);
    return;
  }
  if (counts.length < columns.n) counts = new Uint8Array(columns.n);
  if (!countDraw(drawn)) {
    computeMetricValues(columns, names, drawn, out, offset, errors, REPLICATE);
    return;
  }
  const covered = domain !== null && coversDraw(domain, drawn);
  const draw: RowMultiplicity = { counts, domain: covered ? domain : null };
  try {
    computeMetricValues(columns, names, drawn, out, offset, errors, { draw, replicate: true });
  } finally {
    clearDraw(columns.n, draw.domain);
  }
}
