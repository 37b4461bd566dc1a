import { fmt } from '@assay/report';
import type { MetricComparison } from './compare-result.js';

/** Metrics reported on sacrebleu's 0-100 scale, whatever values a run happened to get. */
const PERCENT_SCALE: ReadonlySet<string> = new Set(['chrf', 'chrf++', 'ter']);

/** Whether a metric's values lie on a scale wider than 0-1 (chrF, TER, an error in units). */
function widerThanOne(m: Pick<MetricComparison, 'metric' | 'baseline' | 'candidate'>): boolean {
  if (PERCENT_SCALE.has(m.metric.toLowerCase())) return true;
  return [m.baseline, m.candidate].some((v) => v !== null && (v < 0 || v > 1));
}

/** What {@link marginNotes} reads of the rules. */
export interface MarginRules {
  /** `--margin`, or null */
  readonly margin: number | null;
  /** `--fail-on` */
  readonly failOn: 'regression' | null;
  /** `--fdr` */
  readonly fdr: boolean;
}

/**
 * The notes on rules that do less than they seem to: `--fdr` without `--fail-on regression`
 * changes no decision (`--margin` reads each metric's unadjusted interval), and one `--margin`
 * over gated metrics of different scales (chrF on 0-100 beside token F1 on 0-1) is a small
 * drop for one and a large one for the other.
 *
 * @param metrics - the compared metrics after the decision rules
 * @param rules - `--margin`, `--fail-on` and `--fdr`
 * @returns the notes, or none
 * @example
 * marginNotes([], { margin: 0.5, failOn: null, fdr: true })[0]; // "--fdr changes only the --fail-on regression decision, which was not asked for: --margin reads each gated metric's unadjusted interval, so --fdr decides nothing here (it changes the p adj column only)"
 */
export function marginNotes(
  metrics: readonly Pick<MetricComparison, 'metric' | 'gated' | 'baseline' | 'candidate'>[],
  rules: MarginRules,
): string[] {
  const notes: string[] = [];
  if (rules.fdr && rules.failOn !== 'regression') {
    notes.push(
      `--fdr changes only the --fail-on regression decision, which was not asked for: ${rules.margin === null ? 'no rule reads the adjusted p-values' : "--margin reads each gated metric's unadjusted interval"}, so --fdr decides nothing here (it changes the p adj column only)`,
    );
  }
  const gated = metrics.filter((m) => m.gated);
  const wide = gated.filter(widerThanOne);
  const unit = gated.filter((m) => !widerThanOne(m));
  if (rules.margin !== null && wide.length > 0 && unit.length > 0) {
    const values = (m: (typeof gated)[number]) =>
      `${m.metric} (${fmt(m.baseline, 4)} -> ${fmt(m.candidate, 4)})`;
    notes.push(
      `--margin ${rules.margin} applies to every gated metric whatever its scale: ${wide.map(values).join(', ')} ${wide.length === 1 ? 'is' : 'are'} measured beyond 0-1, ${unit.map((m) => m.metric).join(', ')} within it, so the same margin is a small drop in one and a large one in the other; compare each scale alone (--metric) with a margin of its own`,
    );
  }
  return notes;
}
