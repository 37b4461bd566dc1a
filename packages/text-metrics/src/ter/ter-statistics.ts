import { pySplit } from '../python-compat/python-strings.js';
import { pythonRstrip } from '../sacrebleu/python-text.js';
import { STATISTICS_HEADER, writeSegmentHeader } from '../sacrebleu/segment-statistics.js';
import {
  type TercomTokenizerOptions,
  tokenizeTercomUnchecked,
} from '../tokenizers/tokenizer-tercom.js';
import { translationEditRate } from './translation-edit-rate.js';

/**
 * Length of a TER statistics vector: header, fewest edits, mean reference length.
 *
 * @example
 * TER_STATISTICS_LENGTH; // 5
 */
export const TER_STATISTICS_LENGTH = STATISTICS_HEADER + 2;

/**
 * The TER statistics of one segment without argument checks (sacrebleu's
 * `TER._compute_segment_statistics`): the fewest edits over the references and the mean
 * reference length in words.
 *
 * sacrebleu tokenizes every reference twice: `_cache_references` preprocesses it and
 * `TER._extract_reference_info` preprocesses the result again. The tercom tokenizer is not
 * idempotent with `normalized` (`it's机` → `it's 机` with `asianSupport`, whose `'s ` the
 * second pass splits into `it 's 机`), so the second pass is kept here too.
 *
 * @example
 * terSegmentStatistics('The cat', ['the cat', 'a cat sat'], resolveTerOptions({}));
 * // Float64Array [1, 2, 4, 0, 2.5] (0 edits against 'the cat'; mean reference length 2.5)
 */
export function terSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  options: TercomTokenizerOptions,
): Float64Array {
  const ids = new Map<string, number>();
  const tokenize = (text: string): string => tokenizeTercomUnchecked(pythonRstrip(text), options);
  const encode = (text: string): Int32Array => {
    const words = pySplit(text);
    return Int32Array.from(words, (word) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = ids.size));
      return id;
    });
  };
  const hyp = encode(tokenize(hypothesis));
  let referenceLengths = 0;
  let bestEdits = 1e16;
  for (const reference of references) {
    const [edits, length] = translationEditRate(hyp, encode(tokenize(tokenize(reference))));
    referenceLengths += length;
    if (edits < bestEdits) bestEdits = edits;
  }
  const statistics = new Float64Array(TER_STATISTICS_LENGTH);
  writeSegmentHeader(statistics, references.length);
  statistics[STATISTICS_HEADER] = bestEdits;
  statistics[STATISTICS_HEADER + 1] = referenceLengths / references.length;
  return statistics;
}
