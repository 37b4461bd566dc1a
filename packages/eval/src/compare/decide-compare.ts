import { fmt } from '@assay/report';
import { benjaminiHochbergAdjust, holmAdjust } from '@assay/stats';
import { roundingTolerance } from '../config/thresholds.js';
import { bootstrapPBound } from './bootstrap-p-floor.js';
import type { MeasuredMetric } from './compare-metrics.js';
import type { CompareDecision, MetricComparison } from './compare-result.js';
import { notComparedCauses } from './not-compared.js';

/** The decision rules of `assay compare`. */
export interface DecisionRules {
  /** the metrics the rules apply to */
  readonly gated: readonly string[];
  /** `regression`: fail when a gated metric is significantly worse after adjustment */
  readonly failOn: 'regression' | null;
  /** non-inferiority margin: the interval must lie at or above −margin (in the better direction) */
  readonly margin: number | null;
  /** Benjamini-Hochberg instead of Holm across the gated metrics */
  readonly fdr: boolean;
  /** the confidence level; the significance level is 1 − ci */
  readonly ci: number;
  /** bootstrap resamples: a bootstrap p-value of 0 only says p < 2 / bootstrap */
  readonly bootstrap?: number;
  /**
   * gated metrics that could not be compared (no value on the paired items of one side): a
   * gate that checks nothing cannot pass
   */
  readonly uncompared?: readonly string[];
}

/** What {@link metricFacts} and the tables need to state a p-value honestly. */
export interface PSettings {
  /** bootstrap resamples */
  readonly bootstrap?: number;
  /** the gated metrics, whose count bounds an adjusted p-value */
  readonly gatedMetrics?: readonly string[];
}

/**
 * The bound a p-value of 0 stands for. The bootstrap's p-value, 2 × (share of resamples on
 * the far side of zero), is 0 when no resample of `B` crossed zero: that says p < 2 / B, not
 * p = 0. Holm's and Benjamini-Hochberg's adjustments multiply a p-value by at most the number
 * of gated metrics, so the adjusted one is below that many times the bound.
 *
 * @param m - the metric
 * @param which - the raw p-value or the adjusted one
 * @param s - resamples and gated metrics
 * @returns the bound, or null when the value is not a bootstrap 0 (or the resamples are unknown)
 * @example
 * zeroPBound({ test: 'bootstrap', pValue: 0, pAdjusted: null }, 'adjusted', { bootstrap: 1000, gatedMetrics: ['a', 'b'] }); // 0.004
 */
export function zeroPBound(
  m: Pick<MetricComparison, 'test' | 'pValue' | 'pAdjusted'>,
  which: 'p' | 'adjusted',
  s: PSettings,
): number | null {
  if (m.test !== 'bootstrap' || m.pValue !== 0 || s.bootstrap === undefined || s.bootstrap <= 0)
    return null;
  const bound = 2 / s.bootstrap;
  if (which === 'p') return bound;
  // applyRules adjusted the bound itself, so the adjusted value is the adjusted bound
  return m.pAdjusted ?? Math.min(1, bound * Math.max(1, s.gatedMetrics?.length ?? 1));
}

/**
 * The p-value the decision uses: the test's, except that a bootstrap p-value of 0 counts as
 * its bound 2 / B (a resample count too small to reach alpha must not make a difference
 * significant, and the bound must rank where it belongs in Holm's order).
 */
function decisionP(m: MeasuredMetric, bootstrap: number | undefined): number {
  if (m.pValue === null) return Number.NaN;
  return m.test === 'bootstrap' && bootstrap !== undefined
    ? bootstrapPBound(m.pValue, bootstrap)
    : m.pValue;
}

/** The difference signed so that positive is better. */
const better = (m: MeasuredMetric, x: number): number => (m.greaterIsBetter ? x : -x);

/**
 * Non-inferiority as `assay run`'s `vs baseline >= -δ` reads it: the interval lies at or above
 * −δ (at or below +δ for a loss), within the rounding of a difference of two shares.
 */
function nonInferior(m: MeasuredMetric, margin: number): boolean {
  if (m.ciLow === null || m.ciHigh === null) return false;
  const tolerance = roundingTolerance(margin);
  return m.greaterIsBetter ? m.ciLow >= -margin - tolerance : m.ciHigh <= margin + tolerance;
}

