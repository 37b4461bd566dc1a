import { closestName, describeValue } from '@assay/labels';
import { RunnerError } from '../errors.js';

/**
 * lm-evaluation-harness's `exact_match` options (applied in its order: case, punctuation,
 * numbers), for `normalize`.
 */
export interface HarnessNormalization {
  /** Lowercase both sides. */
  readonly ignoreCase?: boolean | undefined;
  /** Remove Python's `string.punctuation` (the 32 ASCII marks) from both sides. */
  readonly ignorePunctuation?: boolean | undefined;
  /** Remove the ASCII digits from both sides. */
  readonly ignoreNumbers?: boolean | undefined;
}

/**
 * How `exact_match` and `token_f1` compare texts: `squad` (SQuAD v1.1's `normalize_answer`,
 * the default), `none` (the raw strings; tokens split on whitespace), or lm-evaluation-harness
 * options.
 */
export type GenerationNormalize = 'squad' | 'none' | HarnessNormalization;

/** A {@link GenerationNormalize} checked and made plain data (it travels to the workers). */
export type ResolvedNormalize =
  | { readonly mode: 'squad' }
  | { readonly mode: 'none' }
  | {
      readonly mode: 'harness';
      readonly ignoreCase: boolean;
      readonly ignorePunctuation: boolean;
      readonly ignoreNumbers: boolean;
    };

const HARNESS_FLAGS = {
  ignore_case: 'ignoreCase',
  ignore_punctuation: 'ignorePunctuation',
  ignore_numbers: 'ignoreNumbers',
} as const;

/** The `--normalize` forms, for messages. */
const FORMS = `squad, none, or a comma-separated list of ${Object.keys(HARNESS_FLAGS).join(', ')}`;

/**
 * The refusal of a `--normalize` text holding an unknown word, as one sentence and its
 * advice: the text quoted once (the word again only when the list has others), a near miss
 * named as a question, then the valid forms.
 */
function unknownNormalize(text: string, word: string): RunnerError {
  const subject =
    text.trim() === word
      ? `normalize "${word}" is not a normalization`
      : `normalize "${text}" holds "${word}", which is not a normalization`;
  const near = closestName(word, ['squad', 'none', ...Object.keys(HARNESS_FLAGS)]);
  const advice = near === undefined ? `; use ${FORMS}.` : `; did you mean "${near}"? Use ${FORMS}.`;
  return new RunnerError('INVALID_OPTION', `${subject}${advice}`, {
    path: 'normalize',
  });
}

/**
 * Reads the `--normalize` text: `squad`, `none`, or a comma-separated list of
 * `ignore_case`, `ignore_punctuation`, `ignore_numbers`.
 *
 * @param text - the option as written
 * @returns the normalization
 * @throws {@link RunnerError} `INVALID_OPTION` naming the unknown word and the valid forms
 * @example
 * ```ts
 * import { parseNormalize } from '@assay/runner';
 * parseNormalize('ignore_case,ignore_punctuation'); // { ignoreCase: true, ignorePunctuation: true }
 * ```
 */
export function parseNormalize(text: string): GenerationNormalize {
  const trimmed = text.trim();
  if (trimmed === 'squad' || trimmed === 'none') return trimmed;
  const out: { -readonly [K in keyof HarnessNormalization]: boolean } = {};
  for (const word of trimmed.split(',').map((w) => w.trim())) {
    const key = HARNESS_FLAGS[word as keyof typeof HARNESS_FLAGS];
    if (key === undefined) throw unknownNormalize(text, word);
    out[key] = true;
  }
  return out;
}

/**
 * Checks a {@link GenerationNormalize} option.
 *
 * @param value - the option (default `squad`)
 * @returns the plain form
 * @throws {@link RunnerError} `INVALID_OPTION` for anything else
 * @example
 * resolveNormalize(undefined); // { mode: 'squad' }
 */
