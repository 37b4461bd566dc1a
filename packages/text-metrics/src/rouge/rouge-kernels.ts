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
 * ROUGE-Lsum (`_summary_level_lcs`, Lin 2004 §3.2): for each reference sentence the union of its
 * LCS with every prediction sentence; a token of the union is a hit while both sides still have an
 * unused occurrence of it (ROUGE 1.5.5's guard against double counting).
 *
 * @param refSentences - reference sentences as token ids
 * @param canSentences - prediction sentences as token ids
 * @returns the score
 * @example
 * ```ts
 * rougeLsumScore([Int32Array.of(1, 2)], [Int32Array.of(2), Int32Array.of(1)]).recall; // 1
 * ```
 */
export function rougeLsumScore(
  refSentences: readonly Int32Array[],
  canSentences: readonly Int32Array[],
): RougeScore {
  if (refSentences.length === 0 || canSentences.length === 0) return ZERO;
  const m = refSentences.reduce((sum, s) => sum + s.length, 0);
  const n = canSentences.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return ZERO;
  const refLeft = tokenCounts(refSentences);
  const canLeft = tokenCounts(canSentences);
  let hits = 0;
  for (const ref of refSentences) {
    const union = new Set<number>();
    for (const can of canSentences) lcsIndices(ref, can, union);
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
