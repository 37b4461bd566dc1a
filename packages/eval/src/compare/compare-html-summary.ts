import { escapeHtml } from '@assay/report';
import { metricReading, metricSentence } from './compare-html-reading.js';
import { serviceSentences } from './compare-html-service.js';
import type { CompareResult } from './compare-result.js';

/** The metrics the summary speaks of: the gated ones, or every compared one when none is gated. */
function summarized(r: CompareResult) {
  const gated = r.metrics.filter((m) => m.gated);
  return gated.length > 0 ? gated : r.metrics;
}

/** `better on 8 of 8 gated metrics (significantly on brier_score), worse on none`. */
function leadSentence(r: CompareResult): string {
  const ms = summarized(r);
  const what = ms.some((m) => m.gated) ? 'gated metrics' : 'compared metrics';
  const side = (s: string) => ms.filter((m) => metricReading(r, m).side === s);
  const sig = (list: typeof ms) =>
    list.filter((m) => metricReading(r, m).significant).map((m) => m.metric);
  const part = (s: 'better' | 'worse') => {
    const list = side(s);
    if (list.length === 0) return `${s} on none`;
    const significant = sig(list);
    const how =
      significant.length === 0
        ? 'none significantly'
        : `significantly on ${significant.join(', ')}`;
    return `${s} on ${list.length} of ${ms.length} ${what} (${how})`;
  };
  return `${r.candidate.name} against ${r.baseline.name}: ${part('better')}; ${part('worse')}`;
}

/**
 * The plain-language summary above the decision: a lead sentence, then per gated metric (every
 * compared one when none is gated) its difference with its interval, better or worse for its
 * direction, and whether it is significant; then the cost and p95 latency differences.
 *
 * @param r - the comparison
 * @returns the HTML section
 * @example
 * compareSummary(result); // '…'
 */
export function compareSummary(r: CompareResult): string {
  const service = serviceSentences(r);
  const items = [
    ...summarized(r).map((m) => metricSentence(r, m)),
    ...(service.length === 0 ? [] : [`service: ${service.join('; ')}`]),
  ];
  return `<section class="summary"><p class="lead">${escapeHtml(leadSentence(r))}.</p><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>`;
}
