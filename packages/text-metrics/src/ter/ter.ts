import { checkString } from '../argument-checks.js';
import { checkCorpus, presentReferences } from '../sacrebleu/arguments.js';
import {
  checkCorpusStatistics,
  referenceCountLabel,
  STATISTICS_HEADER,
  sumStatistics,
} from '../sacrebleu/segment-statistics.js';
import type { TercomTokenizerOptions } from '../tokenizers/tokenizer-tercom.js';
import { resolveTerOptions, type TerOptions, terSignature } from './ter-options.js';
import { TER_STATISTICS_LENGTH, terSegmentStatistics } from './ter-statistics.js';

/** A TER score with sacrebleu's details and signature. */
export interface TerScore {
  /** TER on sacrebleu's 0-100 scale (lower is better; can exceed 100) */
  readonly score: number;
  /** total edits (shifts, insertions, deletions, substitutions), truncated to an integer as sacrebleu */
  readonly numEdits: number;
  /** summed per-segment mean reference length in words */
  readonly refLength: number;
  /** sacrebleu's signature, e.g. `nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0` */
  readonly signature: string;
}

function scoreFromStatistics(statistics: Float64Array, options: TercomTokenizerOptions): TerScore {
  const edits = statistics[STATISTICS_HEADER]!;
  const refLength = statistics[STATISTICS_HEADER + 1]!;
  // sacrebleu: an empty reference against a non-empty hypothesis is 100, both empty 0.
  let rate = edits > 0 ? 1 : 0;
  if (refLength > 0) rate = edits / refLength;
  return {
    score: 100 * rate,
    numEdits: Math.trunc(edits),
    refLength,
    signature: terSignature(options, referenceCountLabel(statistics)),
  };
}

/**
 * Corpus TER (translation edit rate) exactly as sacrebleu 2.x `TER().corpus_score`: the fewest
 * edits of each hypothesis over its references, summed, divided by the summed mean reference
 * lengths, ×100.
 *
 * @remarks
 * Edits are Tercom's: greedy block shifts (each counts one edit) while they lower the word edit
 * distance, then insertions, deletions and substitutions, with sacrebleu's beam (25 around the
 * diagonal) and limits (blocks ≤ 10 words, ≤ 50 apart, 1000 shift candidates). Text is
 * lowercased unless `caseSensitive` and tokenized by {@link tokenizeTercom}. `null`/`undefined`
 * references are skipped. Sources: Snover et al. 2006; sacrebleu 2.6.0 `metrics/ter.py`,
 * `metrics/lib_ter.py`. Parity: committed sacrebleu fixtures, to 1e-6 on the 0-100 scale.
 *
 * Unlike sacrebleu's `corpus_ter(hyps, [stream1, stream2])`, which takes one list per reference
 * stream, `referencesPerHypothesis` groups the references by hypothesis:
 * `[[refs of hyp 1], [refs of hyp 2], ...]`. Streams passed as they are are accepted when
 * there are as many streams as hypotheses, and then paired with the wrong hypotheses;
 * transpose them first: `hyps.map((_, i) => streams.map((s) => s[i]))`.
 * @param hypotheses - one hypothesis per segment
 * @param referencesPerHypothesis - the references of each segment (at least one string each)
 * @param options - sacrebleu's TER options (all false by default)
 * @returns the score, edits, reference length and signature
 * @example
 * corpusTer(['on the mat the cat sat'], [['the cat sat on the mat']]).score; // 16.666666666666664
 */
export function corpusTer(
  hypotheses: readonly string[],
  referencesPerHypothesis: readonly (readonly (string | null | undefined)[])[],
  options?: TerOptions,
): TerScore {
  const resolved = resolveTerOptions(options);
  const corpus = checkCorpus(hypotheses, referencesPerHypothesis);
  const parts = corpus.hypotheses.map((h, i) =>
    terSegmentStatistics(h, corpus.references[i]!, resolved),
  );
  return scoreFromStatistics(sumStatistics(parts, 'statistics', 'TER'), resolved);
}

/**
 * Sentence TER as sacrebleu's `sentence_ter`: {@link corpusTer} of one segment.
 *
 * @param hypothesis - the hypothesis
 * @param references - its references (`null`/`undefined` entries are skipped)
 * @param options - sacrebleu's TER options
 * @returns the score, edits, reference length and signature
 * @example
 * sentenceTer('the cat sat', ['the cat sat on the mat']).score; // 50
 */
export function sentenceTer(
  hypothesis: string,
  references: readonly (string | null | undefined)[],
  options?: TerOptions,
): TerScore {
  const resolved = resolveTerOptions(options);
  const statistics = terSegmentStatistics(
    checkString(hypothesis, 'hypothesis'),
    presentReferences(references, 'references'),
    resolved,
  );
  return scoreFromStatistics(statistics, resolved);
}

/**
 * The TER statistics of one segment: a plain Float64Array that {@link mergeTerStatistics} sums
 * and {@link corpusTerFromStatistics} scores.
 *
 * @remarks Layout: segments (1), reference count, its square, fewest edits, mean reference
 * length. Every slot is additive.
 * @param hypothesis - the hypothesis
 * @param references - its references (`null`/`undefined` entries are skipped)
 * @param options - the options the corpus score will use
 * @returns 5 numbers
 * @example
 * Array.from(terStatistics('the cat sat', ['the cat sat on the mat'])); // [1, 1, 1, 3, 6]
 */
export function terStatistics(
  hypothesis: string,
  references: readonly (string | null | undefined)[],
  options?: TerOptions,
): Float64Array {
  return terSegmentStatistics(
    checkString(hypothesis, 'hypothesis'),
    presentReferences(references, 'references'),
    resolveTerOptions(options),
  );
}

/**
 * Sums TER statistics; merging any split of a corpus gives the statistics of the whole.
 *
 * @param statistics - statistics from {@link terStatistics} or earlier merges, same options
 * @returns a new Float64Array
 * @example
 * const parts = [terStatistics('a b c', ['a b c d']), terStatistics('x', ['y'])];
 * corpusTerFromStatistics(mergeTerStatistics(parts)).score; // 40
 */
export function mergeTerStatistics(statistics: readonly Float64Array[]): Float64Array {
  return sumStatistics(statistics, 'statistics', 'TER');
}

/**
 * Corpus TER from summed statistics, equal to {@link corpusTer} over the same segments.
 *
 * @param statistics - merged statistics of at least one segment
 * @param options - the options the statistics were made with
 * @returns the score, edits, reference length and signature
 * @example
 * corpusTerFromStatistics(terStatistics('the cat sat', ['the cat sat on the mat'])).score; // 50
 */
export function corpusTerFromStatistics(statistics: Float64Array, options?: TerOptions): TerScore {
  const resolved = resolveTerOptions(options);
  const checked = checkCorpusStatistics(
    statistics,
    'statistics',
    'TER',
    TER_STATISTICS_LENGTH,
    'options',
  );
  return scoreFromStatistics(checked, resolved);
}
