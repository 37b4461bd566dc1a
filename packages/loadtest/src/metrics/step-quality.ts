import type { LoadRecord } from './load-record.js';
import type { StepQuality } from './step-result.js';
import { wilsonInterval } from './wilson-interval.js';

/** z of a two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

/**
 * Each quality metric's largest value, where it has one: an interval of the mean past it (or
 * below 0, which no score goes under) only says the normal approximation is poor at the edge.
 */
const TOP: Readonly<Record<string, number>> = {
  accuracy: 1,
  exact_match: 1,
  token_f1: 1,
  rouge1: 1,
  rouge2: 1,
  rougeL: 1,
  rougeLsum: 1,
  levenshtein_similarity: 1,
  bleu: 100,
  chrf: 100,
  chrf_pp: 100,
};

function interval(metric: string, values: readonly number[], mean: number): [number, number] {
  const n = values.length;
  if (values.every((v) => v === 0 || v === 1)) {
    let ones = 0;
    for (const v of values) ones += v;
    return wilsonInterval(ones, n);
  }
  if (n < 2) return [mean, mean];
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const half = Z95 * Math.sqrt(ss / (n - 1) / n);
  const top = TOP[metric] ?? Number.POSITIVE_INFINITY;
  // a score is never negative; values passed in that are say otherwise, and keep their interval
  const floor = values.every((v) => v >= 0) ? 0 : Number.NEGATIVE_INFINITY;
  return [Math.max(floor, mean - half), Math.min(top, mean + half)];
}

/**
 * Each `--score` quality metric of a set of records: the mean of the answers' values with a
 * 95% interval, metrics in the order they first appear.
 *
 * @remarks
 * Only records with `scores` count (measured, completed and scorable answers); a metric's
 * values are summed in record order. The interval is Wilson's when every value is 0 or 1
 * (accuracy, exact match: the same interval as `accuracy`), else the normal interval of a mean,
 * `mean ± 1.959964 · s / √n` with the sample standard deviation s (n - 1), a point when n = 1,
 * cut to the metric's range: from 0 when no value is negative, to the largest value of a
 * metric known by name (1 for token_f1, ROUGE and similarity, 100 for BLEU and chrF; TER has
 * none, and a score renamed in the run config is not known).
 * A prompt asked several times counts each answer once (under load, the answers to one
 * prompt may differ, which is what is being measured).
 *
 * @param records - measured records (warm-up already left out)
 * @returns one entry per metric; empty when no record was scored
 * @example
 * ```ts
 * stepQuality(records); // [{ metric: 'token_f1', value: 0.7578…, interval: [0.6753…, 0.8404…], scored: 19 }]
 * ```
 */
export function stepQuality(records: Iterable<LoadRecord>): StepQuality[] {
  const byMetric: ScoresByMetric = new Map();
  for (const r of records) addScores(byMetric, r);
  return qualityOf(byMetric);
}

/** Each `--score` metric's values so far, metrics in the order they first appeared. */
export type ScoresByMetric = Map<string, number[]>;

/**
 * Adds a record's `--score` values (none when it has no `scores`), for {@link qualityOf}: the
 * pass of {@link stepQuality}, for a caller that walks the records once for other figures too.
 *
 * @param byMetric - the values so far
 * @param r - a measured record
 */
export function addScores(byMetric: ScoresByMetric, r: LoadRecord): void {
  if (r.scores === null || r.scores === undefined) return;
  for (const [metric, value] of Object.entries(r.scores)) {
    let values = byMetric.get(metric);
    if (values === undefined) byMetric.set(metric, (values = []));
    values.push(value);
  }
}

/**
 * @param byMetric - every measured record's values, from {@link addScores}
 * @returns the figures of {@link stepQuality}
 */
export function qualityOf(byMetric: ScoresByMetric): StepQuality[] {
  const out: StepQuality[] = [];
  for (const [metric, values] of byMetric) {
    let sum = 0;
    for (const v of values) sum += v;
    const value = sum / values.length;
    out.push({ metric, value, interval: interval(metric, values, value), scored: values.length });
  }
  return out;
}
