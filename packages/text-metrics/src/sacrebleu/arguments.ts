import { TextMetricsError } from '../errors.js';
import { describe } from './segment-statistics.js';

/** A string argument, or a TextMetricsError naming `argument` and saying what it holds. */
export function checkText(value: unknown, argument: string, what: string): string {
  if (typeof value !== 'string') {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must be a string (${what}); got ${describe(value)}.`,
    );
  }
  return value;
}

/** One hypothesis string, or a TextMetricsError naming `argument`. */
export function checkHypothesis(value: unknown, argument: string): string {
  return checkText(value, argument, 'the hypothesis');
}

/**
 * The references of one hypothesis without the missing ones: sacrebleu skips a `None` reference,
 * here `null` or `undefined`. At least one string must remain.
 */
export function checkReferences(value: unknown, argument: string): string[] {
  if (!Array.isArray(value)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must be an array of reference strings (null or undefined for a missing one); got ${describe(value)}.`,
    );
  }
  const present: string[] = [];
  value.forEach((reference: unknown, index) => {
    if (typeof reference === 'string') present.push(reference);
    else if (reference !== null && reference !== undefined) {
      throw new TextMetricsError(
        'INVALID_ARGUMENT',
        `Argument ${argument}[${index}] must be a reference string, or null or undefined for a missing reference; got ${describe(reference)}.`,
      );
    }
  });
  if (present.length === 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must hold at least one reference string; all ${value.length} entries are missing.`,
    );
  }
  return present;
}

/** A corpus: as many reference lists as hypotheses, at least one hypothesis. */
export function checkCorpus(
  hypotheses: unknown,
  referencesPerHypothesis: unknown,
): { hypotheses: string[]; references: string[][] } {
  if (!Array.isArray(hypotheses) || hypotheses.length === 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument hypotheses must be a non-empty array of strings; got ${describe(hypotheses)}.`,
    );
  }
  if (!Array.isArray(referencesPerHypothesis)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument referencesPerHypothesis must be an array with one array of references per hypothesis; got ${describe(referencesPerHypothesis)}.`,
    );
  }
  if (referencesPerHypothesis.length !== hypotheses.length) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument referencesPerHypothesis must have one entry per hypothesis (${hypotheses.length}); got ${referencesPerHypothesis.length}.`,
    );
  }
  return {
    hypotheses: hypotheses.map((h, i) => checkHypothesis(h, `hypotheses[${i}]`)),
    references: referencesPerHypothesis.map((r, i) =>
      checkReferences(r, `referencesPerHypothesis[${i}]`),
    ),
  };
}

/** The options object (or `{}`), with unknown keys refused so that a typo is not ignored. */
export function readOptions(
  options: unknown,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Argument options must be an object with the keys ${known.join(', ')}; got ${describe(options)}.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TextMetricsError(
        'INVALID_OPTION',
        `Option ${key} is unknown; the known options are ${known.join(', ')}.`,
      );
    }
  }
  return options as Record<string, unknown>;
}

/** A boolean option, `fallback` when absent. */
export function booleanOption(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: boolean,
): boolean {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option ${key} must be true or false; got ${describe(value)}.`,
    );
  }
  return value;
}

/** An integer option in [min, max], `fallback` when absent. */
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
      `Option ${key} must be an integer from ${min} to ${max}; got ${describe(value)}.`,
    );
  }
  return value;
}

/** One of `choices`, `fallback` when absent. */
export function choiceOption<T extends string>(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: T,
  choices: readonly T[],
): T {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option ${key} must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got ${describe(value)}.`,
    );
  }
  return value as T;
}

/** A finite number option >= `min`, `fallback` when absent. */
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
      `Option ${key} must be a finite number of at least ${min}; got ${describe(value)}.`,
    );
  }
  return value;
}
