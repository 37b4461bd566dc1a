import { fmt } from '@assay/report';
import { bootstrapPBound } from './bootstrap-p-floor.js';
import type { MetricComparison } from './compare-result.js';
import { ceilSignificant } from './compare-text.js';
import { pText } from './decide-compare.js';

/** What {@link worseAloneNotes} reads of a compared metric. */
type WorseAloneMetric = Pick<
  MetricComparison,
  | 'metric'
  | 'greaterIsBetter'
  | 'difference'
  | 'ciLow'
  | 'ciHigh'
  | 'test'
  | 'pValue'
  | 'pAdjusted'
  | 'gated'
>;

/** The settings that say what a p-value can be and how it was adjusted. */
export interface WorseAloneSettings {
  /** `Holm`, or `Benjamini-Hochberg` (`--fdr`) */
  readonly adjustment: 'Holm' | 'Benjamini-Hochberg';
  /** bootstrap resamples: a bootstrap p-value is at least 2 / B, and 0 stands for p < 2 / B */
  readonly bootstrap: number;
  /** random sign assignments of the permutation test: its p-value is at least 2 / (P + 1) */
  readonly permutations: number;
}

/** A gated metric's note, and why it passes. */
export interface WorseAloneNote {
  readonly metric: string;
  /**
   * `adjustment`: only the adjustment took it below the gate; `test`: its own test does not
   * find it worse; `resolution`: its p-value is a bootstrap 0, known only as below 2 / B, and
   * the adjustment of that bound reaches alpha (a larger `--bootstrap` would tell)
   */
  readonly cause: 'adjustment' | 'test' | 'resolution';
  readonly note: string;
}

/**
 * The smallest p-value a test can give at these settings, when it is a count's floor: a p-value
 * at or above alpha there says the resolution, which the notes on `--bootstrap` and
 * `--permutations` already name, not the data.
 */
function resolutionFloor(m: WorseAloneMetric, s: WorseAloneSettings): number | null {
  if (m.test === 'bootstrap') return 2 / s.bootstrap;
  if (m.test === 'permutation') return 2 / (s.permutations + 1);
  return null;
}

/** A p-value as the table shows it: a bootstrap 0 as the bound it stands for (`<0.002`). */
function shownP(p: number, bound: boolean): string {
  return bound ? `<${ceilSignificant(p)}` : pText(p);
}

function factsOf(m: WorseAloneMetric, excludes: boolean, p: string): string {
  const interval =
    m.ciLow === null || m.ciHigh === null
      ? ''
      : `, interval [${fmt(m.ciLow, 4)}, ${fmt(m.ciHigh, 4)}]${excludes ? ' excludes 0' : ''}`;
  return `difference ${fmt(m.difference, 4)}${interval}, p ${p}${m.test === null ? '' : ` (${m.test})`}`;
}

/**
 * The note on a gated metric whose bootstrap p-value is 0 (no resample crossed zero: p < 2 / B)
 * and whose adjusted bound reaches alpha: the adjusted p-value itself may be below alpha, so the
 * pass says the resolution of `--bootstrap`, not the data (100 resamples and 4 gated metrics:
 * Holm lifts the bound 0.02 to 0.08). Above 2k / alpha resamples the bound of k gated metrics
 * no longer reaches alpha under either adjustment.
 */
function resolutionNote(
  m: WorseAloneMetric,
  gated: readonly WorseAloneMetric[],
  excludes: boolean,
  bound: number,
  alpha: number,
  s: WorseAloneSettings,
): WorseAloneNote {
  const k = gated.length;
  const enough = Number(((2 * k) / alpha).toPrecision(6));
  return {
    metric: m.metric,
    cause: 'resolution',
    note: `${m.metric} is worse on its own (${factsOf(m, excludes, shownP(bound, true))}), but no resample of --bootstrap ${s.bootstrap} crossed zero, so its p-value is known only as below ${ceilSignificant(bound)}, and the ${s.adjustment} adjustment of that bound across the ${k} gated metrics (${gated.map((g) => g.metric).join(', ')}) reaches alpha ${alpha} (p-adjusted <${ceilSignificant(m.pAdjusted!)}): --fail-on regression passes it although its adjusted p-value may be below alpha; the bootstrap's resolution limits this, so rerun with a larger --bootstrap (above 2 × ${k} / ${alpha} = ${enough}, e.g. 1000 or more) to tell, or compare with --metric ${m.metric} to gate on it alone`,
  };
}

