import { MetricInputError } from '../errors.js';
import type { Label } from '../input/encode-labels.js';
import { showValue } from './average-option.js';

/**
 * The kind of the encoded labels.
 *
 * @param classes - sorted present labels (non-empty)
 * @returns `'string'` or `'number'`
 * @example
 * ```ts
 * labelKind(['a', 'b']); // 'string'
 * labelKind([0, 1]); // 'number'
 * ```
 */
export function labelKind(classes: readonly Label[]): 'number' | 'string' {
  return typeof classes[0] === 'string' ? 'string' : 'number';
}

/**
 * Checks a label given in an option (`labels[i]`, `posLabel`) has the data's kind.
 *
 * @param value - the option value
 * @param kind - the kind of the data's labels
 * @param argument - name for messages
 * @returns the label
 * @throws {@link MetricInputError} `INVALID_OPTION`
 * @example
 * ```ts
 * checkOptionLabel(2, 'number', 'options.posLabel'); // 2
 * try { checkOptionLabel('2', 'number', 'options.posLabel'); } catch (error) {
 *   error.message; // 'options.posLabel is "2"; the labels in yTrue/yPred are integers, so it must be an integer.'
 * }
 * ```
 */
export function checkOptionLabel(
  value: unknown,
  kind: 'number' | 'string',
  argument: string,
): Label {
  if (
    kind === 'string'
      ? typeof value === 'string'
      : typeof value === 'number' && Number.isInteger(value)
  ) {
    return value as Label;
  }
  throw new MetricInputError(
    'INVALID_OPTION',
    `${argument} is ${showValue(value)}; the labels in yTrue/yPred are ${kind === 'string' ? 'strings' : 'integers'}, so it must be ${kind === 'string' ? 'a string' : 'an integer'}.`,
    argument,
  );
}

/**
 * Validates a `labels` option: a non-empty array of distinct labels of the data's kind.
 *
 * @param labels - the option value
 * @param kind - the kind of the data's labels
 * @returns the labels
 * @throws {@link MetricInputError} `INVALID_OPTION`
 * @example
 * ```ts
 * checkLabelsOption([2, 0], 'number'); // [2, 0]
 * try { checkLabelsOption(['a', 'a'], 'string'); } catch (error) {
 *   error.message; // 'options.labels lists "a" twice (again at index 1); each label may appear once.'
 * }
 * ```
 */
export function checkLabelsOption(labels: unknown, kind: 'number' | 'string'): Label[] {
  const argument = 'options.labels';
  if (!Array.isArray(labels) && !ArrayBuffer.isView(labels)) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `${argument} is ${showValue(labels)}; it must be an array of labels.`,
      argument,
    );
  }
  const list = Array.from(labels as ArrayLike<unknown>);
  if (list.length === 0) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `${argument} is empty; give at least one label, or omit it to use every label.`,
      argument,
    );
  }
  const seen = new Set<Label>();
  return list.map((value, i) => {
    const label = checkOptionLabel(value, kind, `${argument}[${i}]`);
    if (seen.has(label)) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `${argument} lists ${JSON.stringify(label)} twice (again at index ${i}); each label may appear once.`,
        argument,
      );
    }
    seen.add(label);
    return label;
  });
}
