import { escapeHtml, type LineSeries, lineChart } from '@assay/report';
import type { LoadRecord } from '../metrics/load-record.js';
import type { StepResult } from '../metrics/step-result.js';
import { stepLabel } from './loadtest-table.js';
import { measurementValid } from './step-cells.js';
import { type StepSeries, stepChart } from './step-chart.js';

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

/** A series of one figure per step (steps without the figure left out). */
function perStep(
  name: string,
  color: string,
  steps: readonly StepResult[],
  xy: (
    s: StepResult,
  ) => [number, number | null | undefined, (readonly [number, number] | undefined)?],
  dash = false,
): StepSeries {
  const points = steps.flatMap((s, i) => {
    const [x, y, interval] = xy(s);
    if (y === null || y === undefined) return [];
    const point = { x, y, valid: measurementValid(s), label: stepLabel(s, i) };
    return [interval === undefined ? point : { ...point, interval }];
  });
  return { name, color, points, dash };
}

const figure = (svg: string, caption = ''): string =>
  svg === ''
    ? ''
    : `<figure>${svg}${caption === '' ? '' : `<figcaption>${escapeHtml(caption)}</figcaption>`}</figure>`;

const rate = (s: StepResult): number => s.throughput.requestsPerSec;

/** Whether e2e equals TTFT within 1% (or 0.5 ms) at every step (an answer in one chunk). */
function e2eIsTtft(steps: readonly StepResult[]): boolean {
  // within 1%, or half a millisecond for the fast steps
  const near = (a: number | null, b: number | null) =>
    a === null || b === null || Math.abs(a - b) <= Math.max(0.5, 0.01 * Math.max(a, b));
  return steps.every(
    (s) =>
      near(s.latencyMs.e2e.p50, s.latencyMs.ttft.p50) &&
      near(s.latencyMs.e2e.p99, s.latencyMs.ttft.p99),
  );
}

/** TTFT solid, e2e dashed in other colours, so neither hides the other. */
function latencyChart(steps: readonly StepResult[]): string {
  const l = (s: StepResult) => s.latencyMs;
  const svg = stepChart(
    [
      perStep('TTFT p50', '#0072B2', steps, (s) => [rate(s), l(s).ttft.p50]),
      perStep('TTFT p99', '#D55E00', steps, (s) => [rate(s), l(s).ttft.p99]),
      perStep('e2e p50', '#56B4E9', steps, (s) => [rate(s), l(s).e2e.p50], true),
      perStep('e2e p99', '#E69F00', steps, (s) => [rate(s), l(s).e2e.p99], true),
    ],
    {
      title: 'Latency percentiles against rate',
      xLabel: 'Achieved requests/s',
      yLabel: 'ms',
      line: true,
      unit: 'ms',
    },
  );
  const same = e2eIsTtft(steps)
    ? 'e2e equals TTFT within 1% (or 0.5 ms) at every step (each answer came in one chunk): the dashed e2e lines lie on the TTFT lines.'
    : '';
  return figure(svg, same);
}

/** Closed-loop throughput: a line only through three or more concurrencies. */
function concurrencyChart(steps: readonly StepResult[]): string {
  const closed = steps.filter((s) => s.profile.kind === 'concurrency');
  const levels = [...new Set(closed.map((s) => s.profile.concurrency ?? 0))].sort((a, b) => a - b);
  if (levels.length < 2) return '';
  const few = levels.length < 3;
  const svg = stepChart(
    [perStep('requests/s', '#0072B2', closed, (s) => [s.profile.concurrency ?? 0, rate(s)])],
    {
      title: 'Throughput against concurrency',
      xLabel: 'Concurrency',
      yLabel: 'Requests/s',
      line: !few,
      unit: 'req/s',
    },
  );
  const caption = few
    ? `Measured at concurrency ${levels.join(' and ')} only: no line is drawn between them, as throughput need not scale linearly in between.`
    : '';
  return figure(svg, caption);
}

