import { fmt, fmtP } from '@assay/report';
import { intervalTestDisagree } from './compare-caveats.js';
import type { CompareResult, MetricComparison } from './compare-result.js';
import { zeroPBound } from './decide-compare.js';

/** How the HTML report reads one metric's difference. */
export interface MetricReading {
  /** `higher is better` or `lower is better` */
  readonly direction: string;
  /** ▲ (higher is better) or ▼ (lower is better) */
  readonly arrow: string;
  /** the candidate's side of the difference, or null without a difference */
  readonly side: 'better' | 'worse' | 'no change' | null;
  /** the p-value it is judged by (adjusted when gated; a bootstrap 0 as its bound) */
  readonly p: number | null;
  /** `p adj` or `p` */
  readonly pName: string;
  /** whether that p-value is below alpha */
  readonly significant: boolean;
  /** the interval and the test disagree on a difference from 0 */
  readonly split: boolean;
}

/**
 * Reads a compared metric for the HTML report: its direction, whether the candidate is better
 * or worse, whether the difference is significant (by the adjusted p-value of a gated metric,
 * the raw one otherwise) and whether its interval and test disagree.
 *
 * @param r - the comparison
 * @param m - one of its metrics
 * @returns the reading
 * @example
 * metricReading(result, result.metrics[0]).side; // 'no change'
 */
export function metricReading(r: CompareResult, m: MetricComparison): MetricReading {
  const alpha = Number((1 - r.settings.ci).toFixed(10));
  const which = m.pAdjusted === null ? 'p' : 'adjusted';
  const bound = zeroPBound(m, which, r.settings);
  const p = bound ?? (which === 'p' ? m.pValue : m.pAdjusted);
  const d = m.difference;
  const up = m.greaterIsBetter;
  return {
    direction: up ? 'higher is better' : 'lower is better',
    arrow: up ? '▲' : '▼',
    side: d === null ? null : d === 0 ? 'no change' : d > 0 === up ? 'better' : 'worse',
    p,
    pName: which === 'p' ? 'p' : 'p adj',
    significant: p !== null && p < alpha,
    split: intervalTestDisagree(m, alpha, r.settings.bootstrap),
  };
}

/** A signed difference: `+0.0150`, `−0.0151`. */
export function signedText(x: number | null, digits = 4): string {
  if (x === null) return '–';
  const text = fmt(Math.abs(x), digits);
  if (/^0(\.0*)?$/.test(text)) return text;
  return `${x > 0 ? '+' : '−'}${text}`;
}

/** A p-value as the table writes it, `<0.002` for a bootstrap bound. */
function pText(r: CompareResult, m: MetricComparison, reading: MetricReading): string {
  const which = m.pAdjusted === null ? 'p' : 'adjusted';
  const bound = zeroPBound(m, which, r.settings);
  return bound === null ? fmtP(reading.p) : `<${Number(bound.toPrecision(2))}`;
}

/**
 * One metric in plain words: `brier_score (lower is better): −0.0151 [−0.0331, −0.0058],
 * better, significant (p adj 0.032)`.
 *
 * @param r - the comparison
 * @param m - the metric
 * @returns the sentence
 * @example
 * metricSentence(result, result.metrics[0]); // '…'
 */
export function metricSentence(r: CompareResult, m: MetricComparison): string {
  const reading = metricReading(r, m);
  const ci =
    m.ciLow === null || m.ciHigh === null
      ? 'no interval'
      : `[${signedText(m.ciLow)}, ${signedText(m.ciHigh)}]`;
  if (reading.side === null) return `${m.metric} (${reading.direction}): not compared`;
  const verdict =
    reading.p === null
      ? 'not tested'
      : `${reading.significant ? 'significant' : 'not significant'} (${reading.pName} ${pText(r, m, reading)})`;
  const split = reading.split ? '; the interval and the test disagree' : '';
  return `${m.metric} (${reading.direction}): ${signedText(m.difference)} ${ci}, ${reading.side}, ${verdict}${split}`;
}
