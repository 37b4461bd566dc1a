import { checkString } from '../argument-checks.js';
import { checkCorpus, presentReferences } from '../sacrebleu/arguments.js';
import {
  checkCorpusStatistics,
  referenceCountLabel,
  sumStatistics,
} from '../sacrebleu/segment-statistics.js';
import {
  type ChrfOptions,
  chrfName,
  chrfSignature,
  chrfStatisticsLength,
  type ResolvedChrfOptions,
  resolveChrfOptions,
} from './chrf-options.js';
import { chrfFScore } from './chrf-score.js';
import { addChrfSegmentStatistics, chrfSegmentStatistics } from './chrf-statistics.js';

/** A chrF or chrF++ score with sacrebleu's name and signature. */
export interface ChrfScore {
  /** chrF on sacrebleu's 0-100 scale */
  readonly score: number;
  /** sacrebleu's name: `chrF2` for chrF, `chrF2++` for chrF++ (β and one `+` per word order) */
  readonly name: string;
  /** sacrebleu's signature, e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0` */
  readonly signature: string;
}

function scoreFromStatistics(statistics: Float64Array, options: ResolvedChrfOptions): ChrfScore {
  return {
    score: chrfFScore(statistics, options),
    name: chrfName(options),
    signature: chrfSignature(options, referenceCountLabel(statistics)),
  };
}

/**
 * Corpus chrF (`wordOrder: 0`) or chrF++ (`wordOrder: 2`) exactly as sacrebleu 2.x
 * `CHRF().corpus_score`: per-order n-gram counts are summed over the corpus, then scored once.
 *
 * @remarks
 * Character n-grams of orders 1-6 over code points, whitespace removed; for chrF++ also word
 * unigrams and bigrams after splitting one ASCII punctuation mark off each word's end (else its
 * start). Per segment, the reference with the best sentence chrF gives the counts. Score:
 * F_β = (1+β²)·P·R / (β²·P + R) with β = 2, P and R averaged over the orders where hypothesis
 * and reference both have n-grams (sacrebleu's effective order). `null`/`undefined` references
 * are skipped. Sources: Popović 2015 (chrF), 2017 (chrF++); sacrebleu 2.6.0 `metrics/chrf.py`.
 * Parity: committed sacrebleu fixtures, to 1e-6 on the 0-100 scale.
 *
 * Unlike sacrebleu's `corpus_chrf(hyps, [stream1, stream2])`, which takes one list per reference
 * stream, `referencesPerHypothesis` groups the references by hypothesis:
 * `[[refs of hyp 1], [refs of hyp 2], ...]`. Streams passed as they are are accepted when
 * there are as many streams as hypotheses, and then paired with the wrong hypotheses;
 * transpose them first: `hyps.map((_, i) => streams.map((s) => s[i]))`.
 * @param hypotheses - one hypothesis per segment
 * @param referencesPerHypothesis - the references of each segment (at least one string each)
 * @param options - sacrebleu's chrF options (defaults: char order 6, word order 0, β 2)
 * @returns the score, name and signature
 * @example
 * corpusChrf(['the cat sat on the mat'], [['the cat sat on a mat']]).score; // 72.0848317308462
 * corpusChrf(['the cat sat on the mat'], [['the cat sat on a mat']], { wordOrder: 2 }).name; // 'chrF2++'
 */
export function corpusChrf(
  hypotheses: readonly string[],
  referencesPerHypothesis: readonly (readonly (string | null | undefined)[])[],
  options?: ChrfOptions,
): ChrfScore {
  const resolved = resolveChrfOptions(options);
  const corpus = checkCorpus(hypotheses, referencesPerHypothesis);
  const total = new Float64Array(chrfStatisticsLength(resolved));
  corpus.hypotheses.forEach((h, i) => {
    addChrfSegmentStatistics(total, h, corpus.references[i]!, resolved);
  });
  return scoreFromStatistics(total, resolved);
}

/**
 * Sentence chrF / chrF++ as sacrebleu's `sentence_chrf`: {@link corpusChrf} of one segment.
 *
 * @param hypothesis - the hypothesis
 * @param references - its references (`null`/`undefined` entries are skipped)
 * @param options - sacrebleu's chrF options
 * @returns the score, name and signature
 * @example
 * sentenceChrf('the cat sat', ['the cat sat']).score; // 100
 */
export function sentenceChrf(
  hypothesis: string,
  references: readonly (string | null | undefined)[],
  options?: ChrfOptions,
): ChrfScore {
  const resolved = resolveChrfOptions(options);
  const statistics = chrfSegmentStatistics(
    checkString(hypothesis, 'hypothesis'),
    presentReferences(references, 'references'),
    resolved,
  );
  return scoreFromStatistics(statistics, resolved);
}

/**
 * The chrF statistics of one segment: a plain Float64Array that {@link mergeChrfStatistics} sums
 * and {@link corpusChrfFromStatistics} scores.
 *
 * @remarks Layout: segments (1), reference count, its square, then hypothesis, reference and
 * matched n-gram counts for each character order and then each word order. Every slot is additive.
 * @param hypothesis - the hypothesis
 * @param references - its references (`null`/`undefined` entries are skipped)
 * @param options - the options the corpus score will use
 * @returns 3 + 3·(charOrder + wordOrder) numbers
 * @example
 * chrfStatistics('ab', ['ab']).length; // 21
 */
export function chrfStatistics(
  hypothesis: string,
  references: readonly (string | null | undefined)[],
  options?: ChrfOptions,
): Float64Array {
  return chrfSegmentStatistics(
    checkString(hypothesis, 'hypothesis'),
    presentReferences(references, 'references'),
    resolveChrfOptions(options),
  );
}

/**
 * Sums chrF statistics; merging any split of a corpus gives the statistics of the whole.
 *
 * @param statistics - statistics from {@link chrfStatistics} or earlier merges, same options
 * @returns a new Float64Array
 * @example
 * const parts = [chrfStatistics('the cat', ['the cat']), chrfStatistics('a dog', ['the dog'])];
 * corpusChrfFromStatistics(mergeChrfStatistics(parts)).score; // 63.83219482394756
 */
export function mergeChrfStatistics(statistics: readonly Float64Array[]): Float64Array {
  return sumStatistics(statistics, 'statistics', 'chrF');
}

/**
 * Corpus chrF / chrF++ from summed statistics, equal to {@link corpusChrf} over the same segments.
 *
 * @param statistics - merged statistics of at least one segment
 * @param options - the options the statistics were made with
 * @returns the score, name and signature
 * @example
 * corpusChrfFromStatistics(chrfStatistics('the cat', ['the cat'])).score; // 100
 */
export function corpusChrfFromStatistics(
  statistics: Float64Array,
  options?: ChrfOptions,
): ChrfScore {
  const resolved = resolveChrfOptions(options);
  const checked = checkCorpusStatistics(
    statistics,
    'statistics',
    'chrF',
    chrfStatisticsLength(resolved),
    'charOrder and wordOrder',
  );
  return scoreFromStatistics(checked, resolved);
}