function goodputChart(steps: readonly StepResult[]): string {
  if (!steps.some((s) => s.goodput !== undefined)) return '';
  return figure(
    stepChart(
      [
        // the throughput first, so the goodput is drawn over the line it may follow
        perStep('throughput', '#8c959f', steps, (s) => [rate(s), rate(s)], true),
        perStep('goodput', '#009E73', steps, (s) => [rate(s), s.goodput?.requestsPerSec]),
      ],
      {
        title: 'Goodput against rate',
        xLabel: 'Achieved requests/s',
        yLabel: 'Requests/s',
        line: true,
        unit: 'req/s',
      },
    ),
  );
}

/**
 * `--score`: each quality metric against the achieved rate, with its 95% interval as a bar, so
 * a drop under load shows, and so does whether it is more than chance.
 */
function qualityChart(steps: readonly StepResult[]): string {
  const metrics = [...new Set(steps.flatMap((s) => (s.quality ?? []).map((q) => q.metric)))];
  const colors = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
  const svg = stepChart(
    metrics.map((m, k) =>
      perStep(m, colors[k % colors.length]!, steps, (s) => {
        const q = s.quality?.find((x) => x.metric === m);
        return [rate(s), q?.value, q?.interval];
      }),
    ),
    {
      title: 'Answer quality against rate (--score)',
      xLabel: 'Achieved requests/s',
      yLabel: 'Mean score',
      line: true,
    },
  );
  return figure(svg, svg === '' ? '' : 'Bars: 95% intervals of each step’s mean score.');
}

function cdfChart(steps: readonly StepResult[], records: Iterable<LoadRecord>): string {
  const ttft = ttftByStep(records, steps.length);
  const cdf: LineSeries[] = steps.map((s, i) => ({
    name: stepLabel(s, i),
    ...cdfLine(ttft[i]!),
    step: true,
  }));
  const kept = cdf.filter((c) => c.x.length > 0);
  if (kept.length === 0) return '';
  // the legend beside the plot: in a corner it covered the curves (a slow step's reach the
  // bottom-right corner, the quick ones climb at the left)
  return figure(
    lineChart(kept, {
      title: 'TTFT CDF per step',
      xLabel: 'TTFT (ms)',
      yLabel: 'Fraction of requests',
      legendOutside: true,
    }),
  ).replace('<figure>', '<figure class="wide">');
}

/**
 * The report's charts section: per-step figures against rate (latency, throughput against
 * concurrency, goodput, quality), each step that is not valid drawn hollow, and the TTFT CDF
 * per step. A run of one step gets no chart of one point each: the table holds its figures.
 *
 * @param steps - the run's steps (a single run is one)
 * @param records - its records, for the TTFT CDFs
 * @returns the HTML parts, or a line saying why there is no chart
 * @example
 * ```ts
 * const html = chartSection(result.steps, records).join('\n');
 * html; // '<h2>Charts</h2>\n<div class="charts">\n<figure><svg …</figure>\n</div>'
 * ```
 */
export function chartSection(
  steps: readonly StepResult[],
  records: Iterable<LoadRecord>,
): string[] {
  const measured = steps.some((s) => s.requests.completed > 0);
  if (!measured)
    return [
      '<h2>Charts</h2><p class="warn">No chart: no request completed, so there is no latency, throughput or TTFT to draw.</p>',
    ];
  const one = steps.length === 1;
  const drawn = [
    ...(one
      ? []
      : [latencyChart(steps), concurrencyChart(steps), goodputChart(steps), qualityChart(steps)]),
    cdfChart(steps, records),
  ].filter((c) => c !== '');
  const note = one
    ? '<p class="note">One step: its figures are in the table above (a chart against rate would be one point each).</p>'
    : '';
  if (drawn.length === 0) return ['<h2>Charts</h2>', note];
  return ['<h2>Charts</h2>', note, '<div class="charts">', ...drawn, '</div>'].filter(
    (x) => x !== '',
  );
}
