import { wilsonOfDegenerate } from '@assay/runner';
import { createRng } from '@assay/splitters';
import { percentileInterval } from '@assay/stats';
import { itemCountAtEnds } from '../summary/item-count.js';

/** The bootstrap settings of a judge interval (the run's `evaluation` section). */
export interface JudgeBootstrap {
  /** resamples; 0 for no interval */
  readonly resamples: number;
  /** confidence level, e.g. 0.95 */
  readonly level: number;
  /** seed of the resampling */
  readonly seed: number;
}

/** A point estimate with its percentile bootstrap interval. */
export interface Estimate {
  /** null when nothing was scored */
  readonly value: number | null;
  /** null without resamples or without a defined replicate */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** `'wilson'` where the Wilson interval replaced a bootstrap one of no width; absent: percentile */
  readonly ciMethod?: 'wilson';
}

/**
 * The mean judge score with a two-stage bootstrap interval: each resample draws items with
 * replacement and then, within each drawn item, its judge draws with replacement, so the
 * interval holds both the items' spread and the judge's own variation between repeats.
 *
 * @remarks
 * The estimate is the mean over every scored draw (an item with more scored draws weighs
 * more, as the runner's item-clustered intervals weigh rows). Resampling clusters and then
 * units within them is Davison & Hinkley's "strategy 2" for two-stage data (Bootstrap
 * Methods and their Application, 1997, §3.8); with one draw per item it is the ordinary
 * item bootstrap. The interval is the percentile interval of the replicates
 * (`percentileInterval` of `@assay/stats`). A zero-width interval at 0 or 1 becomes the
 * Wilson interval of the count of graded items (`ciMethod: 'wilson'`).
 * @param draws - per item, the scores of its scored draws (an empty list: an item whose
 *   draws were all unscored, still drawn but adding nothing)
 * @param bootstrap - resamples, level, seed
 * @returns the mean and its interval
 * @example
 * judgeScoreInterval([[1, 1], [0, 1], [0, 0]], { resamples: 1000, level: 0.95, seed: 0 }).value; // 0.5
 */
export function judgeScoreInterval(
  draws: readonly (readonly number[])[],
  bootstrap: JudgeBootstrap,
): Estimate {
  let sum = 0;
  let count = 0;
  for (const scores of draws) {
    for (const s of scores) sum += s;
    count += scores.length;
  }
  if (count === 0) return { value: null, ciLow: null, ciHigh: null };
  const value = sum / count;
  if (bootstrap.resamples === 0) return { value, ciLow: null, ciHigh: null };
  const rng = createRng(bootstrap.seed >>> 0);
  const n = draws.length;
  const replicates = new Float64Array(bootstrap.resamples);
  for (let b = 0; b < bootstrap.resamples; b++) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const scores = draws[rng.nextInt(n)]!;
      const k = scores.length;
      for (let j = 0; j < k; j++) s += scores[rng.nextInt(k)]!;
      c += k;
    }
    replicates[b] = c === 0 ? Number.NaN : s / c;
  }
  const interval = percentileInterval(replicates, bootstrap.level);
  const estimate = { value, ciLow: interval?.[0] ?? null, ciHigh: interval?.[1] ?? null };
  return wilsonOfItems(estimate, draws, bootstrap.level);
}

/**
 * A zero-width interval at 0 or 1 (every answer graded right, or none) claims a certainty the
 * run does not have. Every scored draw then has the value, so every graded item has it in all
 * its draws: the items are the independent trials (an item's samples and repeats are not),
 * and the Wilson interval of the item count replaces the interval (as for accuracy), a
 * conservative bound where items have several draws.
 */
function wilsonOfItems(
  estimate: Estimate,
  draws: readonly (readonly number[])[],
  level: number,
): Estimate {
  const { value, ciLow, ciHigh } = estimate;
  if (value === null || ciLow === null || ciHigh === null || ciLow !== ciHigh) return estimate;
  let successes = 0;
  let trials = 0;
  for (const scores of draws) {
    for (const x of scores) successes += x;
    trials += scores.length;
  }
  const items = draws.filter((scores) => scores.length > 0).length;
  const count = itemCountAtEnds(successes, trials, items);
  const interval = wilsonOfDegenerate(value, ciLow, ciHigh, count, level);
  return interval === null
    ? estimate
    : { value, ciLow: interval[0], ciHigh: interval[1], ciMethod: 'wilson' };
}
