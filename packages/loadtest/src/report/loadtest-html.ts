import { escapeHtml } from '@assay/report';
import type { LoadRecord } from '../metrics/load-record.js';
import type { LoadTestResult } from '../metrics/step-result.js';
import { findMaxOutcomes, maxRateLine } from './find-max-note.js';
import { interruptionNote } from './interruption-note.js';
import { chartSection } from './loadtest-charts.js';
import { rateText, stepTable } from './loadtest-table.js';
import {
  chunksTogetherNote,
  fellBehindNotes,
  qualityLine,
  servedModelNote,
  tokenCountNote,
  warmupOverlapNote,
} from './run-notes.js';
import { saturationNote } from './saturation-note.js';
import { stepCounts, sweepAnswer } from './sweep-answer.js';

/** The page's CSS: side padding, tables that scroll in their own box, charts that shrink to a phone. */
const STYLE = `*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24}
main{max-width:1360px;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.table-wrap{overflow-x:auto;margin:1rem 0}table{border-collapse:collapse;font-variant-numeric:tabular-nums}
td,th{padding:.25rem .6rem;border-bottom:1px solid #d0d7de;text-align:right;vertical-align:top;white-space:nowrap}
th{font-size:13px;white-space:normal;min-width:4.5em}td:first-child,th:first-child,.text{text-align:left}
td.text{white-space:normal;min-width:7em;max-width:16em}code{overflow-wrap:anywhere}
.charts{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}figure{margin:0;max-width:440px}figure.wide{max-width:640px}
figcaption,.note{font-size:12px;color:#57606a}.chart{max-width:100%;height:auto}
.chart .grid{stroke:#eef1f4}.chart .axis{stroke:#8c959f}.tick,.legend{font-size:11px;fill:#444}
.axis-label{font-size:12px}.chart-title{font-size:13px;font-weight:600}
.warn{color:#9a3412}.answer{font-size:15px;border-left:4px solid #0072B2;padding:.4rem .8rem;background:#f6f8fa}
@media (max-width:600px){main{padding:1rem .75rem 2rem}}`;

function fmt(v: number | null, digits = 1): string {
  return v === null ? '–' : v.toFixed(digits);
}

/** What the report says it measured, above its table (all optional). */
export interface LoadtestReportContext {
  /** The model id sent with each request. */
  readonly model?: string;
  /** The service's base URL (no credentials: a URL's user and password are dropped). */
  readonly baseUrl?: string;
  /** The request shape, e.g. `openai-chat`. */
  readonly provider?: string;
  /** When the run started. */
  readonly startedAt?: Date;
}

/** The base URL without the user and password a URL may carry: reports are shared. */
function publicUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

function profileText(result: LoadTestResult): string {
  const p = result.profile;
  if (p.kind === 'concurrency') return `closed loop, ${p.concurrency} in flight`;
  if (p.kind === 'rate')
    return `open loop, ${rateText(p.rate)} requests/s (${p.arrival ?? 'poisson'})`;
  return `${p.kind}, ${result.steps?.length ?? 1} steps`;
}

