import type { ModelResult } from '@assay/report';
import { quantileInterval, wilsonInterval } from '@assay/stats';
import type { Outcome } from '../run/journal.js';
import {
  type PercentileMetric,
  percentileBoundSize,
  percentileMetric,
} from './percentile-bound-size.js';

/** An interval of one figure at the run's confidence level, and how it was computed. */
export interface FigureInterval {
  /** lower end (null when it could not be computed) */
  low: number | null;
  /** upper end (null when it could not be computed) */
  high: number | null;
  /** the method, as `results.json` `thresholds[].interval` names it */
  method: 'bootstrap-percentile' | 'wilson' | 'order-statistic' | 'confidence-sequence';
  /** why there is no interval, when there is none */
  reason?: string;
  /** its confidence level when not `evaluation.ci` (a `decided(thresholds)` confidence sequence) */
  level?: number;
}

/** How sure the intervals are. */
export interface ServiceIntervalOptions {
  /** confidence level (`evaluation.ci`) */
  ci: number;
}

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
  percentile: PercentileMetric,
  outcomes: readonly Outcome[],
  ci: number,
): FigureInterval {
  const pick = TIMING[percentile.timing]!;
  // the figures the point value is computed from: answered requests (cached ones with the
  // timings of their first sending)
  const values = outcomes
    .filter((o) => o.status === 'ok')
    .map(pick)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const method = 'order-statistic' as const;
  const q = percentile.q;
  const interval = quantileInterval(values, q, ci);
  if (interval === null) {
    return {
      low: null,
      high: null,
      method,
      reason: `no request of this run was timed for ${metric}`,
    };
  }
  const [low, high] = interval;
  if (low !== null && high !== null) return { low, high, method };
  return {
    low,
    high,
    method,
    reason: missingEndReason(metric, q, values.length, ci, high === null),
  };
}

/**
 * Why an end of a percentile's interval is missing: the sample's extreme value lies beyond
 * the true percentile too rarely for the level ({@link percentileBoundSize}). A bootstrap
 * would have given the largest latency seen as the upper end, and a gate passed on it.
 */
function missingEndReason(
  metric: string,
  q: number,
  n: number,
  ci: number,
  upper: boolean,
): string {
  const size = percentileBoundSize(q, ci);
  const chance = (upper ? q : 1 - q) ** n;
  const which = n < size.high && n < size.low ? 'upper or lower' : upper ? 'upper' : 'lower';
  return (
    `with ${n} timed request${n === 1 ? '' : 's'} the ${metric} has no ${which} ${formatLevel(ci)} bound: ` +
    `the ${upper ? 'largest' : 'smallest'} value observed lies ${upper ? 'below' : 'above'} the true ` +
    `${metric.split('_')[0]} with probability ${chance.toPrecision(2)} (more than ${((1 - ci) / 2).toPrecision(2)}), ` +
    `so no order statistic bounds it; a distribution-free ${upper ? 'upper' : 'lower'} bound needs at least ` +
    `${upper ? size.high : size.low} timed requests (evaluate more items)`
  );
}

function formatLevel(ci: number): string {
  return `${Number((ci * 100).toPrecision(6))}%`;
}

/**
 * The intervals of the service metrics named by interval thresholds, for one model.
 *
 * @remarks Latency, TTFT and TPOT percentiles (`p95_latency_ms`, ...): the distribution-free
 *   order-statistic interval of that percentile (`quantileInterval` of `@assay/stats`) over
 *   the requests the point value reads (the answered ones, a response-cache answer with the
 *   timings of its first sending; requests without the timing left out), at
 *   `evaluation.ci`: no resampling, so no seed, and each end misses at most (1 − ci)/2 of the
 *   time whatever the latencies' distribution (a bootstrap of the sample percentile cannot
 *   reach past the largest latency seen, and its upper end of a p95 of 100 requests covered
 *   the true p95 about 91% of the time where 97.5% was claimed). An end the sample cannot
 *   support is null, with a reason: the upper end of a p95 at 95% needs at least 72 timed
 *   requests, of a p99 368 ({@link percentileBoundSize}); a `.ci_high` threshold on it then
 *   cannot be checked and fails the run.
 *   `error_rate` (failed of all distinct requests) and `unparseable_rate` (unparseable of all
 *   items): the Wilson score interval, which needs no resampling and is not degenerate when
 *   nothing failed (a bootstrap of all-zero outcomes would be `[0, 0]` and pass any bound).
 *   Other service metrics have no interval (the config refuses a bound on them).
 * @param metrics - the service metrics to compute intervals for
 * @param model - the model's results (unparseable count)
 * @param outcomes - the model's distinct requests
 * @param options - the confidence level
 * @returns the interval of each metric that has one
 * @example
 * serviceIntervals(['error_rate'], model, outcomes, { ci: 0.95 }).get('error_rate'); // { low: 0, high: 0.087…, method: 'wilson' }
 */
export function serviceIntervals(
  metrics: readonly string[],
  model: ModelResult,
  outcomes: readonly Outcome[],
  options: ServiceIntervalOptions,
): Map<string, FigureInterval> {
  const out = new Map<string, FigureInterval>();
  for (const metric of metrics) {
    const percentile = percentileMetric(metric);
    if (percentile !== undefined) {
      out.set(metric, percentileInterval(metric, percentile, outcomes, options.ci));
    } else if (metric === 'error_rate') {
      const failed = outcomes.filter((o) => o.status === 'error').length;
      out.set(metric, wilson(failed, outcomes.length, options.ci, 'request'));
    } else if (metric === 'unparseable_rate') {
      out.set(metric, wilson(model.items.unparseable, model.items.total, options.ci, 'item'));
    }
  }
  return out;
}
