import { checkCount } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';

function checkSamples(n: number, c: number, k: number): void {
  checkCount(n, 'n');
  checkCount(c, 'c');
  checkCount(k, 'k');
  if (c > n) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument c (${c} correct samples) must not exceed n (${n} samples).`,
      'c',
    );
  }
  if (k < 1) {
    throw new TextMetricsError('INVALID_ARGUMENT', 'Argument k must be at least 1; got 0.', 'k');
  }
}

/**
 * pass@k without argument checks (the kernel of {@link passAtK}).
 *
 * @param n - samples drawn
 * @param c - samples correct
 * @param k - the budget
 * @returns the estimate, or `undefined` when `n < k`
 * @example
 * ```ts
 * passAtKUnchecked(10, 3, 1); // 0.3
 * ```
 */
export function passAtKUnchecked(n: number, c: number, k: number): number | undefined {
  if (n < k) return undefined;
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i += 1) product *= 1 - k / i;
  return 1 - product;
}

/**
 * pass@k: the chance that at least one of `k` samples drawn without replacement from the `n`
 * generated for an item is correct, given that `c` of the `n` are — the unbiased estimator of
 * Chen et al. (2021).
 *
 * @remarks
 * `pass@k = 1 - C(n - c, k) / C(n, k)`, computed in the numerically stable product form of
 * OpenAI's human-eval, `1 - ∏_{i = n-c+1}^{n} (1 - k / i)` (1 when `n - c < k`). When `n < k` the
 * estimator is undefined and so is the answer (`undefined`), where some implementations report
 * 1.0; human-eval reports pass@k only when every item has at least `k` samples. Average the
 * per-item values over items for a benchmark's pass@k.
 *
 * Chen, M. et al. "Evaluating Large Language Models Trained on Code." arXiv:2107.03374 (2021).
 *
 * @param n - samples generated for the item
 * @param c - how many of them are correct (`0 ≤ c ≤ n`)
 * @param k - the sample budget (≥ 1)
 * @returns the estimate in [0, 1], or `undefined` when `n < k`
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` unless `n`, `c`, `k` are integers with
 *   `0 ≤ c ≤ n` and `k ≥ 1`
 * @example
 * ```ts
 * import { passAtK } from '@assay/text-metrics';
 * passAtK(10, 3, 1); // 0.3
 * passAtK(10, 3, 5); // 0.9166… (1 - C(7,5)/C(10,5))
 * passAtK(3, 3, 5); // undefined
 * ```
 */
export function passAtK(n: number, c: number, k: number): number | undefined {
  checkSamples(n, c, k);
  return passAtKUnchecked(n, c, k);
}

/**
 * pass^k: the chance that all `k` samples drawn without replacement from the `n` generated for an
 * item are correct, given that `c` of the `n` are — tau-bench's reliability measure.
 *
 * @remarks
 * `pass^k = C(c, k) / C(n, k)` (Yao et al. 2024, τ-bench), computed as
 * `∏_{i=0}^{k-1} (c - i) / (n - i)` so large `n` stays finite; 0 when `c < k`, `undefined` when
 * `n < k` (tau-bench would divide by zero). `pass^1 = c / n`; pass^k falls as `k` grows while
 * pass@k rises. Average the per-item values over items for a benchmark's pass^k.
 *
 * Yao, S. et al. "τ-bench: A Benchmark for Tool-Agent-User Interaction in Real-World Domains."
 * arXiv:2406.12045 (2024).
 *
 * @param n - samples generated for the item
 * @param c - how many of them are correct (`0 ≤ c ≤ n`)
 * @param k - the number that must all be correct (≥ 1)
 * @returns the probability in [0, 1], or `undefined` when `n < k`
 * @throws {@link TextMetricsError} as {@link passAtK}
 * @example
 * ```ts
 * import { passHatK } from '@assay/text-metrics';
 * passHatK(4, 3, 1); // 0.75
 * passHatK(4, 3, 2); // 0.5 (C(3,2)/C(4,2))
 * passHatK(4, 1, 2); // 0
 * ```
 */
export function passHatK(n: number, c: number, k: number): number | undefined {
  checkSamples(n, c, k);
  if (n < k) return undefined;
  if (c < k) return 0;
  let product = 1;
  for (let i = 0; i < k; i += 1) product *= (c - i) / (n - i);
  return product;
}
