import { checkChoice, checkString, describeValue } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';
import { readKnownOptions } from '../option-keys.js';

/**
 * Options of {@link numericMatch}.
 *
 * @example
 * ```ts
 * const options: NumericMatchOptions = { relativeTolerance: 0.01, extract: 'last' };
 * ```
 */
export interface NumericMatchOptions {
  /** Largest accepted `|prediction - reference|` (default 0). */
  readonly absoluteTolerance?: number;
  /** Largest accepted `|prediction - reference| / max(|prediction|, |reference|)` (default 0). */
  readonly relativeTolerance?: number;
  /**
   * `'whole'` (default): the whole (trimmed) text must be one number. `'last'`: the last number in
   * the text (`-?[\d,]+(?:\.\d+)?` with the commas dropped: HELM's final-number pattern, but with
   * a literal decimal point).
   */
  readonly extract?: 'whole' | 'last';
}

const WHOLE_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LAST_NUMBER = /-?[\d,]+(?:\.\d+)?/g;
const EXTRACTS = ['whole', 'last'] as const;

/**
 * Reads a number from text: the whole trimmed text (optional sign, thousands commas, decimals,
 * exponent) or the last number in it; `undefined` when there is none.
 *
 * @param text - the text
 * @param extract - `'whole'` or `'last'`
 * @returns the number or `undefined`
 * @example
 * ```ts
 * parseNumber(' 1,234.5 ', 'whole'); // 1234.5
 * parseNumber('so the total is -12.', 'last'); // -12
 * ```
 */
export function parseNumber(text: string, extract: 'whole' | 'last'): number | undefined {
  if (extract === 'whole') {
    const trimmed = text.trim();
    if (!WHOLE_NUMBER.test(trimmed)) return undefined;
    return Number(trimmed.replaceAll(',', ''));
  }
  const matches = text
    .match(LAST_NUMBER)
    ?.map((m) => m.replaceAll(',', ''))
    .filter((m) => /\d/.test(m));
  const last = matches?.[matches.length - 1];
  return last === undefined ? undefined : Number(last);
}

function checkTolerance(value: unknown, name: string): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option ${name} must be a finite number ≥ 0; got ${describeValue(value)}.`,
      name,
    );
  }
  return value;
}

function toNumber(value: unknown, name: string, extract: 'whole' | 'last'): number | undefined {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) {
      throw new TextMetricsError('INVALID_ARGUMENT', `Argument ${name} must not be NaN.`, name);
    }
    return value;
  }
  return parseNumber(checkString(value, name), extract);
}

/**
 * Numeric match: 1 when the prediction reads as a number within the tolerances of the reference,
 * else 0 (also 0 when the prediction holds no number).
 *
 * @remarks
 * The test is Python's `math.isclose`: `|p - r| ≤ max(relativeTolerance · max(|p|, |r|),
 * absoluteTolerance)`, so with both tolerances 0 the numbers must be equal. Text is read by
 * {@link parseNumber}: `'whole'` accepts `42`, `-3.5`, `1,234`, `2e3` (trimmed) and nothing around
 * them; `'last'` takes the last number in the text (for worked answers ending in the result).
 *
 * @param prediction - the model's answer (text or a number)
 * @param reference - the expected number (a number, or text read the same way)
 * @param options - `absoluteTolerance` (0), `relativeTolerance` (0), `extract` (`'whole'`)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a reference that holds no number or is
 *   NaN; `INVALID_OPTION` for a negative or non-finite tolerance or an unknown `extract`
 * @example
 * ```ts
 * import { numericMatch } from '@assay/text-metrics';
 * numericMatch('1.25', 1.251, { absoluteTolerance: 0.01 }); // 1
 * numericMatch('The total is 1,250.', '1250', { extract: 'last' }); // 1
 * numericMatch('about 100', 100); // 0 (not a number as a whole)
 * ```
 */
export function numericMatch(
  prediction: string | number,
  reference: string | number,
  options?: NumericMatchOptions,
): number {
  const checked = readKnownOptions(options, ['absoluteTolerance', 'relativeTolerance', 'extract']);
  const absolute = checkTolerance(checked.absoluteTolerance, 'options.absoluteTolerance');
  const relative = checkTolerance(checked.relativeTolerance, 'options.relativeTolerance');
  const extract = checkChoice(checked.extract, EXTRACTS, 'whole', 'options.extract');
  const expected = toNumber(reference, 'reference', extract);
  if (expected === undefined) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument reference must be a number or text holding one; got ${describeValue(reference)}.`,
      'reference',
    );
  }
  const actual = toNumber(prediction, 'prediction', extract);
  if (actual === undefined) return 0;
  if (actual === expected) return 1;
  const difference = Math.abs(actual - expected);
  return difference <= Math.max(relative * Math.max(Math.abs(actual), Math.abs(expected)), absolute)
    ? 1
    : 0;
}
