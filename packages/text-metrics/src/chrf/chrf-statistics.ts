import { pySplit } from '../python-compat/python-strings.js';
import { codePointOffsets } from '../sacrebleu/python-text.js';
import { SegmentNgrams } from '../sacrebleu/segment-ngrams.js';
import { STATISTICS_HEADER, writeSegmentHeader } from '../sacrebleu/segment-statistics.js';
import { chrfStatisticsLength, type ResolvedChrfOptions } from './chrf-options.js';
import { chrfFScore } from './chrf-score.js';

/*
 * A port of sacrebleu's chrF segment statistics (metrics/chrf.py, metrics/helpers.py).
 * Character n-grams are over code points, as Python slices a `str`, and are counted by dense
 * integer ids (segment-ngrams.ts), not by strings.
 */

const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

// one per thread, reused segment after segment
const ngrams = new SegmentNgrams();

/** sacrebleu's `_remove_punctuation`: one ASCII punctuation mark split off a word's end or start. */
function chrfWords(line: string): string[] {
  const words: string[] = [];
  for (const word of pySplit(line)) {
    if (codePointOffsets(word).length === 2) words.push(word);
    else if (PUNCTUATION.has(word.at(-1)!)) words.push(word.slice(0, -1), word.at(-1)!);
    else if (PUNCTUATION.has(word[0]!)) words.push(word[0]!, word.slice(1));
    else words.push(word);
  }
  return words;
}

/**
 * For `orders` n-gram orders of the segment in `ngrams` (sequence 0 the hypothesis, r the
 * reference r - 1), writes (hypothesis, reference, matched) counts into each reference's
 * statistics from slot `first`. sacrebleu does not count hypothesis n-grams of an order the
 * reference has none of.
 */
function writeOrders(statistics: readonly Float64Array[], orders: number, first: number): void {
  for (let k = 0; k < orders; k++) {
    ngrams.nextOrder();
    const hypothesisCount = ngrams.count(0);
    const available = ngrams.counts(0);
    statistics.forEach((into, index) => {
      const r = index + 1;
      ngrams.tally(r, available);
      const matches = ngrams.consumeMatches(0, available);
      ngrams.clear(r, available);
      const referenceCount = ngrams.count(r);
      const at = first + 3 * k;
      into[at] = referenceCount > 0 ? hypothesisCount : 0;
      into[at + 1] = referenceCount;
      into[at + 2] = matches;
    });
  }
}

/**
 * The chrF statistics of one segment without argument checks: the (hyp, ref, match) counts
 * against the reference with the best sentence chrF (the first on a tie), as sacrebleu.
 * `references` holds at least one string; a new vector of `chrfStatisticsLength(options)` slots.
 *
 * @example
 * chrfSegmentStatistics('ab', ['xy', 'abc'], resolveChrfOptions({ charOrder: 2 }));
 * // Float64Array [1, 2, 4, 2, 3, 2, 1, 2, 1] (the counts against 'abc')
 */
export function chrfSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  options: ResolvedChrfOptions,
): Float64Array {
  const lower = options.lowercase;
  const hypothesisText = lower ? hypothesis.toLowerCase() : hypothesis;
  const referenceTexts = lower ? references.map((r) => r.toLowerCase()) : references;
  const statistics = references.map(() => new Float64Array(chrfStatisticsLength(options)));
  ngrams.begin();
  ngrams.addCharacters(hypothesisText, options.whitespace);
  for (const reference of referenceTexts) ngrams.addCharacters(reference, options.whitespace);
  writeOrders(statistics, options.charOrder, STATISTICS_HEADER);
  if (options.wordOrder > 0) {
    ngrams.begin();
    for (const text of [hypothesisText, ...referenceTexts]) {
      for (const word of chrfWords(text)) ngrams.addToken(word);
      ngrams.endSequence();
    }
    writeOrders(statistics, options.wordOrder, STATISTICS_HEADER + 3 * options.charOrder);
  }
  let best = statistics[0]!;
  let bestScore = -1;
  for (const candidate of statistics) {
    const score = chrfFScore(candidate, options);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  writeSegmentHeader(best, references.length);
  return best;
}

/**
 * Adds the chrF statistics of one segment to `total` (a corpus total), without argument checks;
 * see {@link chrfSegmentStatistics}.
 *
 * @example
 * const options = resolveChrfOptions({ charOrder: 2 });
 * const total = chrfSegmentStatistics('ab', ['abc'], options);
 * addChrfSegmentStatistics(total, 'ab', ['ab'], options);
 * total; // Float64Array [2, 2, 2, 4, 5, 4, 2, 3, 2]
 */
export function addChrfSegmentStatistics(
  total: Float64Array,
  hypothesis: string,
  references: readonly string[],
  options: ResolvedChrfOptions,
): void {
  const statistics = chrfSegmentStatistics(hypothesis, references, options);
  for (let k = 0; k < total.length; k++) total[k]! += statistics[k]!;
}
