/** `[2, 3, 4]` as `2-, 3- or 4`, the orders a sentence names before `-grams`. */
function orderList(orders: readonly number[]): string {
  if (orders.length === 1) return String(orders[0]);
  return `${orders.slice(0, -1).join('-, ')}- or ${orders.at(-1)}`;
}

/**
 * The warning for a corpus BLEU of 0 that no output could have avoided: the outputs hold no
 * n-gram of some order up to 4 (every output shorter than 4 tokens), and corpus BLEU is the
 * geometric mean of the 1- to 4-gram precisions, so it is 0 however many words match.
 * sacrebleu gives 0 too (its `effective_order` is off for corpus BLEU).
 *
 * @param statistics - the summed sacrebleu BLEU statistics of the whole set
 *   (`bleuStatistics`' layout: 5 header slots, matches of orders 1..N, output n-grams of
 *   orders 1..N)
 * @returns the warning, or undefined when every order has n-grams
 * @example
 * shortOutputBleuWarning(Float64Array.of(1, 1, 1, 2, 2, 2, 1, 0, 0, 2, 1, 0, 0)); // 'bleu is 0: …'
 */
export function shortOutputBleuWarning(statistics: Float64Array): string | undefined {
  const order = (statistics.length - 5) / 2;
  const totals = statistics.subarray(5 + order, 5 + 2 * order);
  const missing: number[] = [];
  totals.forEach((t, i) => {
    if (t === 0) missing.push(i + 1);
  });
  if (missing.length === 0) return undefined;
  if (missing[0] === 1) {
    return "bleu is 0: every output is empty (no token as BLEU's tokenizer splits it), so no n-gram of any output can match a reference (sacrebleu gives 0 too).";
  }
  return `bleu is 0: the outputs hold no ${orderList(missing)}-grams (every output is shorter than ${missing[0]} tokens as BLEU's tokenizer splits it), and corpus BLEU is the geometric mean of the 1- to ${order}-gram precisions, so it is 0 however many words match (sacrebleu gives 0 too). For answers this short, read exact_match, token_f1, chrf or rouge1.`;
}
