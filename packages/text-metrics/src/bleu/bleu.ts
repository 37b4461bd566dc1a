import { checkString } from '../argument-checks.js';
import { checkCorpus, presentReferences } from '../sacrebleu/arguments.js';
import {
  checkCorpusStatistics,
  referenceCountLabel,
  sumStatistics,
} from '../sacrebleu/segment-statistics.js';
import {
  type BleuOptions,
  bleuSignature,
  bleuStatisticsLength,
  type ResolvedBleuOptions,
  resolveBleuOptions,
} from './bleu-options.js';
import { type BleuScore, computeBleu } from './bleu-score.js';
import { addBleuSegmentStatistics, bleuSegmentStatistics } from './bleu-statistics.js';

function scoreFromStatistics(statistics: Float64Array, options: ResolvedBleuOptions): BleuScore {
  const signature = bleuSignature(options, referenceCountLabel(statistics));
  return { ...computeBleu(statistics, options), signature };
}

/**
 * Corpus BLEU exactly as sacrebleu 2.x `BLEU().corpus_score`: n-gram matches and lengths are
 * summed over the corpus, then BLEU = BP · exp(mean of log precisions), 0-100.
 *
 * @remarks
 * Per segment, hypothesis n-grams (orders 1-4 of 13a tokens) are clipped by the maximum count
 * in any reference, and the reference length is the closest one (the shorter on a tie).
 * BP = exp(1 − r/c) when c < r. `exp` smoothing (NIST): the k-th order with no match gets
 * precision 100 / (2^k · total). A `null`/`undefined` reference is skipped, as sacrebleu skips
 * `None`, so segments may have different numbers of references (signature `nrefs:var`).
 * Sources: Papineni et al. 2002; Chen and Cherry 2014 (smoothing); Post 2018, sacrebleu 2.6.0
 * `metrics/bleu.py`. Parity: committed sacrebleu fixtures, to 1e-6 on the 0-100 scale.
 *
 * Unlike sacrebleu's `corpus_bleu(hyps, [stream1, stream2])`, which takes one list per reference
 * stream, `referencesPerHypothesis` groups the references by hypothesis:
 * `[[refs of hyp 1], [refs of hyp 2], ...]`. Streams passed as they are are accepted when
 * there are as many streams as hypotheses, and then paired with the wrong hypotheses;
 * transpose them first: `hyps.map((_, i) => streams.map((s) => s[i]))`.
 * @param hypotheses - one hypothesis per segment
 * @param referencesPerHypothesis - the references of each segment (at least one string each)
 * @param options - sacrebleu's BLEU options (defaults: 13a, mixed case, `exp`, no effective order)
 * @returns the score, sacrebleu's details and its signature
 * @example
 * const bleu = corpusBleu(['The cat sat on the mat.'], [['The cat sat on a mat.']]);
 * bleu.score; // 48.89230224349009
 * bleu.signature; // 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0'
 */
export function corpusBleu(
  hypotheses: readonly string[],
  referencesPerHypothesis: readonly (readonly (string | null | undefined)[])[],
  options?: BleuOptions,
): BleuScore {
  const resolved = resolveBleuOptions(options, false);
  const corpus = checkCorpus(hypotheses, referencesPerHypothesis);
  const total = new Float64Array(bleuStatisticsLength(resolved.maxNgramOrder));
  corpus.hypotheses.forEach((h, i) => {
    addBleuSegmentStatistics(total, h, corpus.references[i]!, resolved);
  });
  return scoreFromStatistics(total, resolved);
}

/**
 * Sentence BLEU as sacrebleu's `sentence_bleu`: corpus BLEU of one segment with `exp` smoothing
 * and effective order on by default (orders the hypothesis has no n-gram of are skipped).
 *
 * @remarks Same definition and sources as {@link corpusBleu}.
 * @param hypothesis - the hypothesis
 * @param references - its references (`null`/`undefined` entries are skipped)
 * @param options - sacrebleu's BLEU options (default `effectiveOrder: true`)
 * @returns the score, details and signature (`eff:yes` by default)
 * @example
 * sentenceBleu('the cat sat', ['the cat sat down']).score; // 71.65313105737896
 */
export function sentenceBleu(
  hypothesis: string,
  references: readonly (string | null | undefined)[],
  options?: BleuOptions,
): BleuScore {
  const resolved = resolveBleuOptions(options, true);
  const statistics = bleuSegmentStatistics(
    checkString(hypothesis, 'hypothesis'),
    presentReferences(references, 'references'),
    resolved,
  );
  return scoreFromStatistics(statistics, resolved);
}

/**
 * The BLEU statistics of one segment, a plain Float64Array that {@link mergeBleuStatistics} sums
 * and {@link corpusBleuFromStatistics} scores, so corpus BLEU can be split across workers, folds
 * or bootstrap replicates.
 *
 * @remarks Layout: segments (1), reference count, its square, hypothesis length, closest
 * reference length, matches of orders 1..N, hypothesis n-grams of orders 1..N. Every slot is
 * additive. Only `lowercase`, `tokenize` and `maxNgramOrder` matter here.
 * @param hypothesis - the hypothesis
 * @param references - its references (`null`/`undefined` entries are skipped)
 * @param options - the options the corpus score will use
 * @returns 5 + 2·maxNgramOrder numbers
 * @example
 * Array.from(bleuStatistics('the cat sat', ['the cat sat down'])); // [1, 1, 1, 3, 4, 3, 2, 1, 0, 3, 2, 1, 0]
 */
export function bleuStatistics(
  hypothesis: string,
  references: readonly (string | null | undefined)[],
  options?: BleuOptions,
): Float64Array {
  return bleuSegmentStatistics(
    checkString(hypothesis, 'hypothesis'),
    presentReferences(references, 'references'),
    resolveBleuOptions(options, false),
  );
}

/**
 * Sums BLEU statistics (of segments or of already merged parts); merging any split of a corpus
 * gives the statistics of the whole.
 *
 * @param statistics - statistics from {@link bleuStatistics} or earlier merges, same options
 * @returns a new Float64Array
 * @example
 * const merged = mergeBleuStatistics([bleuStatistics('a b c d', ['a b c d']), bleuStatistics('e f', ['e g'])]);
 * corpusBleuFromStatistics(merged).score; // 88.91397050194612
 */
export function mergeBleuStatistics(statistics: readonly Float64Array[]): Float64Array {
  return sumStatistics(statistics, 'statistics', 'BLEU');
}

/**
 * Corpus BLEU from summed statistics, equal to {@link corpusBleu} over the same segments.
 *
 * @param statistics - merged statistics of at least one segment
 * @param options - the options the statistics were made with, plus smoothing / effective order
 * @returns the score, details and signature
 * @example
 * // no 4-gram in the hypothesis: 0 without effective order, as sacrebleu's corpus BLEU
 * corpusBleuFromStatistics(bleuStatistics('the cat sat', ['the cat sat down'])).score; // 0
 * corpusBleuFromStatistics(bleuStatistics('the cat sat', ['the cat sat down']), { effectiveOrder: true }).score; // 71.65313105737896
 */
export function corpusBleuFromStatistics(
  statistics: Float64Array,
  options?: BleuOptions,
): BleuScore {
  const resolved = resolveBleuOptions(options, false);
  const checked = checkCorpusStatistics(
    statistics,
    'statistics',
    'BLEU',
    bleuStatisticsLength(resolved.maxNgramOrder),
    'maxNgramOrder',
  );
  return scoreFromStatistics(checked, resolved);
}
