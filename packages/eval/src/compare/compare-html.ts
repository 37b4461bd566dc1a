import { escapeHtml } from '@assay/report';
import { compareForest } from './compare-forest.js';
import { metricTable } from './compare-html-metrics.js';
import { serviceTable } from './compare-html-service.js';
import { compareSummary } from './compare-html-summary.js';
import type { CompareResult } from './compare-result.js';
import { pairingLines, settingsLine } from './compare-text.js';

/** The page's CSS: side padding, tables in their own scrolling box, colours of 4.5:1 or more. */
const CSS = `*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222}
main{max-width:1180px;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.5rem;overflow-wrap:anywhere}code{overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;margin:1rem 0}table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
th:first-child,td:first-child,td.dir,td:last-child,th:last-child{text-align:left}
.decision{font-weight:600;border-left:6px solid #57606a;padding:.4rem .8rem;background:#f6f8fa}
.decision.pass{color:#006b4f;border-color:#006b4f}.decision.fail{color:#a33a00;border-color:#a33a00}
.decision.neutral{color:#3d444d}.better{color:#006b4f;font-weight:600}.worse{color:#a33a00;font-weight:600}
.summary{border:1px solid #d0d7de;border-radius:6px;padding:.2rem 1rem;margin:1rem 0}.summary .lead{font-weight:600}
.note{font-size:12px;color:#57606a}.mark{color:#a33a00;font-weight:600}
.chart{max-width:100%;height:auto}.chart .grid{stroke:#eee}.chart .axis{stroke:#888}
.chart .tick,.chart .legend{font-size:11px;fill:#444}.chart .axis-label{font-size:12px;fill:#222}
.chart .chart-title{font-size:13px;font-weight:600}
@media (max-width:600px){main{padding:1rem .75rem 2rem}}`;

/** The decision's class: `pass`, `fail`, or `neutral` where nothing was checked. */
function decisionClass(r: CompareResult): string {
  if (r.decision.exitCode !== 0) return 'fail';
  return r.decision.reason.startsWith('PASS') ? 'pass' : 'neutral';
}

/**
 * The HTML form of a comparison: a plain-language summary (per gated metric the difference,
 * its interval, better or worse, significant or not; cost and p95 latency), the decision
 * (green PASS, dark orange FAIL, grey NOT CHECKED), the pairing, a forest plot of every
 * metric's difference oriented so that right is better (−margin line with `--margin`), the
 * metric table (direction per row, † where interval and test disagree) and the service table
 * (units, better or worse). One self-contained file, no script, readable on a phone.
 *
 * @param r - the comparison
 * @returns an HTML document
 * @remarks Lower-is-better metrics (▼) are plotted with their sign flipped, so a fall of a loss
 *   is drawn right of zero; significant improvements are green, significant regressions and
 *   failed gates dark orange; each mark's tooltip holds its numbers.
 * @example
 * compareHtml(result).startsWith('<!doctype html>'); // true
 */
export function compareHtml(r: CompareResult): string {
  const title = `assay compare: ${r.baseline.name} → ${r.candidate.name}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${compareSummary(r)}
<p class="decision ${decisionClass(r)}">${escapeHtml(r.decision.reason)}</p>
<ul><li>baseline: <code>${escapeHtml(r.baseline.results)}</code> (model ${escapeHtml(r.baseline.model)})</li>
<li>candidate: <code>${escapeHtml(r.candidate.results)}</code> (model ${escapeHtml(r.candidate.model)})</li>
${pairingLines(r)
  .map((l) => `<li>${escapeHtml(l)}</li>`)
  .join('\n')}</ul>
<h2>Metrics</h2>
<p>${escapeHtml(settingsLine(r))}</p>
${compareForest(r)}
${metricTable(r)}
<h2>Service</h2>
${serviceTable(r)}
</main></body></html>
`;
}
