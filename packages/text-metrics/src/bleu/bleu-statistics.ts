import { pySplit } from '../python-compat/python-strings.js';
import { pythonRstrip } from '../sacrebleu/python-text.js';
import { STATISTICS_HEADER, writeSegmentHeader } from '../sacrebleu/segment-statistics.js';
import { tokenize13aUnchecked } from '../tokenizers/tokenizer-13a.js';
import { bleuStatisticsLength, type ResolvedBleuOptions } from './bleu-options.js';

/*
 * A port of sacrebleu's BLEU segment statistics (metrics/bleu.py, metrics/helpers.py). Layout
 * after the 3-slot header: hypothesis length, closest reference length, matched n-grams of
 * orders 1..N (clipped by the maximum count over the references), hypothesis n-grams 1..N.
 * An n-gram is keyed by its tokens joined with a space, which tokens never contain.
 */

/** Lowercase (optionally), strip trailing whitespace, tokenize: sacrebleu's `_preprocess_segment`. */
export function preprocessBleuSegment(text: string, options: ResolvedBleuOptions): string {
  if (options.lowercase) text = text.toLowerCase();
  text = pythonRstrip(text);
  return options.tokenize === '13a' ? tokenize13aUnchecked(text) : text;
}

/** Counts of the n-grams of each order 1..maxOrder (index n - 1) and the token count. */
function wordNgrams(
  line: string,
  maxOrder: number,
): { counts: Map<string, number>[]; length: number } {
  const tokens = pySplit(line);
  const counts: Map<string, number>[] = [];
  for (let n = 0; n < maxOrder; n++) counts.push(new Map());
  for (let i = 0; i < tokens.length; i++) {
    // The n-gram starting at i grows one token per order.
    let key = tokens[i]!;
    const last = Math.min(maxOrder, tokens.length - i);
    for (let n = 0; n < last; n++) {
      if (n > 0) key = `${key} ${tokens[i + n]}`;
      const order = counts[n]!;
      order.set(key, (order.get(key) ?? 0) + 1);
    }
  }
  return { counts, length: tokens.length };
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
 * string (missing references already dropped).
 */
export function bleuSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  options: ResolvedBleuOptions,
): Float64Array {
  const order = options.maxNgramOrder;
  const merged: Map<string, number>[] = [];
  const referenceLengths: number[] = [];
  for (const reference of references) {
    const { counts, length } = wordNgrams(preprocessBleuSegment(reference, options), order);
    referenceLengths.push(length);
    counts.forEach((ngrams, n) => {
      const into = merged[n];
      if (into === undefined) {
        merged[n] = ngrams;
        return;
      }
      for (const [key, count] of ngrams) {
        if (count > (into.get(key) ?? 0)) into.set(key, count);
      }
    });
  }
  const hyp = wordNgrams(preprocessBleuSegment(hypothesis, options), order);
  const statistics = new Float64Array(bleuStatisticsLength(order));
  writeSegmentHeader(statistics, references.length);
  statistics[STATISTICS_HEADER] = hyp.length;
  statistics[STATISTICS_HEADER + 1] = closestReferenceLength(hyp.length, referenceLengths);
  const correctAt = STATISTICS_HEADER + 2;
  const totalAt = correctAt + order;
  hyp.counts.forEach((ngrams, n) => {
    const reference = merged[n]!;
    let correct = 0;
    let total = 0;
    for (const [key, count] of ngrams) {
      total += count;
      const available = reference.get(key);
      if (available !== undefined) correct += Math.min(count, available);
    }
    statistics[correctAt + n] = correct;
    statistics[totalAt + n] = total;
  });
  return statistics;
}
