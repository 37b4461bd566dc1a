import { booleanOption, integerOption, readOptions } from '../sacrebleu/arguments.js';
import { STATISTICS_HEADER } from '../sacrebleu/segment-statistics.js';
import { formatSignature } from '../sacrebleu/signature.js';

/** Options of the chrF functions; the names follow sacrebleu's `CHRF(...)` arguments. */
export interface ChrfOptions {
  /** character n-gram order (default 6) */
  readonly charOrder?: number;
  /** word n-gram order: 0 = chrF (default), 2 = chrF++ */
  readonly wordOrder?: number;
  /** recall weight β of the F-score (default 2) */
  readonly beta?: number;
  /** lowercase first (default false) */
  readonly lowercase?: boolean;
  /** keep whitespace inside character n-grams (default false) */
  readonly whitespace?: boolean;
  /** chrF++.py / NLTK / Moses ε smoothing instead of sacrebleu's effective order (default false) */
  readonly epsSmoothing?: boolean;
}

/** Options with every default applied. */
export interface ResolvedChrfOptions {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly beta: number;
  readonly lowercase: boolean;
  readonly whitespace: boolean;
  readonly epsSmoothing: boolean;
}

const KNOWN = [
  'charOrder',
  'wordOrder',
  'beta',
  'lowercase',
  'whitespace',
  'epsSmoothing',
] as const;

/**
 * Checks and completes chrF options (defaults as sacrebleu's `CHRF()`: chrF2 of character
 * 6-grams); throws a `TextMetricsError` on an unknown key or an invalid value.
 *
 * @example
 * resolveChrfOptions({ wordOrder: 2 }); // { charOrder: 6, wordOrder: 2, beta: 2, lowercase: false, whitespace: false, epsSmoothing: false }
 */
export function resolveChrfOptions(options: unknown): ResolvedChrfOptions {
  const raw = readOptions(options, KNOWN);
  return {
    charOrder: integerOption(raw, 'charOrder', 6, 1, 100),
    wordOrder: integerOption(raw, 'wordOrder', 0, 0, 100),
    beta: integerOption(raw, 'beta', 2, 0, 1000),
    lowercase: booleanOption(raw, 'lowercase', false),
    whitespace: booleanOption(raw, 'whitespace', false),
    epsSmoothing: booleanOption(raw, 'epsSmoothing', false),
  };
}

/**
 * Length of a chrF statistics vector: the 3-slot header, then (hypothesis, reference, match)
 * counts for each character order, then each word order.
 *
 * @example
 * chrfStatisticsLength(resolveChrfOptions({})); // 21
 */
export function chrfStatisticsLength(options: ResolvedChrfOptions): number {
  return STATISTICS_HEADER + 3 * (options.charOrder + options.wordOrder);
}

/**
 * sacrebleu's chrF signature; `referenceCount` is the `nrefs` value (`eff:no` with `epsSmoothing`).
 *
 * @example
 * chrfSignature(resolveChrfOptions({}), '1'); // 'nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0'
 */
export function chrfSignature(options: ResolvedChrfOptions, referenceCount: string): string {
  return formatSignature(referenceCount, [
    ['case', options.lowercase ? 'lc' : 'mixed'],
    ['eff', !options.epsSmoothing],
    ['nc', options.charOrder],
    ['nw', options.wordOrder],
    ['space', options.whitespace],
  ]);
}

/**
 * sacrebleu's score name: `chrF` then β, then one `+` per word order.
 *
 * @example
 * chrfName(resolveChrfOptions({})); // 'chrF2'
 * chrfName(resolveChrfOptions({ wordOrder: 2 })); // 'chrF2++'
 */
export function chrfName(options: ResolvedChrfOptions): string {
  return `chrF${options.beta}${'+'.repeat(options.wordOrder)}`;
}
