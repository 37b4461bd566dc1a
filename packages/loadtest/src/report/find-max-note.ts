import type { LoadTestResult, StepResult } from '../metrics/step-result.js';
import { KEPT_UP_SHARE, keptUpShortfall } from '../run/kept-up.js';
import {
  capacityStep,
  type RateStepOutcome,
  rateStepOutcome,
  sustainedRate,
} from '../run/search-rate.js';
import { stepValidity } from './saturation-note.js';

/**
 * How `--find-max` counted each of its rate steps ({@link rateStepOutcome}), by index in
 * `result.steps`; empty for other runs.
 *
 * @param result - a load test's result
 * @returns the outcome of each rate step
 * @example
 * ```ts
 * findMaxOutcomes(result).size; // 0 (a sweep is no find-max search)
 * ```
 */
export function findMaxOutcomes(result: LoadTestResult): ReadonlyMap<number, RateStepOutcome> {
  const steps = result.steps;
  const out = new Map<number, RateStepOutcome>();
  if (result.profile.kind !== 'find-max' || steps === undefined || steps.length === 0) return out;
  const capacity = sustainedRate(steps[0]!);
  steps.forEach((s, i) => {
    if (s.profile.kind === 'rate') out.set(i, rateStepOutcome(s, s.profile.rate ?? 0, capacity));
  });
  return out;
}

/**
 * A step's `valid` cell, saying why `--find-max` counted it as it did: `kept up 0.87 < 0.95`
 * for a step that met its SLO but fell behind a rate above capacity, `sent late, passed` for a
 * step that met its SLO although the generator sent late (counted as a pass), else
 * {@link stepValidity}'s cell (`NO`, `NO, slo fail`, `slo fail`, `yes`). It mixes the
 * measurement's validity with the SLO verdict in one cell; the terminal table and the HTML
 * report show them apart (`validCell`, `sloCell`).
 *
 * @param step - the step
 * @param outcome - how find-max counted it (undefined for any other step)
 * @param saturated - the word for a saturated step
 * @param noneSucceeded - the word for a step where every request failed
 * @returns the cell
 * @example
 * ```ts
 * const behind = { ...step, throughput: { ...step.throughput, keptUpShare: 0.87 } };
 * validityCell(behind, 'kept-up'); // 'kept up 0.87 < 0.95'
 * validityCell(result.steps[2], 'pass-late'); // 'sent late, passed'
 * validityCell(step, undefined); // 'yes'
 * ```
 */
export function validityCell(
  step: StepResult,
  outcome: RateStepOutcome | undefined,
  saturated = 'NO',
  noneSucceeded = 'NO',
): string {
  if (outcome === 'kept-up') {
    return keptUpShortfall(step, step.profile.rate ?? 0) ?? `kept up < ${KEPT_UP_SHARE}`;
  }
  if (outcome === 'pass-late') return 'sent late, passed';
  return stepValidity(step, saturated, noneSucceeded);
}

/** What set the bracket's upper end, after the bracket. */
function upperNote(result: LoadTestResult, hi: string): string {
  switch (result.maxRate?.upperEnd) {
    case 'generator':
      return `; the step at ${hi} requests/s was voided because the load generator was saturated (not because the service missed the SLO), so the service may meet it at a higher rate: rerun on a quieter machine`;
    case 'kept-up':
      return `; the step at ${hi} requests/s fell behind its rate (the service completed less than it was offered)`;
    case 'untested':
      return `; every rate tried passed, so ${hi} requests/s was not tried`;
    default:
      return '';
  }
}

/** The last rate step of a run that offered `rate` (the step behind an answer), with its index. */
function stepAt(result: LoadTestResult, rate: number): { s: StepResult; i: number } | undefined {
  const steps = result.steps ?? [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.profile.kind === 'rate' && s.profile.rate === rate) return { s, i };
  }
  return undefined;
}

/**
 * `--find-max`'s answer as one sentence: the largest offered rate within the SLO with the rate
 * its step achieved (completed requests/s, the figure of the table's `req/s` column and the
 * charts' x axis), the bracket and what set its upper end (`maxRate.upperEnd`), the cap at the
 * measured capacity when a rate above it passed (`maxRate.cappedFrom`), or that no rate met the
 * SLO.
 *
 * @param result - a load test's result
 * @returns the sentence, or undefined without `maxRate`
 * @example
 * ```ts
 * maxRateLine(result); // undefined (a sweep finds no largest rate)
 * ```
 */
export function maxRateLine(result: LoadTestResult): string | undefined {
  const max = result.maxRate;
  if (max === undefined) return undefined;
  const [lo, hi] = max.bracket;
  const note = upperNote(result, hi.toFixed(2));
  if (max.rate === 0)
    return `No rate met the SLO (${max.slo}): the lowest rate tried, offered ${hi.toFixed(2)} requests/s, missed it${note}.`;
  const bracket = `bracket ${lo.toFixed(2)}-${hi.toFixed(2)}${note}`;
  if (max.cappedFrom !== undefined) {
    const passed = stepAt(result, max.cappedFrom);
    const achieved =
      passed === undefined
        ? ''
        : ` (achieved ${passed.s.throughput.requestsPerSec.toFixed(2)}/s, step ${passed.i})`;
    const k = capacityStep(result);
    const shown = result.steps?.[k];
    const measured =
      k === 0
        ? 'the capacity its throughput step measured (step 0'
        : `the most any step was seen to complete (step ${k}`;
    const drain =
      k !== 0 || shown === undefined || shown.throughput.requestsPerSec === max.rate
        ? ''
        : `: its steady rate while sending; its req/s, ${shown.throughput.requestsPerSec.toFixed(2)}, counts the drain after the last send too`;
    return `Largest rate within the SLO (${max.slo}): ${max.rate.toFixed(2)} requests/s, ${measured}${drain}); a step offered ${max.cappedFrom.toFixed(2)}/s passed${achieved}, but a rate above what the service was seen to complete cannot be shown sustained, so the answer is capped there (${bracket}).`;
  }
  const at = stepAt(result, max.rate);
  const achieved =
    at === undefined
      ? ''
      : ` (achieved ${at.s.throughput.requestsPerSec.toFixed(2)}/s, step ${at.i})`;
  return `Largest rate within the SLO (${max.slo}): offered ${max.rate.toFixed(2)} requests/s${achieved} (${bracket}).`;
}
