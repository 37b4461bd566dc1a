import { escapeHtml as h } from '../html/escape-html.js';
import { cellText } from '../markdown/markdown-text.js';
import type { RunResults } from '../results/run-results-schema.js';
import { earlyStopNote, earlyStopRows, earlyStopSentence } from './early-stop-text.js';

const HEAD = [
  'model',
  'metric',
  'items',
  'value',
  'confidence sequence (anytime-valid)',
  'bootstrap CI (fixed n, reference)',
  'requests saved',
  'cost saved (est.)',
];

/**
 * The report.md section "Early stop", or nothing when the run has no stopping rule.
 *
 * @param r - run results
 * @returns Markdown lines
 * @example
 * markdownEarlyStop(results)[1]; // '## Early stop'
 */
export function markdownEarlyStop(r: RunResults): string[] {
  const e = r.earlyStop;
  if (e === undefined) return [];
  const rows = earlyStopRows(e).map(
    (x) =>
      `| ${cellText(x.model)} | ${x.metric} | ${x.items} | ${x.value} | ${x.sequence} | ${x.bootstrap} | ${x.requestsSaved} | ${x.costSaved} |`,
  );
  return [
    '',
    '## Early stop',
    '',
    earlyStopSentence(e),
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows,
    '',
    earlyStopNote(e, r.evaluation.ci),
  ];
}

/**
 * The report.html section "Early stop", or an empty string when the run has no stopping rule.
 *
 * @param r - run results
 * @returns HTML
 * @example
 * htmlEarlyStop(results).startsWith('<h2>Early stop</h2>'); // true
 */
export function htmlEarlyStop(r: RunResults): string {
  const e = r.earlyStop;
  if (e === undefined) return '';
  const sentence = h(earlyStopSentence(e)).replace(/`([^`]*)`/g, '<code>$1</code>');
  const body = earlyStopRows(e)
    .map(
      (x) =>
        `<tr><td>${h(x.model)}</td><td>${h(x.metric)}</td><td class="num">${x.items}</td><td class="num">${x.value}</td><td class="num">${x.sequence}</td><td class="num">${x.bootstrap}</td><td class="num">${x.requestsSaved}</td><td class="num">${h(x.costSaved)}</td></tr>`,
    )
    .join('');
  const head = HEAD.map((c, i) => `<th${i >= 2 ? ' class="num"' : ''}>${h(c)}</th>`).join('');
  return `<h2>Early stop</h2><p>${sentence}</p><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table><p class="note">${h(earlyStopNote(e, r.evaluation.ci))}</p>`;
}

/**
 * The terminal summary's lines on the early stop: the sentence, then one line per model and
 * metric with both intervals labelled; nothing when the run has no stopping rule.
 *
 * @param r - run results
 * @returns lines of plain text
 * @example
 * terminalEarlyStop(results)[2];
 * // '  nb accuracy 0.8500 (n 20): confidence sequence [0.620, 0.910], bootstrap CI [0.700, 0.950] (fixed n, reference); requests saved 20, cost saved — (est.)'
 */
export function terminalEarlyStop(r: RunResults): string[] {
  const e = r.earlyStop;
  if (e === undefined) return [];
  return [
    '',
    earlyStopSentence(e).replace(/`/g, "'"),
    ...earlyStopRows(e).map(
      (x) =>
        `  ${x.model} ${x.metric} ${x.value} (n ${x.items}): confidence sequence ${x.sequence}, bootstrap CI ${x.bootstrap} (fixed n, reference); requests saved ${x.requestsSaved}, cost saved ${x.costSaved} (est.)`,
    ),
  ];
}
