import { showsCostPerCorrect } from '../format/cost-per-correct.js';
import { decodeSpeedText, SHORT_ANSWERS_NOTE, shortAnswers } from '../format/decode-speed.js';
import { fmt, formatCount, formatUsd } from '../format/format-number.js';
import { earlierRunsText } from '../format/resumed-run-text.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { escapeHtml as h } from './escape-html.js';

/**
 * A readable figure whose exact value shows on hover (`results.json` keeps it too): HTML, the
 * text as given (the caller escapes it), in a `<span title>` unless `value` is null.
 *
 * @example
 * exact('0.85', 0.849); // '<span title="0.849">0.85</span>'
 * exact('—', null); // '—'
 */
export function exact(text: string, value: number | null): string {
  return value === null ? text : `<span title="${value}">${text}</span>`;
}

/** The cost per correct answer: a header and a cell, both left out by a generation run. */
const COST_PER_CORRECT = 'cost / correct';

/** The columns of the service table, key figures first (a phone shows the left ones). */
const HEADERS = [
  'model',
  'requests',
  'failed',
  'latency ms p50 / p90 / p95 / p99',
  'cost',
  COST_PER_CORRECT,
  'TTFT ms p50 / p95',
  'TPOT ms p50',
  'throughput req/s / out tok/s',
  'decode tok/s per request',
  'tokens in / out',
  'sent / resumed / cached',
];

function serviceRow(m: ModelResult, perCorrect: boolean): string {
  const s = m.service;
  const classes = Object.entries(s.errorsByClass)
    .map(([k, v]) => `${h(k)} × ${v}`)
    .join(', ');
  const failed = `${s.failed} (${fmt(s.errorRate * 100, 1)}%)${classes ? `<br><span class="note">${classes}</span>` : ''}${(s.retried ?? 0) > 0 ? `<br><span class="note">${s.retried} retried</span>` : ''}`;
  const cells = [
    String(s.requests),
    failed,
    `${fmt(s.latencyMs.p50, 1)} / ${fmt(s.latencyMs.p90, 1)} / ${fmt(s.latencyMs.p95, 1)} / ${fmt(s.latencyMs.p99, 1)}`,
    exact(formatUsd(s.costUsd), s.costUsd),
    ...(perCorrect ? [exact(formatUsd(s.costPerCorrectUsd), s.costPerCorrectUsd)] : []),
    `${fmt(s.ttftMs.p50, 1)} / ${fmt(s.ttftMs.p95, 1)}`,
    fmt(s.tpotMs.p50, 2),
    `${fmt(s.throughput?.requestsPerSecond, 1)} / ${fmt(s.throughput?.outputTokensPerSecond, 1)}`,
    `${decodeSpeedText(s)}${shortAnswers(s) ? '<sup>*</sup>' : ''}`,
    `${exact(formatCount(s.inputTokens), s.inputTokens)} / ${exact(formatCount(s.outputTokens), s.outputTokens)}`,
    `${s.sentThisRun} / ${s.resumedFromJournal} / ${s.cachedThisRun}`,
  ];
  return `<tr><td class="name">${h(m.name)}</td>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
}

/**
 * The service table of `report.html`, one row per model: requests, failures, latency, cost,
 * TTFT, TPOT, throughput, decode speed, tokens and where the answers came from; a footnote
 * where answers are too short for a decode speed.
 *
 * @param r - the run's results
 * @returns HTML (every text escaped)
 * @example
 * serviceTable(results).startsWith('<table class="service">'); // true
 */
export function serviceTable(r: RunResults): string {
  const perCorrect = showsCostPerCorrect(r);
  const head = HEADERS.filter((x) => perCorrect || x !== COST_PER_CORRECT)
    .map((x, i) => `<th${i === 0 ? '' : ' class="num"'}>${h(x)}</th>`)
    .join('');
  const short = r.models.some((m) => shortAnswers(m.service));
  const notes = r.models.flatMap((m) => {
    const earlier = earlierRunsText(m.service);
    return earlier === undefined ? [] : [`<p class="note">${h(m.name)}: ${h(earlier)}.</p>`];
  });
  const note = `${short ? `<p class="note"><sup>*</sup> ${h(SHORT_ANSWERS_NOTE)}</p>` : ''}${notes.join('')}`;
  return `<table class="service"><thead><tr>${head}</tr></thead><tbody>${r.models.map((m) => serviceRow(m, perCorrect)).join('')}</tbody></table>${note}`;
}
