import {
  findMaxOutcomes,
  interruptionNote,
  type LoadTestResult,
  maxRateLine,
  type RateStepOutcome,
  type StepResult,
  saturationNote,
  validityCell,
} from '@assay/loadtest';
import { textTable } from '@assay/report';

const HEADER = [
  'step',
  'load',
  'done',
  'failed',
  'dropped',
  'req/s',
  'out tok/s',
  'TTFT p50',
  'TTFT p99',
  'TPOT p50',
  'ITL p99',
  'e2e p50',
  'e2e p99',
  'goodput',
  'valid',
];

function ms(v: number | null): string {
  return v === null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

function load(s: StepResult): string {
  const p = s.profile;
  if (p.kind === 'concurrency') return `c=${p.concurrency}`;
  if (p.kind === 'rate') {
    // a rate below 0.01/s keeps two significant digits (1e-6 read as '0/s')
    const r = p.rate ?? 0;
    return `${r >= 0.01 ? +r.toFixed(2) : +r.toPrecision(2)}/s ${p.arrival}`;
  }
  return p.kind;
}

function row(label: string, s: StepResult, outcome?: RateStepOutcome): string[] {
  const l = s.latencyMs;
  const g = s.goodput;
  return [
    label,
    load(s),
    String(s.requests.completed),
    String(s.requests.failed),
    String(s.requests.dropped),
    s.throughput.requestsPerSec.toFixed(2),
    s.throughput.outputTokensPerSec.toFixed(1),
    ms(l.ttft.p50),
    ms(l.ttft.p99),
    ms(l.tpot.p50),
    ms(l.itl.p99),
    ms(l.e2e.p50),
    ms(l.e2e.p99),
    g === undefined ? '-' : `${g.requestsPerSec.toFixed(2)}/s ${(100 * g.fraction).toFixed(0)}%`,
    validityCell(s, outcome),
  ];
}

function rows(result: LoadTestResult): string[][] {
  const steps = result.steps ?? [result];
  const outcomes = findMaxOutcomes(result);
  const out = steps.map((s, i) => row(String(i), s, outcomes.get(i)));
  if (result.steps !== undefined) {
    // validity, goodput and the SLO verdict belong to a step's load, not to steps pooled
    // together (a goodput pooled over a sweep's loads judges no load that ran)
    const all = row('all', result);
    all[all.length - 1] = '-';
    all[all.length - 2] = '-';
    out.push(all);
  }
  return out;
}

/**
 * The sentence for a step that missed its SLO, in the table's notes and on stderr when a run
 * exits 1 for it.
 *
 * @param step - a step whose `sloPassed.passed` is false
 * @param index - its index (0 for a single-step run)
 * @returns `Step 0 misses the SLO: e2e_p99 = 52.100 > 0.001.`
 */
export function sloMissLine(step: StepResult, index = 0): string {
  return `Step ${index} misses the SLO: ${step.sloPassed?.failures.join('; ') ?? ''}.`;
}

/** Sentences under the table: failures by class, saturation, the largest rate. */
function notes(result: LoadTestResult): string[] {
  const lines: string[] = [];
  const interruption = interruptionNote(result);
  if (interruption !== undefined) lines.push(interruption);
  const byError = Object.entries(result.requests.byError);
  if (byError.length > 0)
    lines.push(`Failures by class: ${byError.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  const saturation = saturationNote(result);
  if (saturation !== undefined) {
    lines.push(saturation);
    for (const r of result.harness.reasons) lines.push(`  - ${r}`);
  }
  const maxRate = maxRateLine(result);
  if (maxRate !== undefined) lines.push(maxRate);
  for (const [i, s] of (result.steps ?? [result]).entries()) {
    if (s.sloPassed !== undefined && !s.sloPassed.passed) lines.push(sloMissLine(s, i));
    if (s.quality !== undefined)
      lines.push(
        `Step ${i} quality (--score): ${s.quality.map((q) => `${q.metric} ${q.value.toFixed(3)} (95% CI ${q.interval[0].toFixed(3)} to ${q.interval[1].toFixed(3)}, ${q.scored} scored)`).join('; ')}.`,
      );
  }
  lines.push(
    `Latencies in ms, from the intended start (e2e, TTFT); tokens counted by: ${result.throughput.tokenSource ?? 'none'}.`,
  );
  return lines;
}

/**
 * The results as a terminal table, one row per step, with notes.
 *
 * @param result - the run's results
 * @returns text ending in a newline
 */
export function loadtestTable(result: LoadTestResult): string {
  return `${textTable(HEADER, rows(result))}\n\n${notes(result).join('\n')}\n`;
}

/**
 * The results as a Markdown table with notes.
 *
 * @param result - the run's results
 * @returns Markdown ending in a newline
 */
export function loadtestMarkdown(result: LoadTestResult): string {
  const esc = (c: string) => c.replaceAll('|', '\\|');
  const lines = [
    '# assay loadtest',
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows(result).map((r) => `| ${r.map(esc).join(' | ')} |`),
    '',
    ...notes(result).map((n) => (n.startsWith('  - ') ? n.slice(2) : n)),
  ];
  return `${lines.join('\n')}\n`;
}
