import diagnosticsChannel from 'node:diagnostics_channel';

/** A warning raised by a metric, e.g. an ill-defined precision with `zeroDivision: 'warn'`. */
export interface MetricWarning {
  /** Stable code: `'UNDEFINED_METRIC'` (0/0 replaced by 0) or `'SINGLE_CLASS'`. */
  readonly code: 'UNDEFINED_METRIC' | 'SINGLE_CLASS';
  /** The metric that warned, e.g. `'precisionScore'`. */
  readonly metric: string;
  /** A full sentence, in the spirit of scikit-learn's `UndefinedMetricWarning`. */
  readonly message: string;
}

/**
 * Name of the `node:diagnostics_channel` on which metric warnings are published.
 *
 * @remarks
 * Library code never prints. Subscribe with {@link onMetricWarning}, or with
 * `diagnostics_channel.subscribe(METRIC_WARNING_CHANNEL, fn)`; with no
 * subscriber a warning costs nothing and goes nowhere.
 * @example
 * ```ts
 * METRIC_WARNING_CHANNEL; // 'assay:core-metrics:warning'
 * ```
 */
export const METRIC_WARNING_CHANNEL = 'assay:core-metrics:warning';

const channel = diagnosticsChannel.channel(METRIC_WARNING_CHANNEL);

/**
 * Subscribes to metric warnings.
 *
 * @param listener - called synchronously with each warning
 * @returns a function that unsubscribes the listener
 * @example
 * ```ts
 * import { onMetricWarning, precisionScore } from '@assay/core-metrics';
 * const codes = [];
 * const off = onMetricWarning((w) => codes.push(w.code));
 * precisionScore([0, 1], [0, 0], { zeroDivision: 'warn' }); // 0 (label 1 never predicted)
 * off();
 * codes; // ['UNDEFINED_METRIC']
 * ```
 */
export function onMetricWarning(listener: (warning: MetricWarning) => void): () => void {
  const handler = (message: unknown): void => listener(message as MetricWarning);
  diagnosticsChannel.subscribe(METRIC_WARNING_CHANNEL, handler);
  return () => {
    diagnosticsChannel.unsubscribe(METRIC_WARNING_CHANNEL, handler);
  };
}

/**
 * Publishes a warning on {@link METRIC_WARNING_CHANNEL}. For metric implementations.
 *
 * @param warning - the warning to publish
 * @example
 * ```ts
 * const codes = [];
 * const off = onMetricWarning((w) => codes.push(w.code));
 * emitMetricWarning({ code: 'SINGLE_CLASS', metric: 'demo', message: 'One class only.' });
 * off();
 * codes; // ['SINGLE_CLASS']
 * ```
 */
export function emitMetricWarning(warning: MetricWarning): void {
  if (channel.hasSubscribers) channel.publish(warning);
}
