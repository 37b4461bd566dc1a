import { MetricInputError } from '../errors.js';
import type { Label } from '../input/encode-labels.js';

/** How the positive class is chosen when `posLabel` is not given. */
export type PosLabelRule =
  /** scikit-learn's `_check_pos_label_consistency`: 1 for {0,1} or {-1,1} targets, else an error. */
  | 'consistency'
  /** As `'consistency'`, but numeric targets fall back to the greater label (`brier_score_loss`). */
  | 'consistency-or-greater'
  /** The default `pos_label=1` of `average_precision_score`. */
  | 'one';

const NUMERIC_DEFAULT_SETS = ['0,1', '-1,1', '0', '-1', '1'];

/**
 * Resolves `posLabel` to a class index, following scikit-learn's rules.
 *
 * @param classes - sorted classes of `yTrue`
 * @param posLabel - the user's `options.posLabel`
 * @param rule - how to choose when `posLabel` is undefined
 * @returns the index of the positive class, or -1 when it is absent from a
 *   single-class `yTrue` (no positives)
 * @throws {@link MetricInputError} `UNKNOWN_POS_LABEL` when `posLabel` is not one
 *   of two classes present, or cannot be inferred
 * @example
 * ```ts
 * resolvePosLabel([0, 1], undefined, 'consistency'); // 1
 * resolvePosLabel([2, 5], undefined, 'consistency-or-greater'); // 1 (the index of 5)
 * resolvePosLabel(['a', 'b'], 'a', 'consistency'); // 0
 * resolvePosLabel([0], undefined, 'one'); // -1 (1 absent from a single-class yTrue)
 * ```
 */
export function resolvePosLabel(
  classes: readonly Label[],
  posLabel: Label | undefined,
  rule: PosLabelRule,
): number {
  let label = posLabel;
  const describe = classes.map((c) => JSON.stringify(c)).join(', ');
  if (label === undefined) {
    const numeric = classes.every((c) => typeof c === 'number');
    if (rule === 'one') {
      label = 1;
    } else if (numeric && NUMERIC_DEFAULT_SETS.includes(classes.join(','))) {
      label = 1;
    } else if (rule === 'consistency-or-greater' && numeric) {
      label = classes[classes.length - 1]!;
    } else {
      throw new MetricInputError(
        'UNKNOWN_POS_LABEL',
        `yTrue takes values {${describe}} and options.posLabel is not set; either make yTrue take values in {0, 1} or {-1, 1}, or pass options.posLabel (one of ${describe}).`,
        'options.posLabel',
      );
    }
  }
  const index = classes.indexOf(label);
  if (index < 0 && classes.length >= 2) {
    throw new MetricInputError(
      'UNKNOWN_POS_LABEL',
      `options.posLabel is ${JSON.stringify(label)}${posLabel === undefined ? ' (the default)' : ''}, which is not a label of yTrue; it must be one of ${describe}.`,
      'options.posLabel',
    );
  }
  return index;
}

/**
 * Builds the 0/1 positive-class indicator the kernels take.
 *
 * @param codes - per-row class codes
 * @param positive - the positive class index (-1: no row is positive)
 * @returns 1 where `codes[i] === positive`, else 0
 * @example
 * ```ts
 * positiveIndicator(Int32Array.of(0, 2, 1, 2), 2); // Uint8Array [0, 1, 0, 1]
 * positiveIndicator(Int32Array.of(0, 2), -1); // Uint8Array [0, 0]
 * ```
 */
export function positiveIndicator(codes: Int32Array | Uint8Array, positive: number): Uint8Array {
  if (codes instanceof Uint8Array && positive === 1) return codes;
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] === positive ? 1 : 0;
  return out;
}

/**
 * Throws unless `yTrue` has at most two classes.
 *
 * @param classes - the classes of `yTrue`
 * @param metric - the metric's name for the message
 * @throws {@link MetricInputError} `INVALID_SHAPE`
 * @example
 * ```ts
 * checkBinaryTarget([0, 1], 'brierScoreLoss'); // undefined
 * try { checkBinaryTarget([0, 1, 2], 'brierScoreLoss'); } catch (error) {
 *   error.message; // 'yTrue has 3 classes (0, 1, 2); brierScoreLoss supports binary targets only.'
 * }
 * ```
 */
export function checkBinaryTarget(classes: readonly Label[], metric: string): void {
  if (classes.length > 2) {
    throw new MetricInputError(
      'INVALID_SHAPE',
      `yTrue has ${classes.length} classes (${classes.map((c) => JSON.stringify(c)).join(', ')}); ${metric} supports binary targets only.`,
      'yTrue',
    );
  }
}
