import { escapeHtml } from '@assay/report';
import { metricReading } from './compare-html-reading.js';
import type { CompareResult } from './compare-result.js';
import { metricRows } from './compare-text.js';

/** The marker of a row whose interval and test disagree, and its footnote. */
export const SPLIT_MARK = '†';

/** The reading cell: `better, significant` in the colour of its side, or `not significant`. */
function readingCell(r: CompareResult, i: number): string {
  const reading = metricReading(r, r.metrics[i]!);
  if (reading.side === null) return '<td>–</td>';
  if (!reading.significant) return `<td>${reading.side}, not sig.</td>`;
  const cls = reading.side === 'better' ? 'better' : reading.side === 'worse' ? 'worse' : '';
  return `<td class="${cls}">${reading.side}, significant</td>`;
}

/**
 * The metric table of the HTML report: the terminal table's columns, each metric's direction
 * (▲ higher, ▼ lower: which way is better), how the candidate fares (better or worse,
 * significant or not, coloured when significant), and a † on the interval of each row whose
 * interval and test disagree, with its footnote under the table.
 *
 * @param r - the comparison
 * @returns the HTML, the table in its own scrolling box
 * @example
 * metricTable(result).startsWith('<div class="table-wrap"><table>'); // true
 */
export function metricTable(r: CompareResult): string {
  const t = metricRows(r);
  const ciColumn = 4;
  const header = [t.header[0]!, 'better if', ...t.header.slice(1), 'candidate is'];
  const rows = t.rows.map((row, i) => {
    const m = r.metrics[i]!;
    const reading = metricReading(r, m);
    const cells = row.map((c, k) => {
      const mark = k === ciColumn && reading.split ? `<sup class="mark">${SPLIT_MARK}</sup>` : '';
      const cls = k === row.length - 1 && c.startsWith('FAIL') ? ' class="worse"' : '';
      return `<td${cls}>${escapeHtml(c)}${mark}</td>`;
    });
    const word = m.greaterIsBetter ? 'higher' : 'lower';
    const direction = `<td class="dir" title="${reading.direction}">${reading.arrow} ${word}</td>`;
    return `<tr>${cells[0]}${direction}${cells.slice(1).join('')}${readingCell(r, i)}</tr>`;
  });
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const split = r.metrics.filter((m) => metricReading(r, m).split).map((m) => m.metric);
  const alpha = Number((1 - r.settings.ci).toFixed(10));
  const note =
    split.length === 0
      ? ''
      : `<p class="note"><sup>${SPLIT_MARK}</sup> The interval and the test disagree (${escapeHtml(split.join(', '))}): only one of them finds a difference from 0 at ${alpha}. --fail-on regression follows the test, --margin the interval. Significance in the last column is the test's (the adjusted p for gated metrics).</p>`;
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${note}`;
}
