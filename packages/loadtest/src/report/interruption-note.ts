import type { LoadTestResult, StepResult } from '../metrics/step-result.js';

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
  return step.requests.scheduled === 0;
}

/**
 * How long the requests that the interruption cut off in a step had waited, as a clause: `5
 * requests were still waiting after up to 12.3 s (4 with no first token; 5 had already waited
 * past a latency bound of the SLO)`; undefined when none was cut off.
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
  const s = (n: number) => (n === 1 ? '' : 's');
  const noToken =
    wait.noToken === cut ? 'none with a first token' : `${wait.noToken} with no first token`;
  const past =
    wait.pastSlo === undefined || wait.pastSlo === 0
      ? ''
      : `; ${wait.pastSlo} had already waited past a latency bound of the SLO, so they would have missed it whatever came later`;
  return `${cut} request${s(cut)} ${cut === 1 ? 'was' : 'were'} still waiting after up to ${(wait.longestMs / 1000).toFixed(1)} s (${noToken}${past})`;
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
        : `during step ${n - 1}: its ${cut} measured request${cut === 1 ? ' was' : 's were'} all cut off, so it measured nothing (errorClass abort in --records); ${cutOffWaitClause(last)}`;
    return `Interrupted ${why}${later}${search}.`;
  }
  const inFlight =
    cut === 0
      ? ''
      : ` (its ${cut} request${cut === 1 ? '' : 's'} in flight ${cut === 1 ? 'was' : 'were'} cut off by the interruption and ${cut === 1 ? 'is' : 'are'} left out of its figures, so its tail percentiles leave out the slowest requests outstanding; errorClass abort in --records; ${cutOffWaitClause(last)})`;
  return `Interrupted: ${n === 1 ? 'step 0 ran' : `steps 0-${n - 1} ran`}, the last one cut short${inFlight}${later}${search}.`;
}
