import type { ModelResult } from '@assay/report';
import { createRng } from '@assay/splitters';
import { percentileBootstrapInterval, wilsonInterval } from '@assay/stats';
import type { Outcome } from '../run/journal.js';
import { namedSeed } from './named-seed.js';
import { percentileBoundSize } from './percentile-bound-size.js';

/** An interval of one figure at the run's confidence level, and how it was computed. */
export interface FigureInterval {
  /** lower end (null when it could not be computed) */
  low: number | null;
  /** upper end (null when it could not be computed) */
  high: number | null;
  /** the method, as `results.json` `thresholds[].interval` names it */
  method: 'bootstrap-percentile' | 'wilson' | 'confidence-sequence';
  /** why there is no interval, when there is none */
  reason?: string;
  /** its confidence level when not `evaluation.ci` (a `decided(thresholds)` confidence sequence) */
  level?: number;
}

/** How sure the intervals are and where their resamples come from. */
export interface ServiceIntervalOptions {
  /** bootstrap resamples (`evaluation.bootstrap`) */
  bootstrap: number;
  /** confidence level (`evaluation.ci`) */
  ci: number;
  /** `evaluation.seed` (each model and metric draws its own stream: {@link serviceIntervalSeed}) */
  seed: number;
}

/**
 * The seed of a service figure's bootstrap: `evaluation.seed` mixed with the model's and the
 * metric's names ({@link namedSeed}), so each model and metric draws its own resamples, and
 * adding a threshold, reordering the models or adding one leaves the others' intervals alone.
 *
 * @param seed - `evaluation.seed`
 * @param model - the model's name
 * @param metric - the service metric (`p95_latency_ms`)
 * @returns an unsigned 32-bit seed
 * @example
 * serviceIntervalSeed(0, 'nb', 'p95_latency_ms') === serviceIntervalSeed(0, 'nb', 'p95_latency_ms'); // true
 */
export function serviceIntervalSeed(seed: number, model: string, metric: string): number {
  return namedSeed(seed, 'service', model, metric);
}

const PERCENTILE_METRIC = /^p(\d+)_(latency|ttft|tpot)_ms$/;

const TIMING: Record<string, (o: Outcome) => number | null> = {
  latency: (o) => o.e2eMs,
  ttft: (o) => o.ttftMs,
  tpot: (o) => o.tpotMs,
};

function wilson(successes: number, trials: number, ci: number, what: string): FigureInterval {
  const interval = wilsonInterval(successes, trials, ci);
  return interval === null
    ? { low: null, high: null, method: 'wilson', reason: `no ${what} to estimate a rate from` }
    : { low: interval[0], high: interval[1], method: 'wilson' };
}

function percentileInterval(
  metric: string,
  match: RegExpExecArray,
  outcomes: readonly Outcome[],
  model: string,
  options: ServiceIntervalOptions,
): FigureInterval {
  const pick = TIMING[match[2]!]!;
  // the figures the point value is computed from: answered requests (cached ones with the
  // timings of their first sending)
  const values = outcomes
    .filter((o) => o.status === 'ok')
    .map(pick)
    .filter((v): v is number => v !== null)
    // draws index the sorted values, so the interval does not depend on the order answers landed
    .sort((a, b) => a - b);
  const method = 'bootstrap-percentile' as const;
  if (options.bootstrap === 0) {
    return { low: null, high: null, method, reason: 'evaluation.bootstrap is 0' };
  }
  // one stream per model and metric, by name: adding a threshold or a model, or reordering the
  // models, leaves the others' intervals alone
  const rng = createRng(serviceIntervalSeed(options.seed, model, metric));
  const interval = percentileBootstrapInterval(values, Number(match[1]), {
    samples: options.bootstrap,
    level: options.ci,
    rng: () => rng.nextFloat(),
  });
  if (interval === null) {
    return {
      low: null,
      high: null,
      method,
      reason: `no request of this run was timed for ${metric}`,
    };
  }
  return withoutUnfoundedEnds(interval, metric, Number(match[1]) / 100, values.length, options.ci);
}

/**
 * Drops an end of a percentile's interval that the sample cannot support: a bootstrap never
 * reaches past the largest value seen, so a p95 of 40 requests got an upper end that a gate
 * (`p95_latency_ms.ci_high <= 800`) passed on, though the largest of 40 latencies is below the
 * true p95 one time in eight ({@link percentileBoundSize}).
 */
