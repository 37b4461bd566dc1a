import { pySplit } from '../python-compat/python-strings.js';
import { codePointOffsets } from '../sacrebleu/python-text.js';
import { STATISTICS_HEADER, writeSegmentHeader } from '../sacrebleu/segment-statistics.js';
import { chrfStatisticsLength, type ResolvedChrfOptions } from './chrf-options.js';
import { chrfFScore } from './chrf-score.js';

/*
 * A port of sacrebleu's chrF segment statistics (metrics/chrf.py, metrics/helpers.py).
 * Character n-grams are over code points, as Python slices a `str`.
 */

type Ngrams = Map<string, number>;

const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function count(into: Ngrams, key: string): void {
  into.set(key, (into.get(key) ?? 0) + 1);
}

function characterNgrams(line: string, options: ResolvedChrfOptions): Ngrams[] {
  if (!options.whitespace) line = pySplit(line).join('');
  const offsets = codePointOffsets(line);
  const length = offsets.length - 1;
  const orders: Ngrams[] = [];
  for (let n = 1; n <= options.charOrder; n++) {
    const ngrams: Ngrams = new Map();
    for (let i = 0; i + n <= length; i++) count(ngrams, line.slice(offsets[i], offsets[i + n]));
    orders.push(ngrams);
  }
  return orders;
}

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

function wordNgrams(words: readonly string[], n: number): Ngrams {
  const ngrams: Ngrams = new Map();
  for (let i = 0; i + n <= words.length; i++) count(ngrams, words.slice(i, i + n).join(' '));
  return ngrams;
}

/** Character n-grams of orders 1..charOrder, then word n-grams of orders 1..wordOrder. */
function allNgrams(line: string, options: ResolvedChrfOptions): Ngrams[] {
  if (options.lowercase) line = line.toLowerCase();
  const orders = characterNgrams(line, options);
  if (options.wordOrder > 0) {
    const words = chrfWords(line);
    for (let n = 1; n <= options.wordOrder; n++) orders.push(wordNgrams(words, n));
  }
  return orders;
}

function matchStatistics(hyp: Ngrams, ref: Ngrams, into: Float64Array, at: number): void {
  let matches = 0;
  let hypCount = 0;
  for (const [key, n] of hyp) {
    hypCount += n;
    const available = ref.get(key);
    if (available !== undefined) matches += Math.min(n, available);
  }
  let refCount = 0;
  for (const n of ref.values()) refCount += n;
  // sacrebleu does not count hypothesis n-grams of an order the reference has none of.
  into[at] = ref.size > 0 ? hypCount : 0;
  into[at + 1] = refCount;
  into[at + 2] = matches;
}

/**
 * The chrF statistics of one segment without argument checks: the (hyp, ref, match) counts
 * against the reference with the best sentence chrF (the first on a tie), as sacrebleu.
 */
export function chrfSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  options: ResolvedChrfOptions,
): Float64Array {
  const hyp = allNgrams(hypothesis, options);
  let best: Float64Array | undefined;
  let bestScore = -1;
  for (const reference of references) {
    const ref = allNgrams(reference, options);
    const statistics = new Float64Array(chrfStatisticsLength(options));
    hyp.forEach((h, k) => {
      matchStatistics(h, ref[k]!, statistics, STATISTICS_HEADER + 3 * k);
    });
    const score = chrfFScore(statistics, options);
    if (score > bestScore) {
      bestScore = score;
      best = statistics;
    }
  }
  writeSegmentHeader(best!, references.length);
  return best!;
}