/** The lines under the title: what was measured, when, and the verdict a reader looks for first. */
function summary(result: LoadTestResult, context: LoadtestReportContext): string {
  const what = [
    context.model === undefined ? undefined : `model <b>${escapeHtml(context.model)}</b>`,
    context.baseUrl === undefined
      ? undefined
      : `at <code>${escapeHtml(publicUrl(context.baseUrl))}</code>`,
    context.provider === undefined ? undefined : `(${escapeHtml(context.provider)})`,
  ].filter((x) => x !== undefined);
  const when =
    context.startedAt === undefined ? '' : `, started ${context.startedAt.toISOString()}`;
  const r = result.requests;
  const lines = [
    `<p>${what.length > 0 ? `${what.join(' ')}; ` : ''}${escapeHtml(profileText(result))}; ${fmt(result.durationS, 1)} s measured${when}.</p>`,
    // a rate pooled over the loads of a sweep describes none of them: each step's is in the table
    `<p>Requests: ${r.completed} completed, ${r.failed} failed, ${r.dropped} dropped, of ${r.scheduled} scheduled${
      result.steps === undefined
        ? `; ${fmt(result.throughput.requestsPerSec, 2)} requests/s, ${fmt(result.throughput.outputTokensPerSec, 1)} output tokens/s`
        : ` over ${result.steps.length} steps (each step's rate is in the table)`
    }.</p>`,
  ];
  const failures = Object.entries(r.byError).sort((a, b) => b[1] - a[1]);
  if (failures.length > 0) {
    // most requests failed (a server killed mid-run): the figures describe the few that did not
    const most =
      r.failed > r.completed && r.completed > 0
        ? ` ${r.failed} of ${r.failed + r.completed} requests failed: the latency and throughput figures describe only the ${r.completed} that succeeded.`
        : '';
    lines.push(
      `<p class="warn">Failures by class: ${failures.map(([k, n]) => `${escapeHtml(k)} ${n}`).join(', ')}.${most}</p>`,
    );
  }
  if (result.goodput !== undefined) {
    const verdict = result.sloPassed;
    const met =
      result.steps !== undefined
        ? ` ${escapeHtml(stepCounts(result.steps, findMaxOutcomes(result)))}.`
        : verdict === undefined
          ? ''
          : verdict.passed
            ? ' <b>SLO met.</b>'
            : ` <b class="warn">SLO not met:</b> ${verdict.failures.map(escapeHtml).join('; ')}.`;
    // pooled over the steps of a sweep or find-max, a goodput judges no load that ran: the
    // steps' own goodput is in the table and the chart
    lines.push(
      result.steps !== undefined
        ? `<p>SLO <code>${escapeHtml(result.goodput.slo)}</code>:${met}</p>`
        : `<p>SLO <code>${escapeHtml(result.goodput.slo)}</code>: goodput ${fmt(result.goodput.requestsPerSec, 2)} requests/s, ${fmt(100 * result.goodput.fraction, 1)}% of requests within every bound.${met}</p>`,
    );
  }
  return lines.join('\n');
}

/**
 * What the figures rest on, as the terminal summary says it: steps whose service fell behind
 * its rate, token counts from no usage or tokenizer, decode timing not observable, and
 * `--score` steps whose failed requests were not scored.
 */
function measurementNotes(result: LoadTestResult): string[] {
  const steps = result.steps ?? [result];
  const unscored = steps.flatMap((s, i) =>
    s.quality !== undefined && s.requests.failed > 0 ? [qualityLine(s, i)!] : [],
  );
  const warn = [
    servedModelNote(result),
    ...fellBehindNotes(result),
    tokenCountNote(result),
    warmupOverlapNote(result),
  ];
  const note = [chunksTogetherNote(result), ...unscored];
  return [
    ...warn.filter((n) => n !== undefined).map((n) => `<p class="warn">${escapeHtml(n)}</p>`),
    ...note.filter((n) => n !== undefined).map((n) => `<p class="note">${escapeHtml(n)}</p>`),
  ];
}

/** What each latency measures, under the charts. */
const DEFINITIONS =
  '<p>Latencies count from the intended start of each request (its scheduled time in an open loop; coordinated omission avoided). TTFT = first token (of any channel, reasoning included) − intended start. TPOT = (last token − first token) / (output tokens − 1), requests with 2 or more output tokens. ITL = pooled gaps between consecutive token chunks. e2e = end of the response − intended start. See the package README for how they differ from vLLM and GuideLLM.</p>';

/**
 * The self-contained HTML report of a load test (`--report FILE.html`): a table of the steps
 * (with each `--score` quality metric and its interval) and inline SVG charts (latency and TTFT
 * percentiles against rate, throughput against concurrency, goodput against rate, quality
 * against rate under `--score`, TTFT CDF per step), no scripts, no external files.
 *
 * @param result - the run's results
 * @param records - its records (for the TTFT CDFs)
 * @param context - the model, service and start time, shown under the title
 * @returns the HTML document
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const html = loadtestHtml(result, records);
 * html; // '<!doctype html>…'
 * // writeFileSync('loadtest.html', html);
 * ```
 */
export function loadtestHtml(
  result: LoadTestResult,
  records: Iterable<LoadRecord>,
  context: LoadtestReportContext = {},
): string {
  const steps = result.steps ?? [result];
  const notes: string[] = [];
  const interruption = interruptionNote(result);
  if (interruption !== undefined) notes.push(`<p class="warn">${escapeHtml(interruption)}</p>`);
  const saturation = saturationNote(result);
  if (saturation !== undefined)
    notes.push(
      `<p class="warn">${escapeHtml(saturation)}${result.harness.reasons.length === 0 ? '' : ` ${result.harness.reasons.map(escapeHtml).join('; ')}.`}</p>`,
    );
  // the SLO cell names the bounds missed; the full reasons go here
  for (const [i, s] of steps.entries())
    if (s.sloPassed?.passed === false)
      notes.push(
        `<p class="note">Step ${i} missed the SLO: ${s.sloPassed.failures.map(escapeHtml).join('; ')}.</p>`,
      );
  notes.push(...measurementNotes(result));
  // the answer first, for a search as for a sweep
  const answer = maxRateLine(result) ?? sweepAnswer(result);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>assay loadtest</title><style>${STYLE}</style></head><body><main>`,
    `<h1>assay loadtest: ${escapeHtml(result.profile.kind)}</h1>`,
    ...(answer === undefined ? [] : [`<p class="answer"><b>${escapeHtml(answer)}</b></p>`]),
    summary(result, context),
    stepTable(steps, findMaxOutcomes(result)),
    ...notes,
    ...chartSection(steps, records),
    DEFINITIONS,
    '</main></body></html>',
  ].join('\n');
}