/**
 * Applies the decision rules: adjusts the gated metrics' p-values across them (Holm, or
 * Benjamini-Hochberg), marks each significantly worse or not non-inferior metric as failed.
 *
 * @param measured - every compared metric
 * @param rules - gated metrics, `--fail-on`, `--margin`, `--fdr`, level
 * @returns the metrics with their verdicts
 * @remarks
 * "Significantly worse": the adjusted p-value is below `1 − ci` and the difference points in
 * the metric's bad direction (down for accuracy, up for a loss). Non-inferiority with margin
 * δ: the interval of the difference lies at or above −δ (at or below +δ for lower-is-better
 * metrics; as `vs baseline >= -δ` in `assay run`, within a rounding tolerance of 1e-12); a metric without an interval cannot show it and fails. A bootstrap p-value of 0
 * enters the adjustment as its bound 2 / B, so the adjusted value is a bound too. Metrics not
 * gated keep their raw p-value only.
 * @example
 * const metrics = applyRules(result.metrics, { gated: ['f1_macro'], failOn: 'regression', margin: null, fdr: false, ci: 0.95 });
 * metrics.filter((m) => m.failed).length; // 0
 */
export function applyRules(
  measured: readonly MeasuredMetric[],
  rules: DecisionRules,
): MetricComparison[] {
  const gated = measured.filter((m) => rules.gated.includes(m.metric));
  const raw = gated.map((m) => decisionP(m, rules.bootstrap));
  const adjusted = rules.fdr ? benjaminiHochbergAdjust(raw) : holmAdjust(raw);
  const alpha = 1 - rules.ci;
  return measured.map((m) => {
    const k = gated.indexOf(m);
    const pAdjusted = k < 0 || Number.isNaN(adjusted[k]!) ? null : adjusted[k]!;
    const worse =
      k >= 0 &&
      pAdjusted !== null &&
      pAdjusted < alpha &&
      m.difference !== null &&
      better(m, m.difference) < 0;
    const ni = k >= 0 && rules.margin !== null ? nonInferior(m, rules.margin) : null;
    const failed = (rules.failOn === 'regression' && worse) || ni === false;
    return { ...m, pAdjusted, gated: k >= 0, worse, nonInferior: ni, failed };
  });
}

/**
 * A p-value with its digits: four decimals, or three significant digits in exponent form below
 * 0.001.
 *
 * @param p - the p-value
 * @returns its text
 * @example
 * pText(4.01e-35); // '4.01e-35'
 */
export const pText = (p: number): string =>
  p >= 0.001 || p === 0 ? p.toFixed(p === 0 ? 0 : 4) : p.toExponential(2);

/**
 * The rules a metric broke, in words.
 *
 * @param m - the metric
 * @param rules - `failOn` and `margin`
 * @returns e.g. `significantly worse`, `not non-inferior at margin 0.01`, both joined by
 *   `and`, or an empty string
 * @example
 * brokenRules({ ...result.metrics[0], worse: false, nonInferior: false }, { failOn: null, margin: 0.01 }); // 'not non-inferior at margin 0.01'
 */
export function brokenRules(
  m: MetricComparison,
  rules: Pick<DecisionRules, 'failOn' | 'margin'>,
): string {
  const broken: string[] = [];
  if (rules.failOn === 'regression' && m.worse) broken.push('significantly worse');
  if (m.nonInferior === false) broken.push(`not non-inferior at margin ${rules.margin}`);
  return broken.join(' and ');
}

/**
 * One line on a metric: both values, the difference, its interval and the p-values.
 *
 * @param m - the metric
 * @param ci - the confidence level
 * @returns e.g. `accuracy 0.9612 -> 0.9100, difference -0.0512, 95% CI [-0.0710, -0.0330], p 1.22e-4 (mcnemar), p-adjusted 2.44e-4`
 * @example
 * metricFacts(result.metrics[0], 0.95); // '…'
 */
