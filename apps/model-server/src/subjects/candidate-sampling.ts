/**
 * The sampling distribution over ranked candidates at a temperature.
 *
 * @remarks
 * Temperature 0 puts all mass on the first (best) candidate. Above 0,
 * `p_i = exp(s_i / T) / sum_j exp(s_j / T)` (softmax of the scores over the temperature, computed
 * with the maximum subtracted): higher temperatures flatten it, lower ones sharpen it.
 *
 * @param scores - candidate scores, best first
 * @param temperature - 0 or more
 * @returns one probability per candidate, summing to 1 (empty for no candidates)
 * @example
 * ```ts
 * candidateProbabilities([0.5, 0.3], 0); // [1, 0]
 * ```
 */
export function candidateProbabilities(scores: readonly number[], temperature: number): number[] {
  if (scores.length === 0) return [];
  if (temperature === 0) return scores.map((_, i) => (i === 0 ? 1 : 0));
  const max = Math.max(...scores);
  const weights = scores.map((s) => Math.exp((s - max) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * Draws an index from a distribution by inverse CDF.
 *
 * @param probabilities - summing to 1
 * @param uniform - a draw in [0, 1)
 * @returns the index drawn (the last one with mass when rounding leaves `uniform` past the end)
 */
export function drawIndex(probabilities: readonly number[], uniform: number): number {
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < probabilities.length; i++) {
    if (probabilities[i]! <= 0) continue;
    last = i;
    cumulative += probabilities[i]!;
    if (uniform < cumulative) return i;
  }
  return last;
}

/**
 * A 32-bit seed from a request's `seed` and the text it samples for (FNV-1a), so one seed gives
 * the same answer for the same text and independent draws across texts.
 *
 * @param seed - the request's integer seed
 * @param text - the text the answer is drawn for
 * @returns an unsigned 32-bit seed
 */
export function mixSeed(seed: number, text: string): number {
  let h = 0x811c9dc5;
  const feed = (code: number): void => {
    h ^= code;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const c of String(seed)) feed(c.charCodeAt(0));
  feed(0);
  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
  return h >>> 0;
}
