import { pySplit } from '../python-compat/python-strings.js';
import { pythonRstrip } from '../sacrebleu/python-text.js';
import { SegmentNgrams } from '../sacrebleu/segment-ngrams.js';
import { addSegmentHeader, STATISTICS_HEADER } from '../sacrebleu/segment-statistics.js';
import { Tokenizer13a } from '../tokenizers/tokenizer-13a.js';
import { tokenizeCharUnchecked } from '../tokenizers/tokenizer-char.js';
import { tokenizeIntlUnchecked } from '../tokenizers/tokenizer-intl.js';
import { tokenizeZhUnchecked } from '../tokenizers/tokenizer-zh.js';
import { bleuStatisticsLength, type ResolvedBleuOptions } from './bleu-options.js';
import type { BleuTokenizer } from './bleu-tokenizers.js';

/*
 * A port of sacrebleu's BLEU segment statistics (metrics/bleu.py, metrics/helpers.py). Layout
 * after the 3-slot header: hypothesis length, closest reference length, matched n-grams of
 * orders 1..N (clipped by the maximum count over the references), hypothesis n-grams 1..N.
 * N-grams are counted by dense integer ids (segment-ngrams.ts), not by joined strings.
 */

// one of each per thread, reused segment after segment
const tokenizer = new Tokenizer13a();
const ngrams = new SegmentNgrams();

/** The tokenizers that build the tokenized line as a string (13a has its own scan). */
const STRING_TOKENIZERS: Readonly<Record<Exclude<BleuTokenizer, '13a'>, (line: string) => string>> =
  {
    none: (line) => line,
    intl: tokenizeIntlUnchecked,
    char: tokenizeCharUnchecked,
    zh: tokenizeZhUnchecked,
  };

/**
 * Appends one segment's tokens to `ngrams` as a sequence and returns their number: sacrebleu's
 * `_preprocess_segment` (lowercase optionally, strip trailing whitespace, tokenize), then the
 * tokens split on whitespace.
 */
function addTokens(text: string, options: ResolvedBleuOptions): number {
  if (options.lowercase) text = text.toLowerCase();
  text = pythonRstrip(text);
  let count: number;
  if (options.tokenize === '13a') {
    tokenizer.run(text);
    count = tokenizer.count;
    const { units, tokenBounds } = tokenizer;
    for (let k = 0; k < count; k++) {
      ngrams.addTokenUnits(units, tokenBounds[2 * k]!, tokenBounds[2 * k + 1]!);
    }
  } else {
    const tokens = pySplit(STRING_TOKENIZERS[options.tokenize](text));
    for (const token of tokens) ngrams.addToken(token);
    count = tokens.length;
  }
  ngrams.endSequence();
  return count;
}

/** sacrebleu's `_get_closest_ref_len`: the nearest length, the shorter one on a tie. */
function closestReferenceLength(
  hypothesisLength: number,
  referenceLengths: readonly number[],
): number {
  let closestDiff = -1;
  let closestLength = -1;
  for (const length of referenceLengths) {
    const diff = Math.abs(hypothesisLength - length);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLength = length;
    } else if (diff === closestDiff && length < closestLength) {
      closestLength = length;
    }
  }
  return closestLength;
}

/**
 * The BLEU statistics of one segment without argument checks: `references` holds at least one
 * string (missing references already dropped). A new vector of
 * `bleuStatisticsLength(options.maxNgramOrder)` slots.
 *
 * @example
 * bleuSegmentStatistics('the cat sat', ['the cat sat down'], resolveBleuOptions({}, false));
 * // Float64Array [1, 1, 1, 3, 4, 3, 2, 1, 0, 3, 2, 1, 0] (header, lengths 3 and 4, matches, totals)
 */
export function bleuSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  options: ResolvedBleuOptions,
): Float64Array {
  const statistics = new Float64Array(bleuStatisticsLength(options.maxNgramOrder));
  addBleuSegmentStatistics(statistics, hypothesis, references, options);
  return statistics;
}

/**
 * Adds the BLEU statistics of one segment to `statistics` (a corpus total), without argument
 * checks; see {@link bleuSegmentStatistics}.
 *
 * @example
 * const total = new Float64Array(13);
 * addBleuSegmentStatistics(total, 'the cat', ['the cat'], resolveBleuOptions({}, false));
 * addBleuSegmentStatistics(total, 'a dog', ['a dog', 'the dog'], resolveBleuOptions({}, false));
 * Array.from(total.subarray(0, 5)); // [2, 3, 5, 4, 4] (2 segments, 3 references, 1² + 2², lengths)
 */
export function addBleuSegmentStatistics(
  statistics: Float64Array,
  hypothesis: string,
  references: readonly string[],
  options: ResolvedBleuOptions,
): void {
  const order = options.maxNgramOrder;
  ngrams.begin();
  // sequence 0 is the hypothesis, 1..R the references
  const hypothesisLength = addTokens(hypothesis, options);
  const referenceLengths = references.map((reference) => addTokens(reference, options));
  addSegmentHeader(statistics, references.length);
  statistics[STATISTICS_HEADER]! += hypothesisLength;
  statistics[STATISTICS_HEADER + 1]! += closestReferenceLength(hypothesisLength, referenceLengths);
  const correctAt = STATISTICS_HEADER + 2;
  const totalAt = correctAt + order;
  for (let n = 0; n < order; n++) {
    ngrams.nextOrder();
    // the most of each n-gram any one reference holds, then the hypothesis's clipped matches
    const available = ngrams.counts(0);
    if (references.length === 1) ngrams.tally(1, available);
    else {
      const scratch = ngrams.counts(1);
      for (let r = 1; r <= references.length; r++) ngrams.raiseTo(r, available, scratch);
    }
    statistics[correctAt + n]! += ngrams.consumeMatches(0, available);
    statistics[totalAt + n]! += ngrams.count(0);
    for (let r = 1; r <= references.length; r++) ngrams.clear(r, available);
  }
}