function withoutUnfoundedEnds(
  [low, high]: readonly [number, number],
  metric: string,
  q: number,
  n: number,
  ci: number,
): FigureInterval {
  const size = percentileBoundSize(q, ci);
  const noHigh = n < size.high;
  const noLow = n < size.low;
  if (!noHigh && !noLow) return { low, high, method: 'bootstrap-percentile' };
  // the upper end is the one a gate reads; it is the first missing for any percentile above p50
  const upper = noHigh;
  const chance = (upper ? q : 1 - q) ** n;
  const which = noHigh && noLow ? 'upper or lower' : upper ? 'upper' : 'lower';
  const reason =
    `with ${n} timed request${n === 1 ? '' : 's'} the ${metric} has no ${which} ${formatLevel(ci)} bound: ` +
    `the ${upper ? 'largest' : 'smallest'} value observed lies ${upper ? 'below' : 'above'} the true ` +
    `${metric.split('_')[0]} with probability ${chance.toPrecision(2)} (more than ${((1 - ci) / 2).toPrecision(2)}), ` +
    `and no interval drawn from the sample reaches past it; a distribution-free ${upper ? 'upper' : 'lower'} bound needs at least ` +
    `${upper ? size.high : size.low} timed requests (evaluate more items)`;
  return {
    low: noLow ? null : low,
    high: noHigh ? null : high,
    method: 'bootstrap-percentile',
    reason,
  };
}

function formatLevel(ci: number): string {
  return `${Number((ci * 100).toPrecision(6))}%`;
}

/**
 * The intervals of the service metrics named by interval thresholds, for one model.
 *
 * @remarks Latency, TTFT and TPOT percentiles (`p95_latency_ms`, ...): the bootstrap
 *   percentile interval of that percentile over the requests the point value reads (answered
 *   and not served by the response cache; sorted, so the order answers landed in does not
 *   matter), with `evaluation.bootstrap` resamples at
 *   `evaluation.ci`, seeded by {@link serviceIntervalSeed} (`evaluation.seed` mixed with the
 *   model's and the metric's names; `percentileBootstrapInterval` of `@assay/stats`). An end
 *   the sample cannot support is null, with a reason: the upper end of a p95 at 95% needs at
 *   least 72 timed requests, of a p99 368 ({@link percentileBoundSize}), since below that
 *   the largest latency seen is too often under the true percentile and no resample reaches
 *   past it; a `.ci_high` threshold then cannot be checked and fails the run.
 *   `error_rate` (failed of all distinct requests) and `unparseable_rate` (unparseable of all
 *   items): the Wilson score interval, which needs no resampling and is not degenerate when
 *   nothing failed (a bootstrap of all-zero outcomes would be `[0, 0]` and pass any bound).
 *   Other service metrics have no interval (the config refuses a bound on them).
 * @param metrics - the service metrics to compute intervals for
 * @param model - the model's results (unparseable count)
 * @param outcomes - the model's distinct requests
 * @param options - resamples, level and seed
 * @returns the interval of each metric that has one
 * @example
 * serviceIntervals(['error_rate'], model, outcomes, { bootstrap: 1000, ci: 0.95, seed: 0 }).get('error_rate'); // { low: 0, high: 0.087…, method: 'wilson' }
 */
export function serviceIntervals(
  metrics: readonly string[],
  model: ModelResult,
  outcomes: readonly Outcome[],
  options: ServiceIntervalOptions,
): Map<string, FigureInterval> {
  const out = new Map<string, FigureInterval>();
  for (const metric of metrics) {
    const match = PERCENTILE_METRIC.exec(metric);
    if (match !== null) {
      out.set(metric, percentileInterval(metric, match, outcomes, model.name, options));
    } else if (metric === 'error_rate') {
      const failed = outcomes.filter((o) => o.status === 'error').length;
      out.set(metric, wilson(failed, outcomes.length, options.ci, 'request'));
    } else if (metric === 'unparseable_rate') {
      out.set(metric, wilson(model.items.unparseable, model.items.total, options.ci, 'item'));
    }
  }
  return out;
}
