import {
  booleanOption,
  choiceOption,
  integerOption,
  numberOption,
  readOptions,
} from '../sacrebleu/arguments.js';
import { formatSignature, formatTwoDecimals } from '../sacrebleu/signature.js';
import { BLEU_TOKENIZERS, type BleuTokenizer } from './bleu-tokenizers.js';

/** sacrebleu's BLEU smoothing methods (Chen and Cherry 2014). */
export type BleuSmoothMethod = 'exp' | 'none' | 'floor' | 'add-k';

/** Options of the BLEU functions; the names follow sacrebleu's `BLEU(...)` arguments. */
export interface BleuOptions {
  /** lowercase hypotheses and references first (default false; signature `case:lc`) */
  readonly lowercase?: boolean;
  /** tokenizer (default `13a`; the signature's `tok:` shows it as sacrebleu's does) */
  readonly tokenize?: BleuTokenizer;
  /** smoothing (default `exp`, NIST's geometric halving) */
  readonly smoothMethod?: BleuSmoothMethod;
  /** value for `floor` (default 0.1) and `add-k` (default 1) */
  readonly smoothValue?: number;
  /** skip n-gram orders the hypothesis has none of (default false for corpus BLEU, true for sentence BLEU, as sacrebleu's `corpus_bleu` / `sentence_bleu`) */
  readonly effectiveOrder?: boolean;
  /** highest n-gram order (default 4) */
  readonly maxNgramOrder?: number;
}

/** Options with every default applied. */
export interface ResolvedBleuOptions {
  readonly lowercase: boolean;
  readonly tokenize: BleuTokenizer;
  readonly smoothMethod: BleuSmoothMethod;
  readonly smoothValue: number;
  readonly effectiveOrder: boolean;
  readonly maxNgramOrder: number;
}

const KNOWN = [
  'lowercase',
  'tokenize',
  'smoothMethod',
  'smoothValue',
  'effectiveOrder',
  'maxNgramOrder',
] as const;

const SMOOTH_DEFAULTS: Readonly<Record<BleuSmoothMethod, number | undefined>> = {
  exp: undefined,
  none: undefined,
  floor: 0.1,
  'add-k': 1,
};

/**
 * Checks and completes BLEU options; `sentence` picks sacrebleu's sentence defaults (only
 * `effectiveOrder` differs: true for a sentence, false for a corpus). Throws a
 * `TextMetricsError` on an unknown key or an invalid value.
 *
 * @example
 * resolveBleuOptions({}, true).effectiveOrder; // true
 * resolveBleuOptions({ smoothMethod: 'floor' }, false).smoothValue; // 0.1
 */
export function resolveBleuOptions(options: unknown, sentence: boolean): ResolvedBleuOptions {
  const raw = readOptions(options, KNOWN);
  const smoothMethod = choiceOption<BleuSmoothMethod>(raw, 'smoothMethod', 'exp', [
    'exp',
    'none',
    'floor',
    'add-k',
  ]);
  const smoothValue = numberOption(raw, 'smoothValue', SMOOTH_DEFAULTS[smoothMethod] ?? 0, 0);
  return {
    lowercase: booleanOption(raw, 'lowercase', false),
    tokenize: choiceOption<BleuTokenizer>(raw, 'tokenize', '13a', BLEU_TOKENIZERS),
    smoothMethod,
    smoothValue,
    effectiveOrder: booleanOption(raw, 'effectiveOrder', sentence),
    maxNgramOrder: integerOption(raw, 'maxNgramOrder', 4, 1, 100),
  };
}

/**
 * Length of a BLEU statistics vector: the 3-slot header, hypothesis and reference length, then
 * matched and total n-grams of each order 1..maxNgramOrder.
 *
 * @example
 * bleuStatisticsLength(4); // 13
 */
export function bleuStatisticsLength(maxNgramOrder: number): number {
  return 5 + 2 * maxNgramOrder;
}

/**
 * sacrebleu's BLEU signature; `referenceCount` is the `nrefs` value (see `referenceCountLabel`).
 * `floor` and `add-k` show their smoothing value with two decimals, as sacrebleu.
 *
 * @example
 * bleuSignature(resolveBleuOptions({}, false), '1'); // 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0'
 * bleuSignature(resolveBleuOptions({ smoothMethod: 'add-k' }, true), 'var'); // 'nrefs:var|case:mixed|eff:yes|tok:13a|smooth:add-k[1.00]|version:2.6.0'
 */
export function bleuSignature(options: ResolvedBleuOptions, referenceCount: string): string {
  const smoothDefault = SMOOTH_DEFAULTS[options.smoothMethod];
  const smooth =
    smoothDefault === undefined
      ? options.smoothMethod
      : `${options.smoothMethod}[${formatTwoDecimals(options.smoothValue)}]`;
  return formatSignature(referenceCount, [
    ['case', options.lowercase ? 'lc' : 'mixed'],
    ['eff', options.effectiveOrder],
    ['tok', options.tokenize],
    ['smooth', smooth],
  ]);
}
