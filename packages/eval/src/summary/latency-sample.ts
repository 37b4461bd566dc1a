import type { Outcome } from '../run/journal.js';

/** The most values a latency sample keeps: enough for a smooth CDF, small in `results.json`. */
const MAX_SAMPLE = 2000;

/**
 * The sorted timings of the answered requests (a cached answer's as measured when it was
 * first sent; requests without the timing left out), thinned to at most 2000 evenly spaced
 * order statistics, which preserve the CDF the report draws.
 *
 * @remarks One value per distinct request, as the service percentiles count them: items that
 * share a prompt (the same text in the data, an item in several folds) share one request, and
 * counting its timing once per prediction row drew a CDF the percentiles beside it disagreed
 * with.
 * @param outcomes - one model's distinct requests
 * @param pick - the timing of a request, or null
 * @returns ascending values
 * @example
 * latencySample(outcomes, (o) => o.e2eMs).length; // 40
 */
export function latencySample(
  outcomes: readonly Outcome[],
  pick: (o: Outcome) => number | null,
): number[] {
  const xs = outcomes
    .filter((o) => o.status === 'ok')
    .map(pick)
    .filter((x): x is number => x !== null);
  xs.sort((a, b) => a - b);
  if (xs.length <= MAX_SAMPLE) return xs;
  return Array.from(
    { length: MAX_SAMPLE },
    (_, i) => xs[Math.round((i * (xs.length - 1)) / (MAX_SAMPLE - 1))]!,
  );
}
