import { type LoadTestResult, measuredRequests, type StepResult } from '../metrics/step-result.js';
import { keptUp } from '../run/kept-up.js';
import { sustainedRate } from '../run/search-rate.js';
import { measuredNothing } from './interruption-note.js';

/**
 * The sentence that heads a saturated result's reasons, in every report format: who the
 * figures describe. With no answer at all no figure describes the server, and the reasons
 * may be the failures' doing (a closed loop against a refused port spins), so the sentence
 * does not point at the client. A closed loop has no schedule: it could not keep up.
 *
 * @param result - a load test's result
 * @returns the sentence (ending in a colon when the generator's reasons follow), or undefined
 *   when no step is saturated and some request succeeded
 * @example
 * ```ts
 * saturationNote(result); // 'The load generator could not keep its schedule (valid = NO); those figures describe the client, not the server:'
 * ```
 */
export function saturationNote(result: LoadTestResult): string | undefined {
  const noneSucceeded = measuredRequests(result.requests) > 0 && result.requests.completed === 0;
  // every request failed (a 404 path, a refused key) on a generator that kept up: still no
  // figure of the server, whatever the generator's health
  if (noneSucceeded && !result.harness.saturated)
    return 'No request succeeded, so no figure here describes the server (valid = NO).';
  if (!result.harness.saturated) return undefined;
  if (noneSucceeded)
    return 'No request succeeded, so no figure here describes the server; the step is not valid either (valid = NO), for the reasons below (requests that fail at once can keep the generator busy):';
  const kinds = new Set(
    (result.steps ?? [result]).filter((s) => s.harness.saturated).map((s) => s.profile.kind),
  );
  const what = !kinds.has('rate')
    ? 'could not keep up'
    : kinds.has('concurrency')
      ? 'could not keep up or keep its schedule'
      : 'could not keep its schedule';
  return `The load generator ${what} (valid = NO); those figures describe the client, not the server:`;
}

/**
 * A step's validity in a report's table: whether the generator kept its schedule (or kept up),
 * whether any request succeeded (a step where every request failed describes no server) and
 * whether the step met the SLO.
 *
 * @param step - a step's result
 * @param saturated - the word for a saturated step (the terminal table's `NO`; the HTML
 *   report spells it out)
 * @param noneSucceeded - the word for a step where every request failed (default `NO`)
 * @param behind - whether `--find-max` read the step as falling behind its rate
 *   ({@link fellBehind}): it then reads `slo fail`, as the search counted it
 * @returns `yes`, `slo fail`, the saturated word, or both (`NO, slo fail`)
 * @example
 * ```ts
 * stepValidity(result); // 'NO' (one of its steps fell behind)
 * stepValidity(result.steps[0]); // 'yes'
 * ```
 */
export function stepValidity(
  step: StepResult,
  saturated = 'NO',
  noneSucceeded = 'NO',
  behind = false,
): string {
  // nothing measured (an interruption in its warm-up, or every request cut off): nothing to
  // call valid or not
  if (measuredNothing(step) && step.sloPassed === undefined) return '-';
  // a find-max step above capacity that fell behind its rate is a miss, as the search read it
  const missed = step.sloPassed?.passed === false || behind;
  const word = step.harness.saturated
    ? saturated
    : // nothing succeeded: no server figure, however healthy the generator
      measuredRequests(step.requests) > 0 && step.requests.completed === 0
      ? noneSucceeded
      : undefined;
  if (word !== undefined) return missed ? `${word}, slo fail` : word;
  return missed ? 'slo fail' : 'yes';
}

/**
 * The steps of a `--find-max` run that the search counted as misses for falling behind their
 * rate above the throughput step's capacity ({@link keptUp}), by index; empty for other runs.
 *
 * @param result - a load test's result
 * @returns the indices of those steps in `result.steps`
 * @example
 * ```ts
 * fellBehind(result).size; // 0
 * ```
 */
export function fellBehind(result: LoadTestResult): ReadonlySet<number> {
  const steps = result.steps;
  if (result.profile.kind !== 'find-max' || steps === undefined || steps.length === 0)
    return new Set();
  const capacity = sustainedRate(steps[0]!);
  const out = new Set<number>();
  steps.forEach((s, i) => {
    if (s.profile.kind === 'rate' && !keptUp(s, s.profile.rate ?? 0, capacity)) out.add(i);
  });
  return out;
}
