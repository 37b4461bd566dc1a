import { type LoadTestResult, measuredRequests, type StepResult } from '../metrics/step-result.js';

/**
 * Whether a step measured nothing: no request after its warm-up was scheduled, or every one
 * was cut off by an interruption (those are not counted as scheduled). The one test that the
 * note, the `valid` cell and the CLI's last line share.
 *
 * @param step - a step's result
 * @returns true when it has no measured request
 * @example
 * ```ts
 * measuredNothing(result.steps.at(-1)); // false
 * measuredNothing({ ...step, requests: { ...step.requests, scheduled: 0 } }); // true
 * ```
 */
export function measuredNothing(step: StepResult): boolean {
  return measuredRequests(step.requests) === 0;
}

/**
 * What happened to the requests that the interruption cut off in a step, as a clause: `4
 * requests in flight (sent, their answers not finished) were cut off by the interruption
 * after waiting up to 0.3 s since their intended start (none had a first token yet); they count
 * as requests.cutOff (errorClass abort in --records), not as failures of the service`, with
 * `; 5 had already waited past a latency bound of the SLO, ...` when some had; undefined when none
 * was cut off.
 *
 * @param step - a step's result
 * @returns the clause, or undefined
 * @example
 * ```ts
 * cutOffWaitClause(result.steps.at(-1)); // undefined (nothing was cut off)
 * ```
 */
export function cutOffWaitClause(step: StepResult): string | undefined {
  const cut = step.requests.cutOff ?? 0;
  const wait = step.requests.cutOffWait;
  if (cut === 0 || wait === undefined) return undefined;
  const one = cut === 1;
  const noToken =
    wait.noToken === cut
      ? one
        ? 'it had no first token yet'
        : 'none had a first token yet'
      : wait.noToken === 0
        ? one
          ? 'it was streaming its answer'
          : 'all were streaming their answers'
        : `${wait.noToken} had no first token yet`;
  const past =
    wait.pastSlo === undefined || wait.pastSlo === 0
      ? ''
      : `; ${wait.pastSlo} had already waited past a latency bound of the SLO, so ${wait.pastSlo === 1 ? 'it' : 'they'} would have missed it whatever came later`;
  return `${cut} request${one ? '' : 's'} in flight (sent, ${one ? 'its answer' : 'their answers'} not finished) ${one ? 'was' : 'were'} cut off by the interruption after waiting up to ${(wait.longestMs / 1000).toFixed(1)} s since ${one ? 'its' : 'their'} intended start (${noToken}); ${one ? 'it counts' : 'they count'} as requests.cutOff (errorClass abort in --records), not as ${one ? 'a failure' : 'failures'} of the service${past}`;
}

/**
 * The sentence that says how an interrupted run ended: which steps ran, whether the last one
 * measured anything (a run interrupted in its warm-up measured nothing), how many requests in
 * flight the interruption cut off (left out of the figures), and what did not run.
 *
 * @param result - a load test's result
 * @returns the sentence, or undefined when the run was not interrupted
 * @example
 * ```ts
 * interruptionNote(result); // undefined (not interrupted)
 * interruptionNote({ ...result, interrupted: true });
 * // 'Interrupted: steps 0-4 ran, the last one cut short; no later step ran.'
 * ```
 */
export function interruptionNote(result: LoadTestResult): string | undefined {
  if (result.interrupted !== true) return undefined;
  const steps = result.steps ?? [result];
  const last = steps.at(-1)!;
  const n = steps.length;
  const later = result.steps === undefined ? '' : '; no later step ran';
  const search = result.profile.kind === 'find-max' ? ', so there is no largest rate' : '';
  const cut = last.requests.cutOff ?? 0;
  if (measuredNothing(last)) {
    const why =
      cut === 0
        ? `during the warm-up of step ${n - 1}: that step measured nothing (its warm-up requests are in --records)`
        : `during step ${n - 1}, which measured nothing: ${cutOffWaitClause(last)}`;
    return `Interrupted ${why}${later}${search}.`;
  }
  const inFlight =
    cut === 0
      ? ''
      : ` (${cutOffWaitClause(last)}; left out of its figures, its tail percentiles leave out the slowest requests outstanding)`;
  return `Interrupted: ${n === 1 ? 'step 0 ran' : `steps 0-${n - 1} ran`}, the last one cut short${inFlight}${later}${search}.`;
}
