import diagnosticsChannel from 'node:diagnostics_channel';

/** A warning raised by a splitter, e.g. a class smaller than `nSplits` in StratifiedKFold. */
export interface SplitWarning {
  /** Stable code; `'LEAST_POPULATED_CLASS'` mirrors scikit-learn's UserWarning of that name. */
  readonly code: 'LEAST_POPULATED_CLASS';
  /** The splitter that warned, e.g. `'StratifiedKFold'`. */
  readonly splitter: string;
  /** A full sentence, in the spirit of scikit-learn's warning. */
  readonly message: string;
}

/**
 * Name of the `node:diagnostics_channel` on which splitter warnings are published.
 *
 * @remarks
 * Library code never prints. Subscribe with {@link onSplitWarning}, or with
 * `diagnostics_channel.subscribe(SPLIT_WARNING_CHANNEL, fn)`; with no
 * subscriber a warning costs nothing and goes nowhere.
 */
export const SPLIT_WARNING_CHANNEL = 'assay:splitters:warning';

const channel = diagnosticsChannel.channel(SPLIT_WARNING_CHANNEL);

/**
 * Subscribes to splitter warnings.
 *
 * @param listener - called synchronously with each warning
 * @returns a function that unsubscribes the listener
 * @example
 * ```ts
 * import { onSplitWarning, StratifiedKFold } from '@assay/splitters';
 * const codes = [];
 * const off = onSplitWarning((w) => codes.push(w.code));
 * new StratifiedKFold({ nSplits: 3 }).foldIds({ y: [0, 0, 0, 1] }); // Int32Array [0, 1, 2, 0]
 * off();
 * codes; // ['LEAST_POPULATED_CLASS'] (class 1 has 1 member < 3)
 * ```
 * @see scikit-learn's `UserWarning` from `StratifiedKFold`
 */
export function onSplitWarning(listener: (warning: SplitWarning) => void): () => void {
  const handler = (message: unknown): void => listener(message as SplitWarning);
  diagnosticsChannel.subscribe(SPLIT_WARNING_CHANNEL, handler);
  return () => {
    diagnosticsChannel.unsubscribe(SPLIT_WARNING_CHANNEL, handler);
  };
}

/**
 * Publishes a warning on {@link SPLIT_WARNING_CHANNEL}. For splitter implementations.
 *
 * @param warning - the warning to publish
 */
export function emitSplitWarning(warning: SplitWarning): void {
  if (channel.hasSubscribers) channel.publish(warning);
}
