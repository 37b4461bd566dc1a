import { fmt } from '../format/format-number.js';
import { metricIntervalText } from '../format/metric-interval-text.js';
import type { RunResults } from '../results/run-results-schema.js';
import { headlineMetric, runVerdict } from '../verdict/verdict.js';
import { cellText, markdownParts } from './markdown-text.js';
import { thresholdTableMarkdown } from './threshold-table-markdown.js';

/** The first reported metrics a summary shows per model, beside the thresholds' metrics. */
const HEADLINE_METRICS = 4;

function headlineTable(r: RunResults): string[] {
  const first = headlineMetric(r);
  const names = [
    ...new Set([
      ...(first === null ? [] : [first]),
      ...r.evaluation.metrics.filter((m) => r.models.some((x) => m in x.metrics)),
    ]),
  ].slice(0, HEADLINE_METRICS);
  if (names.length === 0) return [];
  const ci = `${Math.round(r.evaluation.ci * 1000) / 10}%`;
  return [
    `| model | ${names.map((n) => `${n} [${ci} CI]`).join(' | ')} | p95 latency ms | failed requests |`,
    `|---|${names.map(() => '---|').join('')}---|---|`,
    ...r.models.map((m) => {
      const cells = names.map((n) => {
        const s = m.metrics[n];
        return s === undefined ? '—' : `${fmt(s.value)} ${metricIntervalText(s)}`;
      });
      // as the terminal's service table writes p95 (one decimal) and the threshold table above
      // writes an error_rate value (four decimals)
      return `| ${cellText(m.name)} | ${cells.join(' | ')} | ${fmt(m.service.latencyMs.p95, 1)} | ${fmt(m.service.errorRate, 4)} |`;
    }),
  ];
}

/**
 * A GitHub Actions step summary of one run (`assay run --summary-md $GITHUB_STEP_SUMMARY`):
 * the verdict and why, the threshold checks with value, interval and result, and the
 * headline metrics per model with p95 latency and the share of failed requests (`error_rate`,
 * under a header that says what it counts: beside an accuracy, "error rate" read as wrong answers).
 *
 * @param r - the run's results
 * @returns Markdown ending with a blank line, so that several summaries can be appended to
 *   one file
 * @example
 * stepSummaryMarkdown(results).split('\n')[0]; // '### ✅ assay run sample: PASS'
 */
export function stepSummaryMarkdown(r: RunResults): string {
  const v = runVerdict(r);
  // a qualified PASS (service thresholds only, another model answering) is no green tick
  const icon =
    v.status === 'fail' ? '❌' : v.status === 'unchecked' ? '➖' : v.caution !== null ? '⚠️' : '✅';
  const thresholds = thresholdTableMarkdown(r);
  return [
    `### ${icon} assay run ${cellText(r.name)}: ${v.badge}`,
    '',
    ...(v.caution !== null ? [`**${cellText(v.title)}.**`, ''] : []),
    markdownParts(v.outcomeParts),
    '',
    cellText(v.evaluated),
    '',
    ...(thresholds.length > 0 ? ['#### Thresholds', '', ...thresholds, ''] : []),
    ...headlineTable(r).concat(''),
    `Results: \`${r.files.results}\` · report: \`${r.files.reportHtml}\``,
    '',
    '',
  ].join('\n');
}
