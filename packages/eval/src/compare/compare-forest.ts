import { type ForestRow, forestPlot } from '@assay/report';
import { metricReading } from './compare-html-reading.js';
import type { CompareResult, MetricComparison } from './compare-result.js';
import { intervalMethod } from './compare-text.js';
import { metricFacts } from './decide-compare.js';

/** The colour of a significant improvement: dark green, 4.5:1 or more on white. */
export const BETTER_COLOR = '#006b4f';
/** The colour of a significant regression or a failed gate: dark orange, 4.5:1 or more on white. */
export const WORSE_COLOR = '#a33a00';
/** Neither: dark grey. */
const NEUTRAL_COLOR = '#57606a';

/** A metric's difference and interval signed so that positive is better for the candidate. */
function oriented(m: MetricComparison): {
  est: number | null;
  lo: number | null;
  hi: number | null;
} {
  const s = m.greaterIsBetter ? 1 : -1;
  const flip = (x: number | null) => (x === null ? null : s * x || 0);
  return m.greaterIsBetter
    ? { est: m.difference, lo: m.ciLow, hi: m.ciHigh }
    : { est: flip(m.difference), lo: flip(m.ciHigh), hi: flip(m.ciLow) };
}

function colorOf(r: CompareResult, m: MetricComparison): string {
  const reading = metricReading(r, m);
  if (m.failed || (reading.significant && reading.side === 'worse')) return WORSE_COLOR;
  return reading.significant && reading.side === 'better' ? BETTER_COLOR : NEUTRAL_COLOR;
}

/** The level and kind of the intervals drawn: `95% BCa CI`, or `95% CI (BCa; percentile for …)`. */
function intervalTitle(r: CompareResult): string {
  const level = Math.round(r.settings.ci * 100);
  const method = intervalMethod(r.metrics);
  return method.includes(';') ? `${level}% CI (${method})` : `${level}% ${method} CI`;
}

/**
 * The forest plot of a comparison, oriented so that right is better for every metric: a
 * lower-is-better metric (▼, log_loss) is drawn with its sign flipped and says so. Significant
 * improvements are drawn green, significant regressions and failed gates dark orange, the rest
 * grey; with `--margin`, a dashed line at −margin (worse by the margin).
 *
 * @param r - the comparison
 * @returns an inline SVG element
 * @example
 * compareForest(result).startsWith('<svg'); // true
 */
export function compareForest(r: CompareResult): string {
  const rows: ForestRow[] = r.metrics.map((m) => {
    const reading = metricReading(r, m);
    const o = oriented(m);
    return {
      label: `${reading.arrow} ${m.metric}${m.greaterIsBetter ? '' : ' (sign flipped)'}`,
      estimate: o.est,
      low: o.lo,
      high: o.hi,
      emphasis: m.failed,
      color: colorOf(r, m),
      note: `${metricFacts(m, r.settings.ci, r.settings)}; ${reading.direction}`,
    };
  });
  return forestPlot(rows, {
    title: `Difference per metric, ${intervalTitle(r)}: right = candidate better`,
    axisLabel: 'difference (candidate − baseline), ▼ metrics negated',
    margin: r.settings.margin,
    marginSides: 'lower',
    ends: ['← candidate worse', 'candidate better →'],
    labelWidth: 230,
  });
}
