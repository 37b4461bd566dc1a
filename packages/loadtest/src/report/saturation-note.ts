import type { LoadTestResult } from '../metrics/step-result.js';

/**
 * The sentence that heads a saturated result's reasons, in every report format: who the
 * figures describe. With no answer at all the generator was only busy failing requests at
 * once (a closed loop against a refused port spins), so pointing at the client would send
 * the user the wrong way.
 *
 * @param result - a load test's result
 * @returns the sentence (ending in a colon, the reasons follow), or undefined when no step
 *   is saturated
 * @example
 * const note = saturationNote(result); // 'The load generator could not keep its schedule ...:'
 */
export function saturationNote(result: LoadTestResult): string | undefined {
  if (!result.harness.saturated) return undefined;
  return result.requests.completed === 0
    ? 'No request succeeded, so no figure here describes the server; the load generator was busy only with requests that failed at once (valid = NO):'
    : 'The load generator could not keep its schedule (valid = NO); those figures describe the client, not the server:';
}
