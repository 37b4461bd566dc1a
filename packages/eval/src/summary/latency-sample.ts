import type { PredictionRow } from '../run/prediction-row.js';

/** The most values a latency sample keeps: enough for a smooth CDF, small in `results.json`. */
const MAX_SAMPLE = 2000;

/**
 * The sorted timings of the answered requests (a cached answer's as measured when it was
 * first sent; rows without the timing left out), thinned to
 * at most 2000 evenly spaced order statistics, which preserve the CDF the report draws.
 *
 * @param rows - one model's prediction rows
 * @param pick - the timing of a row, or null
 * @returns ascending values
 * @example
 * latencySample(rows, (r) => r.e2eMs);
 */
export function latencySample(
  rows: readonly PredictionRow[],
  pick: (r: PredictionRow) => number | null,
): number[] {
  const xs = rows.map(pick).filter((x): x is number => x !== null);
  xs.sort((a, b) => a - b);
  if (xs.length <= MAX_SAMPLE) return xs;
  return Array.from(
    { length: MAX_SAMPLE },
    (_, i) => xs[Math.round((i * (xs.length - 1)) / (MAX_SAMPLE - 1))]!,
  );
}
