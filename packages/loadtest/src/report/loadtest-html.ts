import { escapeHtml, type LineSeries, lineChart } from '@assay/report';
import type { LoadRecord } from '../metrics/load-record.js';
import type { LoadTestResult, StepResult } from '../metrics/step-result.js';
import type { RateStepOutcome } from '../run/search-rate.js';
import { findMaxOutcomes, maxRateLine, validityCell } from './find-max-note.js';
import { interruptionNote } from './interruption-note.js';
import { saturationNote } from './saturation-note.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;margin:1rem 0}
td,th{padding:.25rem .6rem;border-bottom:1px solid #d0d7de;text-align:right}td:first-child,th:first-child{text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.warn{color:#9a3412}.legend text{font-size:11px}`;

function fmt(v: number | null, digits = 1): string {
  return v === null ? '–' : v.toFixed(digits);
}

/** A rate with two decimals, or two significant digits below 0.01/s (1e-6 read 0.00/s). */
function rateText(rate: number | undefined): string {
  const r = rate ?? 0;
  return r >= 0.01 ? r.toFixed(2) : String(+r.toPrecision(2));
}

function stepLabel(s: StepResult, i: number): string {
  const p = s.profile;
  if (p.kind === 'concurrency') return `step ${i}: concurrency ${p.concurrency}`;
  if (p.kind === 'rate') return `step ${i}: ${rateText(p.rate)}/s ${p.arrival ?? ''}`;
  return `step ${i}: ${p.kind}`;
}

function series(name: string, points: [number, number | null][]): LineSeries | undefined {
  const kept = points
    .filter((p): p is [number, number] => p[1] !== null)
    .sort((a, b) => a[0] - b[0]);
  return kept.length === 0
    ? undefined
    : { name, x: kept.map((p) => p[0]), y: kept.map((p) => p[1]), markers: true };
}

function chart(lines: (LineSeries | undefined)[], title: string, x: string, y: string): string {
  const kept = lines.filter((l): l is LineSeries => l !== undefined);
  return kept.length === 0 ? '' : lineChart(kept, { title, xLabel: x, yLabel: y });
}

/** Points a TTFT CDF keeps at most: its shape to 0.1% of the requests, however long the run. */
const CDF_POINTS = 1000;

/** Each step's TTFT (from the scheduled start) of its measured, completed requests, sorted; one pass. */
function ttftByStep(records: Iterable<LoadRecord>, steps: number): Float64Array[] {
  const byStep: number[][] = Array.from({ length: steps }, () => []);
  for (const r of records) {
    if (r.warmup || r.errorClass !== null || r.firstTokenMs === null) continue;
    byStep[r.step]?.push(r.firstTokenMs - r.scheduledMs);
  }
  return byStep.map((ttft) => Float64Array.from(ttft).sort());
}

/**
 * The empirical CDF of sorted values as a step line: every point when there are at most
 * {@link CDF_POINTS}, else that many at evenly spaced ranks (the first and last included), so a
 * soak's report stays small.
 */
function cdfLine(sorted: Float64Array): { x: number[]; y: number[] } {
  const n = sorted.length;
  const keep = Math.min(n, CDF_POINTS);
  const x: number[] = [];
  const y: number[] = [];
  for (let j = 0; j < keep; j++) {
    const k = keep === n ? j : Math.round((j * (n - 1)) / (keep - 1));
    x.push(sorted[k]!);
    y.push((k + 1) / n);
  }
  return { x, y };
}

function charts(steps: readonly StepResult[], records: Iterable<LoadRecord>): string[] {
  const rate = (s: StepResult) => s.throughput.requestsPerSec;
  const out = [
    chart(
      [
        series(
          'e2e p50',
          steps.map((s) => [rate(s), s.latencyMs.e2e.p50]),
        ),
        series(
          'e2e p99',
          steps.map((s) => [rate(s), s.latencyMs.e2e.p99]),
        ),
        series(
          'TTFT p50',
          steps.map((s) => [rate(s), s.latencyMs.ttft.p50]),
        ),
        series(
          'TTFT p99',
          steps.map((s) => [rate(s), s.latencyMs.ttft.p99]),
        ),
      ],
      'Latency and TTFT percentiles against rate',
      'Achieved requests/s',
      'ms',
    ),
  ];
  const closed = steps.filter((s) => s.profile.kind === 'concurrency');
  out.push(
    chart(
      [
        series(
          'requests/s',
          closed.map((s) => [s.profile.concurrency ?? 0, rate(s)]),
        ),
      ],
      'Throughput against concurrency',
      'Concurrency',
      'Requests/s',
    ),
  );
  if (steps.some((s) => s.goodput !== undefined)) {
    out.push(
      chart(
        [
          series(
            'goodput',
            steps.map((s) => [rate(s), s.goodput?.requestsPerSec ?? null]),
          ),
          series(
            'throughput',
            steps.map((s) => [rate(s), rate(s)]),
          ),
        ],
        'Goodput against rate',
        'Achieved requests/s',
        'Requests/s',
      ),
    );
  }
  out.push(qualityChart(steps));
  const ttft = ttftByStep(records, steps.length);
  const cdf: LineSeries[] = steps.map((s, i) => ({
    name: stepLabel(s, i),
    ...cdfLine(ttft[i]!),
    step: true,
  }));
  out.push(
    chart(
      cdf.filter((c) => c.x.length > 0),
      'TTFT CDF per step',
      'TTFT (ms)',
      'Fraction of requests',
    ),
  );
  return out.filter((c) => c !== '');
}

/** The charts, or a line saying why there are none (no request completed, so nothing to draw). */
function chartSection(steps: readonly StepResult[], records: Iterable<LoadRecord>): string[] {
  const drawn = charts(steps, records);
  if (drawn.length === 0)
    return [
      '<h2>Charts</h2><p class="warn">No chart: no request completed, so there is no latency, throughput or TTFT to draw.</p>',
    ];
  return ['<h2>Charts</h2><div class="charts">', ...drawn, '</div>'];
}

/** `--score`: each quality metric against the achieved rate, so a drop under load shows. */
function qualityChart(steps: readonly StepResult[]): string {
  const metrics = [...new Set(steps.flatMap((s) => (s.quality ?? []).map((q) => q.metric)))];
  return chart(
    metrics.map((m) =>
      series(
        m,
        steps.map((s) => [
          s.throughput.requestsPerSec,
          s.quality?.find((q) => q.metric === m)?.value ?? null,
        ]),
      ),
    ),
    'Answer quality against rate (--score)',
    'Achieved requests/s',
    'Mean score',
  );
}

function qualityCell(s: StepResult): string {
  if (s.quality === undefined) return '–';
  return s.quality
    .map(
      (q) =>
        `${q.metric} ${fmt(q.value, 3)} [${fmt(q.interval[0], 3)}–${fmt(q.interval[1], 3)}] n=${q.scored}`,
    )
    .join('; ');
}

function table(
  steps: readonly StepResult[],
  outcomes: ReadonlyMap<number, RateStepOutcome>,
): string {
  const scored = steps.some((s) => s.quality !== undefined);
  const head = [
    'step',
    'done',
    'failed',
    'dropped',
    'req/s',
    'TTFT p50',
    'TTFT p99',
    'TPOT p50',
    'e2e p99',
    'goodput',
    ...(scored ? ['quality (95% CI)'] : []),
    'valid',
  ];
  const rows = steps.map((s, i) =>
    [
      stepLabel(s, i),
      String(s.requests.completed),
      String(s.requests.failed),
      String(s.requests.dropped),
      fmt(s.throughput.requestsPerSec, 2),
      fmt(s.latencyMs.ttft.p50),
      fmt(s.latencyMs.ttft.p99),
      fmt(s.latencyMs.tpot.p50),
      fmt(s.latencyMs.e2e.p99),
      s.goodput === undefined ? '–' : `${fmt(s.goodput.requestsPerSec, 2)}/s`,
      ...(scored ? [qualityCell(s)] : []),
      validityCell(s, outcomes.get(i), 'no (generator saturated)', 'no (no request succeeded)'),
    ]
      .map((c) => `<td>${escapeHtml(c)}</td>`)
      .join(''),
  );
  return `<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r}</tr>`).join('')}</table>`;
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

/** How many of a run's steps met the SLO with a valid schedule (the verdict is per step). */
function stepsMeeting(result: LoadTestResult, steps: readonly StepResult[]): string {
  const outcomes = findMaxOutcomes(result);
  const met = steps.filter((s, i) => {
    const o = outcomes.get(i);
    return o === undefined
      ? s.sloPassed?.passed === true && !s.harness.saturated
      : o === 'pass' || o === 'pass-late';
  }).length;
  return `${met} of ${steps.length} steps met it (with the schedule kept, or counted by --find-max although sent late; the table has each step's verdict).`;
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
    `<p>Requests: ${r.completed} completed, ${r.failed} failed, ${r.dropped} dropped, of ${r.scheduled} scheduled; ${fmt(result.throughput.requestsPerSec, 2)} requests/s, ${fmt(result.throughput.outputTokensPerSec, 1)} output tokens/s.</p>`,
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
        ? ` ${stepsMeeting(result, result.steps)}`
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
 * writeFileSync('loadtest.html', loadtestHtml(result, records));
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
  const maxRate = maxRateLine(result);
  if (maxRate !== undefined) notes.push(`<p><b>${escapeHtml(maxRate)}</b></p>`);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>assay loadtest</title><style>${STYLE}</style></head><body>`,
    `<h1>assay loadtest: ${escapeHtml(result.profile.kind)}</h1>`,
    summary(result, context),
    table(steps, findMaxOutcomes(result)),
    ...notes,
    ...chartSection(steps, records),
    '<p>Latencies from the intended start of each request (coordinated omission avoided); TTFT, TPOT = (last token − first token) / (output tokens − 1), ITL = pooled gaps between token chunks (see the package README for how they differ from vLLM and GuideLLM).</p>',
    '</body></html>',
  ].join('\n');
}
