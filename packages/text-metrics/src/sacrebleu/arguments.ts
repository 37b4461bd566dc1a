import { checkBooleanOption, checkChoice, checkString, describeValue } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';
import { readKnownOptions } from '../option-keys.js';

/**
 * The references of one hypothesis without the missing ones: sacrebleu skips a `None` reference,
 * here `null` or `undefined`. At least one string must remain; otherwise, or for a value that is
 * neither, throws a `TextMetricsError` naming `argument`.
 *
 * @example
 * presentReferences(['a', null, 'b'], 'references'); // ['a', 'b']
 */
export function presentReferences(value: unknown, argument: string): string[] {
  if (!Array.isArray(value)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must be an array of reference strings (null or undefined for a missing one); got ${describeValue(value)}.`,
      argument,
    );
  }
  const present: string[] = [];
  value.forEach((reference: unknown, index) => {
    if (typeof reference === 'string') present.push(reference);
    else if (reference !== null && reference !== undefined) {
      throw new TextMetricsError(
        'INVALID_ARGUMENT',
        `Argument ${argument}[${index}] must be a reference string, or null or undefined for a missing reference; got ${describeValue(reference)}.`,
        `${argument}[${index}]`,
      );
    }
  });
  if (present.length === 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must hold at least one reference string; all ${value.length} entries are missing.`,
      argument,
    );
  }
  return present;
}

/**
 * Checks a corpus: as many reference lists as hypotheses, at least one hypothesis, each list
 * with at least one present reference (see {@link presentReferences}); throws a
 * `TextMetricsError` otherwise.
 *
 * @example
 * checkCorpus(['a'], [['a', null]]); // { hypotheses: ['a'], references: [['a']] }
 */
export function checkCorpus(
  hypotheses: unknown,
  referencesPerHypothesis: unknown,
): { hypotheses: string[]; references: string[][] } {
  if (!Array.isArray(hypotheses) || hypotheses.length === 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument hypotheses must be a non-empty array of strings; got ${describeValue(hypotheses)}.`,
      'hypotheses',
    );
  }
  if (!Array.isArray(referencesPerHypothesis)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument referencesPerHypothesis must be an array with one array of references per hypothesis; got ${describeValue(referencesPerHypothesis)}.`,
      'referencesPerHypothesis',
    );
  }
  if (referencesPerHypothesis.length !== hypotheses.length) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument referencesPerHypothesis must have one entry per hypothesis (${hypotheses.length}); got ${referencesPerHypothesis.length}.`,
      'referencesPerHypothesis',
    );
  }
  return {
    hypotheses: hypotheses.map((h, i) => checkString(h, `hypotheses[${i}]`)),
    references: referencesPerHypothesis.map((r, i) =>
      presentReferences(r, `referencesPerHypothesis[${i}]`),
    ),
  };
}

/**
 * The options object (or `{}` for undefined), with unknown keys refused (`INVALID_OPTION`,
 * with a did-you-mean, as every text metric refuses them) so that a typo is not ignored.
 *
 * @example
 * readOptions(undefined, ['lowercase']); // {}
 * readOptions({ lowercase: true }, ['lowercase']); // { lowercase: true }
 */
export function readOptions(
  options: unknown,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  return readKnownOptions(options as Readonly<Record<string, unknown>> | undefined, known);
}

/**
 * A boolean option, `fallback` when absent; throws a `TextMetricsError` for a non-boolean.
 *
 * @example
 * booleanOption({}, 'lowercase', false); // false
 */
export function booleanOption(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: boolean,
): boolean {
  return checkBooleanOption(options[key], fallback, `options.${key}`);
}

/**
 * One of `choices`, `fallback` when absent; throws a `TextMetricsError` for any other value.
 *
 * @example
 * choiceOption({ tokenize: 'intl' }, 'tokenize', '13a', ['13a', 'intl']); // 'intl'
 */
export function choiceOption<T extends string>(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: T,
  choices: readonly T[],
): T {
  return checkChoice(options[key], choices, fallback, `options.${key}`);
}

/**
 * An integer option in [min, max], `fallback` when absent (not checked against the bounds);
 * throws an `INVALID_OPTION` `TextMetricsError` otherwise.
 *
 * @example
 * integerOption({}, 'maxNgramOrder', 4, 1, 100); // 4
 */
export function integerOption(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option options.${key} must be an integer from ${min} to ${max}; got ${describeValue(value)}.`,
      `options.${key}`,
    );
  }
  return value;
}

/**
 * A finite number option >= `min`, `fallback` when absent; throws an `INVALID_OPTION`
 * `TextMetricsError` otherwise.
 *
 * @example
 * numberOption({ smoothValue: 0.5 }, 'smoothValue', 0.1, 0); // 0.5
 */
export function numberOption(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: number,
  min: number,
): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option options.${key} must be a finite number of at least ${min}; got ${describeValue(value)}.`,
      `options.${key}`,
    );
  }
  return value;
}
