import { escapeHtml, forestPlot } from '@assay/report';
import type { CompareResult } from './compare-result.js';
import { metricRows, pairingLines, serviceRows, settingsLine } from './compare-text.js';
import { metricFacts } from './decide-compare.js';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child{text-align:left}.fail{color:#D55E00;font-weight:600}.pass{color:#009E73;font-weight:600}
.chart .grid{stroke:#eee}.chart .axis{stroke:#888}.chart .tick,.chart .legend{font-size:11px;fill:#444}
.chart .chart-title{font-size:13px;font-weight:600}`;

function table(t: { header: string[]; rows: string[][] }): string {
  const head = t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((row) => {
      const cls = row.at(-1)?.startsWith('FAIL') ? ' class="fail"' : '';
      return `<tr${cls}>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * The HTML form of a comparison: the decision, the pairing, a forest plot of every
 * metric's difference with its interval (zero line; ±margin lines with `--margin`), the
 * metric and service tables. One self-contained file, no script.
 *
 * @param r - the comparison
 * @returns an HTML document
 * @remarks Lower-is-better metrics are plotted as they are (a rise of a loss is drawn right
 *   of zero); failed gates are drawn in the warning colour, each mark's tooltip holds its numbers.
 * @example
 * writeFileSync('compare.html', compareHtml(result));
 */
export function compareHtml(r: CompareResult): string {
  const plot = forestPlot(
    r.metrics.map((m) => ({
      label: m.metric,
      estimate: m.difference,
      low: m.ciLow,
      high: m.ciHigh,
      flagged: m.failed,
      note: metricFacts(m, r.settings.ci, r.settings),
    })),
    {
      title: `Difference per metric (candidate − baseline), ${Math.round(r.settings.ci * 100)}% BCa CI`,
      axisLabel: 'difference (candidate − baseline)',
      margin: r.settings.margin,
    },
  );
  const cls = r.decision.exitCode === 0 ? 'pass' : 'fail';
  const title = `assay compare: ${r.baseline.name} → ${r.candidate.name}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p class="${cls}">${escapeHtml(r.decision.reason)}</p>
<ul><li>baseline: <code>${escapeHtml(r.baseline.results)}</code> (model ${escapeHtml(r.baseline.model)})</li>
<li>candidate: <code>${escapeHtml(r.candidate.results)}</code> (model ${escapeHtml(r.candidate.model)})</li>
${pairingLines(r)
  .map((l) => `<li>${escapeHtml(l)}</li>`)
  .join('\n')}</ul>
<h2>Metrics</h2>
<p>${escapeHtml(settingsLine(r))}</p>
${plot}
${table(metricRows(r))}
<h2>Service</h2>
${table(serviceRows(r))}
</body></html>
`;
}
