import { measuredRequests, type StepResult } from '../metrics/step-result.js';
import { KEPT_UP_SHARE, keptUpShortfall } from '../run/kept-up.js';
import type { RateStepOutcome } from '../run/search-rate.js';

/**
 * Whether a step's figures describe the server: the generator kept its schedule (or kept up)
 * and at least one request succeeded. The report draws a step that is not valid hollow.
 *
 * @param step - a step's result
 * @returns false for a saturated generator or a step where every request failed
 * @example
 * ```ts
 * measurementValid(step); // true
 * measurementValid(result.steps[2]); // false (the generator fell behind)
 * ```
 */
export function measurementValid(step: StepResult): boolean {
  if (step.harness.saturated) return false;
  return !(measuredRequests(step.requests) > 0 && step.requests.completed === 0);
}

/** Nothing measured: an interruption in the warm-up, or every request cut off. */
function measuredNothing(step: StepResult): boolean {
  return measuredRequests(step.requests) === 0 && step.sloPassed === undefined;
}

/**
 * The report's `measurement valid` cell, apart from the SLO: whether the load generator kept
 * its schedule, and how `--find-max` counted a step it kept or fell behind.
 *
 * @param step - the step
 * @param outcome - how `--find-max` counted it (undefined for any other step)
 * @returns `yes`, `NO (generator saturated)`, `NO (no request succeeded)`, `–` (nothing
 *   measured), `sent late (counted by --find-max)` or `yes (fell behind its rate: kept up 0.87 < 0.95)`
 *   (`NO` in capitals, as the notes' `valid = NO` says)
 * @example
 * ```ts
 * validCell(step, undefined); // 'yes'
 * validCell(result.steps[2], undefined); // 'NO (generator saturated)'
 * ```
 */
export function validCell(step: StepResult, outcome: RateStepOutcome | undefined): string {
  if (measuredNothing(step)) return '–';
  if (outcome === 'pass-late') return 'sent late (counted by --find-max)';
  // the service falling behind is find-max's reason even when the generator was busy too
  if (outcome === 'kept-up') {
    const why = keptUpShortfall(step, step.profile.rate ?? 0) ?? `kept up < ${KEPT_UP_SHARE}`;
    const valid = step.harness.saturated ? 'sent late' : 'yes';
    return `${valid} (fell behind its rate: ${why})`;
  }
  if (step.harness.saturated) return 'NO (generator saturated)';
  if (!measurementValid(step)) return 'NO (no request succeeded)';
  return 'yes';
}

/**
 * The report's `SLO` cell: whether the step's figures met every bound, whatever the
 * generator's health (that is the `measurement valid` column). A miss names the bounds missed,
 * not the failures' full text: each bound's statistic has its own column beside it, and the
 * long sentences made the column too wide for the page.
 *
 * @param step - the step
 * @returns `met`, `missed: <bound keys>`, or `–` without an SLO (or with nothing measured)
 * @example
 * ```ts
 * sloCell(step); // 'met'
 * sloCell({ ...step, sloPassed: { passed: false, failures: ['ttft_p95 = 2268 > 300', 'e2e_p99 = 2568 > 1000'] } });
 * // 'missed: ttft_p95, e2e_p99'
 * ```
 */
export function sloCell(step: StepResult): string {
  const v = step.sloPassed;
  if (v === undefined) return '–';
  if (v.passed) return 'met';
  // every failure starts with its bound's key (`ttft_p95 = …`, `tpot_p95 has no value …`)
  const keys = [...new Set(v.failures.map((f) => /^[a-z0-9_]+/.exec(f)?.[0] ?? f))];
  return `missed: ${keys.join(', ')}`;
}