export function metricFacts(m: MetricComparison, ci: number, s: PSettings = {}): string {
  const bounds =
    m.ciLow === null || m.ciHigh === null ? 'no CI' : `[${fmt(m.ciLow, 4)}, ${fmt(m.ciHigh, 4)}]`;
  // an exact bound of [-u, u] on a difference of 0 reads as a mistake unless it says why
  const interval =
    m.interval === 'clopper-pearson' && m.itemsAlike !== undefined
      ? `${bounds} (Clopper-Pearson bound: none of ${m.itemsAlike} items answered differently)`
      : bounds;
  const pBound = zeroPBound(m, 'p', s);
  const adjustedBound = zeroPBound(m, 'adjusted', s);
  const p =
    m.pValue === null
      ? 'no test'
      : pBound !== null
        ? `p < ${pText(pBound)} (bootstrap: no resample of ${s.bootstrap} crossed zero)`
        : `p ${pText(m.pValue)} (${m.test})`;
  const adjusted =
    m.pAdjusted === null
      ? ''
      : adjustedBound !== null
        ? `, p-adjusted < ${pText(adjustedBound)}`
        : `, p-adjusted ${pText(m.pAdjusted)}`;
  return `${m.metric} ${fmt(m.baseline, 4)} -> ${fmt(m.candidate, 4)}, difference ${m.difference !== null && m.difference > 0 ? '+' : ''}${fmt(m.difference, 4)}, ${Math.round(ci * 100)}% CI ${interval}, ${p}${adjusted}`;
}

const pSettingsOf = (rules: DecisionRules): PSettings => ({
  ...(rules.bootstrap === undefined ? {} : { bootstrap: rules.bootstrap }),
  gatedMetrics: rules.gated,
});

/**
 * The exit code and the one line that explains it.
 *
 * @param metrics - the judged metrics
 * @param rules - the rules applied
 * @returns exit 1 with the failed metrics named, else exit 0 with what was checked
 * @example
 * decide(result.metrics, { gated: ['f1_macro'], failOn: 'regression', margin: null, fdr: false, ci: 0.95 }).reason; // '…'
 */
export function decide(
  metrics: readonly MetricComparison[],
  rules: DecisionRules,
): CompareDecision {
  const failed = metrics.filter((m) => m.failed);
  const adjustment = rules.fdr ? 'Benjamini-Hochberg' : 'Holm';
  if (failed.length > 0) {
    // the first failure with its numbers; the others by name, so the line stays readable
    const [first, ...rest] = failed;
    const others = [...rest.map((m) => m.metric), ...(rules.uncompared ?? [])];
    const more = others.length === 0 ? '' : `; also failed: ${others.join(', ')}`;
    return {
      exitCode: 1,
      reason: `FAIL: ${first!.metric} ${brokenRules(first!, rules)} (${metricFacts(first!, rules.ci, pSettingsOf(rules))})${more}`,
    };
  }
  const ruled = rules.failOn !== null || rules.margin !== null;
  const uncompared = rules.uncompared ?? [];
  if (ruled && uncompared.length > 0) {
    return {
      exitCode: 1,
      reason: `FAIL: ${uncompared.join(', ')} could not be compared, so ${uncompared.length === 1 ? 'its gate' : 'their gates'} cannot pass: ${notComparedCauses(uncompared)}; gate metrics that the comparison table shows (--metric)`,
    };
  }
  const gated = metrics.filter((m) => m.gated).map((m) => m.metric);
  if (ruled && gated.length === 0) {
    return {
      exitCode: 1,
      reason:
        'FAIL: no metric could be compared on the paired items, so no gate was checked; a comparison that checks nothing cannot pass',
    };
  }
  if (!ruled) {
    return {
      exitCode: 0,
      reason:
        'NOT CHECKED: no decision rule given (--fail-on regression, --margin), so nothing can fail this comparison; exit 0',
    };
  }
  const checks = [
    ...(rules.failOn === 'regression'
      ? [`no gated metric significantly worse (${adjustment}, alpha ${fmt(1 - rules.ci)})`]
      : []),
    ...(rules.margin === null ? [] : [`every gated metric non-inferior at margin ${rules.margin}`]),
  ];
  return { exitCode: 0, reason: `PASS: ${checks.join(' and ')}; gated: ${gated.join(', ')}` };
}
