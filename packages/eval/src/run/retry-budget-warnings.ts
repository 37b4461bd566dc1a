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
  /** requests sent this run that failed (default: every one unretried by the budget) */
  readonly failed?: number;
  /**
   * of `failed`, those that never reached the service (see `isTransportFailure`; default 0)
   */
  readonly unreached?: number;
}

/** What a failure that never reached the service is, as the client's own message says it. */
const UNREACHED =
  'a refused, reset or closed connection, a DNS or TLS failure, or a connect timeout';

/**
 * A warning for each model whose client ran out of retry budget this run: some requests then
 * failed at their first (or an early) attempt although their failure was transient, and the
 * summary's error rate, which counts only final failures, silently holds them. Said with the
 * budget's config path and how to retry them: a budget B allows 10 + B × requests retries in
 * all, so a budget of at least `maxRetries` gives every failure its retries.
 *
 * @remarks When every failure of the run never reached the service (a stopped server, a closed
 *   port), the budget is not the cause: it was spent on that same service, and no retry helps
 *   until the service is started. The warning then says so and names the base URL, as the
 *   client's own error does, rather than advise a larger budget; when only some did, it says
 *   how many.
 * @param models - each model's retries this run
 * @returns one sentence per model whose budget ran out (none when every failure got its retries)
 * @example
 * retryBudgetWarnings([{ model: config.models[0], index: 0, retries: 70, notRetriedBudget: 100 }])[0];
 * // 'nb: the retry budget was exhausted after 70 retries (models[0].retry.budget 0.2: at most 10 + 0.2 × requests); 100 requests failed without the retries they had left, …'
 */
export function retryBudgetWarnings(models: readonly ModelRetries[]): string[] {
  return models.flatMap((m) => {
    if (m.notRetriedBudget === 0) return [];
    const failed = m.failed ?? m.notRetriedBudget;
    const unreached = m.unreached ?? 0;
    if (unreached > 0 && unreached >= failed) return [unreachedWarning(m, failed)];
    const path = `models[${m.index}].retry`;
    const budget = m.model.retry.budget;
    const n = m.notRetriedBudget;
    // budget B allows 10 + B × requests retries in all: B = maxRetries covers every request
    // failing through all its attempts
    const max = m.model.retry.maxRetries;
    const requests = n === 1 ? '1 request' : `${n} requests`;
    const some =
      unreached === 0
        ? ''
        : ` ${unreached} of the ${failed} requests that failed this run never reached the service (${UNREACHED}): no retry helps those until it is running at models[${m.index}].baseUrl.`;
    return [
      `${m.model.name}: the retry budget was exhausted after ${m.retries} retries (${path}.budget ${budget}: at most 10 + ${budget} × requests); ${requests} failed without the retries they had left, so the error rate counts ${n === 1 ? 'a failure' : 'failures'} not retried in full, not only failures after every retry. Set ${path}.budget to at least ${path}.maxRetries (${path}.budget ${max}) for every failure to get its retries, or rerun with --retry-failed to send the failed requests again.${some}`,
    ];
  });
}

/** The warning of a model whose every failure never reached the service: not the budget's. */
function unreachedWarning(m: ModelRetries, failed: number): string {
  const n = m.notRetriedBudget;
  const budget = `models[${m.index}].retry.budget`;
  return `${m.model.name}: ${failed === 1 ? '1 request' : `${failed} requests`} failed this run without reaching the service at ${m.model.baseUrl} (${UNREACHED}): check that it is running at models[${m.index}].baseUrl; retries would not help until it is started, and ${budget} is not the cause (${n} ${n === 1 ? 'was' : 'were'} not retried once it was spent on these same failures; a larger one would only send more requests to a service that is not there). Rerun with --retry-failed once it is up to send the failed requests again.`;
}
