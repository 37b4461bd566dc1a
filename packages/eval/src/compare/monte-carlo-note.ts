import { fmt } from '@assay/report';
import type { MetricComparison } from './compare-result.js';

/** Monte Carlo standard errors within which a bootstrap p-value's decision counts as uncertain. */
export const MC_STANDARD_ERRORS = 3;

/** Whether the candidate's value is better than the baseline's (a difference in the metric's direction). */
function better(m: Pick<MetricComparison, 'difference' | 'greaterIsBetter'>): boolean {
  if (m.difference === null || m.difference === 0) return false;
  return m.greaterIsBetter ? m.difference > 0 : m.difference < 0;
}

/**
 * The note on gated metrics whose decision at alpha is within the bootstrap's Monte Carlo
 * error: a bootstrap p-value from B resamples has standard error sqrt(p(1 − p) / B), which the
 * Holm or Benjamini-Hochberg adjustment scales with the p-value; when the adjusted p-value
 * lies within {@link MC_STANDARD_ERRORS} such errors of alpha, another `--seed` can flip the
 * gate (p 0.006 against 0.009 at 1000 resamples, near alpha after Holm). Under
 * `--fail-on regression` a metric better in the candidate is left out: only a worse one can fail.
 *
 * @param metrics - the compared metrics after the decision rules
 * @param alpha - 1 − the confidence level
 * @param bootstrap - the resamples
 * @param failOn - `--fail-on` (default none)
 * @returns the note, or nothing when every decision is clear of the Monte Carlo error
 * @example
 * monteCarloNote(result.metrics, 0.05, 1000); // []
 */
export function monteCarloNote(
  metrics: readonly Pick<
    MetricComparison,
    'metric' | 'test' | 'gated' | 'pValue' | 'pAdjusted' | 'difference' | 'greaterIsBetter'
  >[],
  alpha: number,
  bootstrap: number,
  failOn: 'regression' | null = null,
): string[] {
  const near = metrics.flatMap((m) => {
    if (!m.gated || m.test !== 'bootstrap' || m.pValue === null || m.pAdjusted === null) return [];
    // --fail-on regression fails only a worse metric: no seed turns a better one into a failure
    if (failOn === 'regression' && better(m)) return [];
    if (!(m.pValue > 0) || m.pValue >= 1) return [];
    const se = Math.sqrt((m.pValue * (1 - m.pValue)) / bootstrap) * (m.pAdjusted / m.pValue);
    if (Math.abs(m.pAdjusted - alpha) > MC_STANDARD_ERRORS * se) return [];
    return [`${m.metric} (p-adjusted ${fmt(m.pAdjusted, 4)} ± ${fmt(se, 4)})`];
  });
  if (near.length === 0) return [];
  return [
    `the decision at alpha ${alpha} is within Monte Carlo error for ${near.join(', ')}: within ${MC_STANDARD_ERRORS} standard errors of ${bootstrap} resamples, so another --seed can flip it; rerun with --bootstrap ${Math.max(10_000, bootstrap * 10)} to settle it`,
  ];
}

/**
 * The caveat of a passing margin check on a metric no paired item differs on: its interval is
 * [0, 0] because every resample drew items both runs answered alike, which says nothing about
 * items outside the sample (five items all answered alike pass any margin).
 *
 * @param metrics - the compared metrics after the decision rules
 * @param margin - `--margin`, or null without one
 * @returns one caveat per such gated metric
 * @example
 * zeroWidthCaveats([{ metric: 'accuracy', gated: true, ciLow: 0, ciHigh: 0 }], 0.01); // ['no item differs between the runs on accuracy: …']
 */
export function zeroWidthCaveats(
  metrics: readonly Pick<MetricComparison, 'metric' | 'gated' | 'ciLow' | 'ciHigh'>[],
  margin: number | null,
): string[] {
  if (margin === null) return [];
  return metrics
    .filter((m) => m.gated && m.ciLow === 0 && m.ciHigh === 0)
    .map(
      (m) =>
        `no item differs between the runs on ${m.metric}: the interval [0, 0] says nothing about items not in the sample`,
    );
}
