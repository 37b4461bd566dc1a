import type { ModelResult, ThresholdResult } from '@assay/report';
import type { Threshold } from '../config/thresholds.js';

/**
 * The result of a `<metric> vs baseline <op> <number>` threshold for one model.
 *
 * @remarks The comparison with the baseline run (paired difference and its interval, as
 *   `assay compare` computes them) is not wired into `assay run` yet: until it is, every
 *   such threshold is an `error` outcome, which fails the run rather than passing it
 *   unchecked. This is the one place to replace when it is.
 * @param t - the parsed threshold (`against: 'baseline'`)
 * @param model - the model's results
 * @returns an `error` result saying the comparison is not available
 * @example
 * const t = { source: 'f1_macro vs baseline >= -0.01', metric: 'f1_macro', against: 'baseline', op: '>=', value: -0.01 } as const;
 * baselineThresholdResult(t, model).reason; // 'baseline comparison not available'
 */
export function baselineThresholdResult(t: Threshold, model: ModelResult): ThresholdResult {
  return {
    threshold: t.source,
    model: model.name,
    metric: t.metric,
    value: null,
    passed: false,
    bound: t.bound ?? 'value',
    against: 'baseline',
    op: t.op,
    limit: t.value,
    ciLow: null,
    ciHigh: null,
    outcome: 'error',
    reason: 'baseline comparison not available',
  };
}
