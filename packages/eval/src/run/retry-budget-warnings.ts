import type { ModelConfig } from '../config/run-config-schema.js';

/** One model's retries this run, as its clients counted them. */
export interface ModelRetries {
  /** the model */
  readonly model: ModelConfig;
  /** its index in `models` */
  readonly index: number;
  /** retries granted this run */
  readonly retries: number;
  /** requests that failed without a retry they would have had: the budget was spent */
  readonly notRetriedBudget: number;
}

/**
 * A warning for each model whose client ran out of retry budget this run: some requests then
 * failed at their first (or an early) attempt although their failure was transient, and the
 * summary's error rate, which counts only final failures, silently holds them. Said with the
 * budget's config path and how to retry them: a budget B allows 10 + B × requests retries in
 * all, so a budget of at least `maxRetries` gives every failure its retries.
 *
 * @param models - each model's retries this run
 * @returns one sentence per model whose budget ran out (none when every failure got its retries)
 * @example
 * retryBudgetWarnings([{ model: config.models[0], index: 0, retries: 70, notRetriedBudget: 100 }])[0];
 * // 'nb: the retry budget was exhausted after 70 retries (models[0].retry.budget 0.2: at most 10 + 0.2 × requests); 100 requests failed without the retries they had left, …'
 */
export function retryBudgetWarnings(models: readonly ModelRetries[]): string[] {
  return models.flatMap((m) => {
    if (m.notRetriedBudget === 0) return [];
    const path = `models[${m.index}].retry`;
    const budget = m.model.retry.budget;
    const n = m.notRetriedBudget;
    // budget B allows 10 + B × requests retries in all: B = maxRetries covers every request
    // failing through all its attempts
    const max = m.model.retry.maxRetries;
    const requests = n === 1 ? '1 request' : `${n} requests`;
    return [
      `${m.model.name}: the retry budget was exhausted after ${m.retries} retries (${path}.budget ${budget}: at most 10 + ${budget} × requests); ${requests} failed without the retries they had left, so the error rate counts ${n === 1 ? 'a failure' : 'failures'} not retried in full, not only failures after every retry. Set ${path}.budget to at least ${path}.maxRetries (${path}.budget ${max}) for every failure to get its retries, or rerun with --retry-failed to send the failed requests again.`,
    ];
  });
}