/**
 * The notes on gated metrics that look worse on their own yet pass `--fail-on regression`,
 * each naming the real cause:
 * - the raw p-value is below alpha and only the adjustment across the gated metrics lifts it
 *   to alpha or above: comparing that metric alone (`--metric`) takes the others out of the
 *   adjustment, and the gate would fail;
 * - the bootstrap p-value is 0, known only as below 2 / B, and the adjustment of that bound
 *   reaches alpha: the bootstrap's resolution decides, and a larger `--bootstrap` would tell;
 * - the interval excludes 0 in the bad direction but the test's raw p-value is not below alpha:
 *   the interval and the test differ, and gating the metric alone changes nothing (`--margin`
 *   reads the interval).
 *
 * A p-value that is at its test's resolution floor (`--bootstrap 20`: at least 0.1) gets no
 * note of its own: the note on that setting names it for every metric the test covers.
 *
 * @param metrics - the compared metrics after the decision rules
 * @param alpha - 1 − the confidence level
 * @param settings - the adjustment, resamples and permutations
 * @returns one note per such metric, or none
 * @example
 * const worse = { metric: 'roc_auc', greaterIsBetter: true, difference: -0.03, ciLow: -0.05, ciHigh: -0.01, test: 'bootstrap', pValue: 0.022, pAdjusted: 0.088, gated: true };
 * const others = ['accuracy', 'f1_macro', 'log_loss'].map((metric) => ({ ...worse, metric, difference: 0, ciLow: -0.01, ciHigh: 0.01, pValue: 1, pAdjusted: 1 }));
 * worseAloneNotes([worse, ...others], 0.05, { adjustment: 'Holm', bootstrap: 1000, permutations: 9999 })[0].note;
 * // "roc_auc is worse on its own (difference -0.0300, interval [-0.0500, -0.0100] excludes 0, p 0.0220 (bootstrap)) but not after the Holm adjustment (p-adjusted 0.0880): --fail-on regression reads the adjusted p-value across the 4 gated metrics (roc_auc, accuracy, f1_macro, log_loss), so it passes the gate; to gate on roc_auc alone, compare with --metric roc_auc"
 */
export function worseAloneNotes(
  metrics: readonly WorseAloneMetric[],
  alpha: number,
  settings: WorseAloneSettings,
): WorseAloneNote[] {
  const gated = metrics.filter((m) => m.gated);
  if (gated.length < 2) return [];
  return gated.flatMap((m): WorseAloneNote[] => {
    if (m.difference === null || m.pAdjusted === null || m.pAdjusted < alpha) return [];
    const bad = m.greaterIsBetter ? m.difference < 0 : m.difference > 0;
    const excludes = m.ciLow !== null && m.ciHigh !== null && (m.ciHigh < 0 || m.ciLow > 0);
    // a bootstrap p of 0 says p < 2/B: the decision reads the bound, and so does this note
    const bound = m.test === 'bootstrap' && m.pValue === 0;
    const raw =
      m.pValue === null ? null : bound ? bootstrapPBound(0, settings.bootstrap) : m.pValue;
    if (!bad || raw === null) return [];
    if (bound && raw < alpha) return [resolutionNote(m, gated, excludes, raw, alpha, settings)];
    if (raw < alpha) {
      const adjusted = shownP(m.pAdjusted, bound);
      return [
        {
          metric: m.metric,
          cause: 'adjustment',
          note: `${m.metric} is worse on its own (${factsOf(m, excludes, shownP(raw, bound))}) but not after the ${settings.adjustment} adjustment (p-adjusted ${adjusted}): --fail-on regression reads the adjusted p-value across the ${gated.length} gated metrics (${gated.map((g) => g.metric).join(', ')}), so it passes the gate; to gate on ${m.metric} alone, compare with --metric ${m.metric}`,
        },
      ];
    }
    const floor = resolutionFloor(m, settings);
    if (!excludes || (floor !== null && floor >= alpha)) return [];
    return [
      {
        metric: m.metric,
        cause: 'test',
        note: `${m.metric} is worse by its interval but not by its test (${factsOf(m, excludes, shownP(raw, bound))}): the test's p-value is not below alpha ${alpha} even before the ${settings.adjustment} adjustment, so --fail-on regression passes it whatever else is gated (--metric ${m.metric} alone too); the interval and the test differ near the edge: --fail-on regression follows the test, --margin the interval`,
      },
    ];
  });
}
