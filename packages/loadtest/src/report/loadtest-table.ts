import { escapeHtml } from '@assay/report';
import { measuredRequests, type StepResult } from '../metrics/step-result.js';
import type { RateStepOutcome } from '../run/search-rate.js';
import { parseSlo, type SloBound } from '../slo/parse-slo.js';
import { sloCell, validCell } from './step-cells.js';

/**
 * Milliseconds rounded to what a reader can use: whole ms from 100 ms, one decimal below,
 * two below 1 ms.
 *
 * @param v - milliseconds, or null
 * @returns the number without its unit (the header carries `ms`), `–` for null
 * @example
 * ```ts
 * msText(159.72); // '160'
 * ```
 */
export function msText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return v.toFixed(v >= 100 ? 0 : v >= 1 ? 1 : 2);
}

/** A rate with two decimals, or two significant digits below 0.01/s (1e-6 read 0.00/s). */
export function rateText(rate: number | undefined): string {
  const r = rate ?? 0;
  return r >= 0.01 ? r.toFixed(2) : String(+r.toPrecision(2));
}

/**
 * A step's label: `step 1: concurrency 64`, `step 2: 142.92/s poisson`.
 *
 * @param s - the step
 * @param i - its index
 * @returns the label
 * @example
 * ```ts
 * stepLabel(step, 0); // 'step 0: concurrency 1'
 * ```
 */
export function stepLabel(s: StepResult, i: number): string {
  const p = s.profile;
  if (p.kind === 'concurrency') return `step ${i}: concurrency ${p.concurrency}`;
  if (p.kind === 'rate') return `step ${i}: ${rateText(p.rate)}/s ${p.arrival ?? ''}`.trim();
  return `step ${i}: ${p.kind}`;
}

/** One column of the step table: its header and its cell per step. */
interface Column {
  readonly head: string;
  readonly key?: string;
  readonly cell: (s: StepResult, i: number) => string;
  /** a cell of words: left-aligned, wrapped */
  readonly text?: boolean;
}

const NAMES: Readonly<Record<string, string>> = {
  ttft: 'TTFT',
  tpot: 'TPOT',
  itl: 'ITL',
  e2e: 'e2e',
};

/** The column of one SLO bound: the statistic it bounds, with its unit and the bound. */
function boundColumn(b: SloBound): Column {
  if (b.metric === 'error_rate')
    return {
      head: `error rate (SLO ≤ ${+(100 * b.max).toFixed(3)}%)`,
      key: b.key,
      cell: (s) => {
        const r = s.requests;
        const n = measuredRequests(r);
        return n === 0 ? '–' : `${(((r.failed + r.dropped) / n) * 100).toFixed(1)}%`;
      },
    };
  return {
    head: `${NAMES[b.metric]} ${b.stat} (ms, SLO ≤ ${b.max})`,
    key: b.key,
    cell: (s) => msText(s.latencyMs[b.metric][b.stat]),
  };
}

function qualityCell(s: StepResult): string {
  if (s.quality === undefined) return '–';
  const f = (v: number | null) => (v === null ? '–' : v.toFixed(3));
  return s.quality
    .map((q) => `${q.metric} ${f(q.value)} [${f(q.interval[0])}–${f(q.interval[1])}] n=${q.scored}`)
    .join('; ');
}

/** The SLO's bounds, or none (no SLO, or one the report cannot read back). */
function boundsOf(steps: readonly StepResult[]): readonly SloBound[] {
  const spec = steps.find((s) => s.goodput !== undefined)?.goodput?.slo;
  if (spec === undefined) return [];
  try {
    return parseSlo(spec).bounds;
  } catch {
    return [];
  }
}

function columns(
  steps: readonly StepResult[],
  outcomes: ReadonlyMap<number, RateStepOutcome>,
): Column[] {
  const bounds = boundsOf(steps).map(boundColumn);
  const shown = new Set(bounds.map((b) => b.key));
  const latency = (metric: 'ttft' | 'tpot' | 'e2e', stat: 'p50' | 'p99'): Column => ({
    head: `${NAMES[metric]} ${stat} (ms)`,
    key: `${metric}_${stat}`,
    cell: (s) => msText(s.latencyMs[metric][stat]),
  });
  const hasTpot = steps.some((s) => s.latencyMs.tpot.p50 !== null);
  const all: Column[] = [
    { head: 'step', cell: (s, i) => stepLabel(s, i) },
    { head: 'done', cell: (s) => String(s.requests.completed) },
    { head: 'failed', cell: (s) => String(s.requests.failed) },
    { head: 'dropped', cell: (s) => String(s.requests.dropped) },
    { head: 'req/s', cell: (s) => s.throughput.requestsPerSec.toFixed(2) },
    latency('ttft', 'p50'),
    latency('ttft', 'p99'),
    ...(hasTpot ? [latency('tpot', 'p50')] : []),
    latency('e2e', 'p99'),
  ];
  // a bound's own column shows its statistic once, with the bound
  const base = all.filter((c) => c.key === undefined || !shown.has(c.key));
  const scored = steps.some((s) => s.quality !== undefined);
  const slo = steps.some((s) => s.sloPassed !== undefined);
  // the verdicts first, next to the step: a wide table cut at the page's edge (a screenshot, a
  // printout) still shows whether each step met the SLO and whether it measured the service
  const [stepColumn, ...figures] = base;
  const cols: Column[] = [
    stepColumn!,
    ...(slo ? [{ head: 'SLO', cell: sloCell, text: true }] : []),
    { head: 'measurement valid', cell: (s, i) => validCell(s, outcomes.get(i)), text: true },
    ...figures,
    ...bounds,
    ...(steps.some((s) => s.goodput !== undefined)
      ? [
          {
            head: 'goodput (req/s)',
            cell: (s: StepResult) => s.goodput?.requestsPerSec.toFixed(2) ?? '–',
          },
        ]
      : []),
    ...(scored ? [{ head: 'quality (95% CI)', cell: qualityCell, text: true }] : []),
  ];
  return cols;
}

/**
 * The step table of the HTML report, in its own scrolling box: counts, rate, latencies in ms
 * (each SLO bound's statistic with its bound), goodput, and two verdicts kept apart: whether
 * the step met the SLO, and whether the measurement is valid (the generator kept its schedule).
 *
 * @param steps - the run's steps (a single run is one)
 * @param outcomes - how `--find-max` counted each rate step
 * @returns the HTML
 * @example
 * ```ts
 * stepTable(result.steps, findMaxOutcomes(result)); // '<div class="table-wrap"><table>…</table></div>'
 * ```
 */
export function stepTable(
  steps: readonly StepResult[],
  outcomes: ReadonlyMap<number, RateStepOutcome>,
): string {
  const cols = columns(steps, outcomes);
  const cls = (c: Column): string => (c.text ? ' class="text"' : '');
  const head = cols.map((c) => `<th${cls(c)}>${escapeHtml(c.head)}</th>`).join('');
  const rows = steps.map((s, i) => {
    const cells = cols.map((c) => `<td${cls(c)}>${escapeHtml(c.cell(s, i))}</td>`).join('');
    return `<tr>${cells}</tr>`;
  });
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
