import { TextMetricsError } from '../errors.js';
import { lcsLength } from './lcs-length.js';

/**
 * rouge-score's scoring kernels (`rouge_scorer.py`) over token ids: n-gram overlap, LCS and the
 * summary-level union LCS of ROUGE-Lsum. Ids stand for tokens so comparisons are integer ones.
 */

/**
 * Precision, recall and F-measure of one ROUGE type.
 *
 * @example
 * ```ts
 * const score: RougeScore = { precision: 1, recall: 0.5, fmeasure: 2 / 3 };
 * ```
 */
export interface RougeScore {
  /** Matches over the prediction's n-grams (or tokens, for ROUGE-L). */
  readonly precision: number;
  /** Matches over the reference's n-grams (or tokens). */
  readonly recall: number;
  /** `2PR / (P + R)`, or 0 when `P + R = 0`. */
  readonly fmeasure: number;
}

const ZERO: RougeScore = { precision: 0, recall: 0, fmeasure: 0 };

/**
 * rouge-score's `scoring.fmeasure`, with its operation order.
 *
 * @example
 * ```ts
 * fmeasure(1, 0.5); // 0.6666666666666666
 * ```
 */
export function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function score(hits: number, targetCount: number, predictionCount: number): RougeScore {
  const precision = hits / Math.max(predictionCount, 1);
  const recall = hits / Math.max(targetCount, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function ngramCounts(ids: Int32Array, n: number, radix: number): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  // a numeric key while radix^n stays exact in a double, a string key beyond
  const numeric = n * Math.log2(Math.max(radix, 2)) < 52;
  for (let i = 0; i + n <= ids.length; i += 1) {
    let key: number | string;
    if (numeric) {
      key = 0;
      for (let k = 0; k < n; k += 1) key = key * radix + ids[i + k]!;
    } else {
      key = Array.from(ids.subarray(i, i + n)).join(',');
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N: clipped n-gram overlap (`_score_ngrams`): `hits = Σ min(count_ref, count_pred)`,
 * precision over `max(#pred n-grams, 1)`, recall over `max(#ref n-grams, 1)`.
 *
 * @param target - reference token ids
 * @param prediction - prediction token ids
 * @param n - the n-gram order (≥ 1)
 * @param radix - one more than the largest id
 * @returns the score
 * @example
 * ```ts
 * rougeNScore(Int32Array.of(0, 1, 2), Int32Array.of(0, 1), 2, 3).recall; // 0.5
 * ```
 */
export function rougeNScore(
  target: Int32Array,
  prediction: Int32Array,
  n: number,
  radix: number,
): RougeScore {
  const targetCounts = ngramCounts(target, n, radix);
  const predictionCounts = ngramCounts(prediction, n, radix);
  let hits = 0;
  for (const [key, count] of targetCounts) {
    hits += Math.min(count, predictionCounts.get(key) ?? 0);
  }
  const targetTotal = Math.max(target.length - n + 1, 0);
  const predictionTotal = Math.max(prediction.length - n + 1, 0);
  return score(hits, targetTotal, predictionTotal);
}

/**
 * ROUGE-L (`_score_lcs`): LCS length over the prediction's and the reference's token counts; 0
 * when either side has no token.
 *
 * @param target - reference token ids
 * @param prediction - prediction token ids
 * @returns the score
 * @example
 * ```ts
 * rougeLScore(Int32Array.of(1, 2, 3), Int32Array.of(1, 3)).precision; // 1
 * ```
 */
export function rougeLScore(target: Int32Array, prediction: Int32Array): RougeScore {
  if (target.length === 0 || prediction.length === 0) return ZERO;
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/**
 * The reference indices of one LCS, read back as rouge-score's `_backtrack_norec` does (on a tie
 * it moves up a row, which decides which LCS is returned).
 */
function lcsIndices(ref: Int32Array, can: Int32Array, into: Set<number>): void {
  const cols = can.length + 1;
  const table = new Int32Array((ref.length + 1) * cols);
  for (let i = 1; i <= ref.length; i += 1) {
    for (let j = 1; j <= can.length; j += 1) {
      table[i * cols + j] =
        ref[i - 1] === can[j - 1]
          ? table[(i - 1) * cols + j - 1]! + 1
          : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      into.add(i - 1);
      i -= 1;
      j -= 1;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) {
      j -= 1;
    } else {
      i -= 1;
    }
  }
}

function tokenCounts(sentences: readonly Int32Array[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const sentence of sentences) {
    for (const id of sentence) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * The most cells one sentence pair's LCS table may have (2^27 `Int32`s, 512 MiB). ROUGE-Lsum
 * needs the table to read back which tokens the LCS takes; there is no linear-memory way to
 * read back the same LCS among ties as rouge-score's backtracking, so a larger pair is refused.
 */
const ROUGE_LSUM_MAX_CELLS = 2 ** 27;

function nonEmpty(sentences: readonly Int32Array[]): Int32Array[] {
  return sentences.filter((s) => s.length > 0);
}

/** Refuses, before any work, a sentence pair whose table would pass the limit. */
function checkTableSizes(refSentences: readonly Int32Array[], canSentences: readonly Int32Array[]) {
  const longest = (sentences: readonly Int32Array[]) => {
    let at = 0;
    sentences.forEach((s, i) => {
      if (s.length > sentences[at]!.length) at = i;
    });
    return at;
  };
  const r = longest(refSentences);
  const c = longest(canSentences);
  const rLength = refSentences[r]!.length;
  const cLength = canSentences[c]!.length;
  const cells = (rLength + 1) * (cLength + 1);
  if (cells <= ROUGE_LSUM_MAX_CELLS) return;
  throw new TextMetricsError(
    'TEXT_TOO_LONG',
    `rougeLsum would compare a reference sentence of ${rLength} tokens (non-empty line ${r + 1} of ${refSentences.length}) with a prediction sentence of ${cLength} tokens (non-empty line ${c + 1} of ${canSentences.length}), an LCS table of ${cells} cells, over the limit of ${ROUGE_LSUM_MAX_CELLS} (2^27); score such text with rougeL (any length), or split it into shorter sentences, one per line.`,
    'prediction',
  );
}

/**
 * ROUGE-Lsum (`_summary_level_lcs`, Lin 2004 §3.2): for each reference sentence the union of its
 * LCS with every prediction sentence; a token of the union is a hit while both sides still have an
 * unused occurrence of it (ROUGE 1.5.5's guard against double counting).
 *
 * @remarks
 * When each side has one sentence with tokens, the union is that one LCS, every token of which
 * both sides have unused, so the hits are the LCS length: computed in linear memory, as ROUGE-L,
 * with rouge-score's numbers. Otherwise each sentence pair fills an LCS table.
 *
 * @param refSentences - reference sentences as token ids
 * @param canSentences - prediction sentences as token ids
 * @returns the score
 * @throws {@link TextMetricsError} `TEXT_TOO_LONG` when both sides have several sentences and a
 *   pair's table would pass 2^27 cells
 * @example
 * ```ts
 * rougeLsumScore([Int32Array.of(1, 2)], [Int32Array.of(2), Int32Array.of(1)]).recall; // 1
 * ```
 */
export function rougeLsumScore(
  refSentences: readonly Int32Array[],
  canSentences: readonly Int32Array[],
): RougeScore {
  const refs = nonEmpty(refSentences);
  const cans = nonEmpty(canSentences);
  if (refs.length === 0 || cans.length === 0) return ZERO;
  if (refs.length === 1 && cans.length === 1) return rougeLScore(refs[0]!, cans[0]!);
  checkTableSizes(refs, cans);
  const m = refs.reduce((sum, s) => sum + s.length, 0);
  const n = cans.reduce((sum, s) => sum + s.length, 0);
  const refLeft = tokenCounts(refs);
  const canLeft = tokenCounts(cans);
  let hits = 0;
  for (const ref of refs) {
    const union = new Set<number>();
    for (const can of cans) lcsIndices(ref, can, union);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = ref[index]!;
      const c = canLeft.get(token) ?? 0;
      const r = refLeft.get(token) ?? 0;
      if (c > 0 && r > 0) {
        hits += 1;
        canLeft.set(token, c - 1);
        refLeft.set(token, r - 1);
      }
    }
  }
  const recall = hits / m;
  const precision = hits / n;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}
