import { pySplit } from '../python-compat/python-strings.js';
import { pythonRstrip } from '../sacrebleu/python-text.js';
import { STATISTICS_HEADER, writeSegmentHeader } from '../sacrebleu/segment-statistics.js';
import {
  type TercomTokenizerOptions,
  tokenizeTercomUnchecked,
} from '../tokenizers/tokenizer-tercom.js';
import { translationEditRate } from './translation-edit-rate.js';

/** Length of a TER statistics vector: header, fewest edits, mean reference length. */
export const TER_STATISTICS_LENGTH = STATISTICS_HEADER + 2;

/**
 * The TER statistics of one segment without argument checks (sacrebleu's
 * `TER._compute_segment_statistics`): the fewest edits over the references and the mean
 * reference length in words.
 */
export function terSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  options: TercomTokenizerOptions,
): Float64Array {
  const ids = new Map<string, number>();
  const encode = (text: string): Int32Array => {
    const words = pySplit(tokenizeTercomUnchecked(pythonRstrip(text), options));
    return Int32Array.from(words, (word) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = ids.size));
      return id;
    });
  };
  const hyp = encode(hypothesis);
  let referenceLengths = 0;
  let bestEdits = 1e16;
  for (const reference of references) {
    const [edits, length] = translationEditRate(hyp, encode(reference));
    referenceLengths += length;
    if (edits < bestEdits) bestEdits = edits;
  }
  const statistics = new Float64Array(TER_STATISTICS_LENGTH);
  writeSegmentHeader(statistics, references.length);
  statistics[STATISTICS_HEADER] = bestEdits;
  statistics[STATISTICS_HEADER + 1] = referenceLengths / references.length;
  return statistics;
}