export function resolveNormalize(value: unknown): ResolvedNormalize {
  if (value === undefined || value === 'squad') return { mode: 'squad' };
  if (value === 'none') return { mode: 'none' };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const flags = value as Record<string, unknown>;
    const flag = (key: keyof HarnessNormalization): boolean => {
      const v = flags[key];
      if (v === undefined || typeof v === 'boolean') return v === true;
      throw new RunnerError(
        'INVALID_OPTION',
        `normalize.${key} must be true or false, got ${describeValue(v)}.`,
        { path: `normalize.${key}` },
      );
    };
    const unknown = Object.keys(flags).find(
      (k) => !(Object.values(HARNESS_FLAGS) as string[]).includes(k),
    );
    if (unknown === undefined) {
      return {
        mode: 'harness',
        ignoreCase: flag('ignoreCase'),
        ignorePunctuation: flag('ignorePunctuation'),
        ignoreNumbers: flag('ignoreNumbers'),
      };
    }
  }
  throw new RunnerError(
    'INVALID_OPTION',
    `normalize must be 'squad', 'none' or { ignoreCase?, ignorePunctuation?, ignoreNumbers? }, got ${typeof value === 'object' && value !== null ? JSON.stringify(value) : describeValue(value)}.`,
    { path: 'normalize' },
  );
}

/**
 * The `--normalize` text of a resolved normalization, for the report's settings.
 *
 * @param normalize - the resolved option
 * @returns e.g. `squad`, `none`, `ignore_case,ignore_numbers`
 * @example
 * normalizeText({ mode: 'squad' }); // 'squad'
 */
export function normalizeText(normalize: ResolvedNormalize): string {
  if (normalize.mode !== 'harness') return normalize.mode;
  const words = Object.entries(HARNESS_FLAGS)
    .filter(([, key]) => normalize[key])
    .map(([word]) => word);
  return words.length === 0 ? 'none' : words.join(',');
}

/** The characters of Python's `str.isspace()`, its `str.split()` separators. */
const PY_WHITESPACE: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
  0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
  0x205f, 0x3000,
]);
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const DIGITS = /[0-9]/g;

/**
 * The words of a text as Python's `str.split()` gives them (Unicode whitespace, no empty words).
 *
 * @param text - the text
 * @returns the words
 * @example
 * whitespaceTokens(' a  b\u3000c '); // ['a', 'b', 'c']
 */
export function whitespaceTokens(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    // every separator is one UTF-16 unit; surrogates are never separators
    if (PY_WHITESPACE.has(text.charCodeAt(i))) {
      if (start >= 0) words.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/**
 * Applies lm-evaluation-harness's options to one text, in its order (lowercase, then
 * remove `string.punctuation`, then remove the digits), for `token_f1` (`exact_match`
 * uses `@assay/text-metrics`' `exactMatch` itself).
 *
 * @param text - the text
 * @param options - the resolved harness options
 * @returns the transformed text
 * @example
 * harnessTransform('Paris, 2024!', { mode: 'harness', ignoreCase: true, ignorePunctuation: true, ignoreNumbers: true }); // 'paris '
 */
export function harnessTransform(
  text: string,
  options: Extract<ResolvedNormalize, { mode: 'harness' }>,
): string {
  let out = text;
  if (options.ignoreCase) out = out.toLowerCase();
  if (options.ignorePunctuation) out = out.replace(PUNCTUATION, '');
  if (options.ignoreNumbers) out = out.replace(DIGITS, '');
  return out;
}

/**
 * SQuAD's token F1 on given token lists: with `c` the size of the multiset intersection,
 * `2PR / (P + R)` where `P = c / |prediction|` and `R = c / |reference|`; 0 when `c = 0`
 * (so two empty token lists score 0, as SQuAD v1.1).
 *
 * @param prediction - the prediction's tokens
 * @param reference - the reference's tokens
 * @returns the F1 in [0, 1]
 * @example
 * tokenF1(['the', 'cat', 'sat'], ['a', 'cat', 'sat']); // 0.6666666666666666 (2 of 3 tokens shared)
 */
export function tokenF1(prediction: readonly string[], reference: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const token of reference) counts.set(token, (counts.get(token) ?? 0) + 1);
  let same = 0;
  for (const token of prediction) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      same += 1;
      counts.set(token, left - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / prediction.length;
  const recall = same / reference.length;
  return (2 * precision * recall) / (precision + recall);
}
