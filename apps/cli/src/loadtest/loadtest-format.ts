import {
  chunksTogetherNote,
  fellBehindNotes,
  findMaxOutcomes,
  interruptionNote,
  type LoadTestResult,
  maxRateLine,
  qualityLine,
  type RateStepOutcome,
  type StepResult,
  saturationNote,
  servedModelNote,
  sloCell,
  sweepAnswer,
  tokenCountNote,
  validCell,
  warmupOverlapNote,
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
  'SLO',
];

/** Columns of words, left-aligned in Markdown (numbers are right-aligned). */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['step', 'load', 'valid', 'SLO']);

function ms(v: number | null): string {
  return v === null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

function load(s: StepResult): string {
  const p = s.profile;
  if (p.kind === 'concurrency') return `c=${p.concurrency}`;
  if (p.kind === 'rate') {
    // two decimals, so a sweep's rates line up (22.4/s beside 13.66/s read as one digit fewer);
    // a rate below 0.01/s keeps two significant digits (1e-6 read as '0/s')
    const r = p.rate ?? 0;
    return `${r >= 0.01 ? r.toFixed(2) : +r.toPrecision(2)}/s ${p.arrival}`;
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
    // the measurement's validity and the SLO verdict apart, as the HTML report keeps them:
    // one cell mixing them read 'kept up 0.87 < 0.95' or 'slo fail' where the notes said NO
    validCell(s, outcome).replace('–', '-'),
    sloCell(s).replace('–', '-'),
  ];
}

/** Cells of the pooled row that describe no load that ran, blanked. */
const PER_LOAD = ['req/s', 'out tok/s', 'goodput', 'valid', 'SLO'].map((h) => HEADER.indexOf(h));

function rows(result: LoadTestResult): string[][] {
  const steps = result.steps ?? [result];
  const outcomes = findMaxOutcomes(result);
  const out = steps.map((s, i) => row(String(i), s, outcomes.get(i)));
  if (result.steps !== undefined) {
    // rates, goodput, validity and the SLO verdict belong to a step's load, not to steps pooled
    // together: a rate pooled over a sweep's loads (one at 1 in flight, one at 64) is no rate
    // the service ran at; its counts and percentiles pool the requests, and say so by the label
    const all = row('all (pooled)', result);
    for (const k of PER_LOAD) all[k] = '-';
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
  // the answer of a sweep or a search, which was only in the HTML report for a sweep
  const answer = maxRateLine(result) ?? sweepAnswer(result);
  if (answer !== undefined) lines.push(answer);
  lines.push(...fellBehindNotes(result));
  for (const [i, s] of (result.steps ?? [result]).entries()) {
    if (s.sloPassed !== undefined && !s.sloPassed.passed) lines.push(sloMissLine(s, i));
    const quality = qualityLine(s, i);
    if (quality !== undefined) lines.push(quality);
  }
  lines.push(...summaryWarnings(result));
  const pooled =
    result.steps === undefined
      ? ''
      : "; the all (pooled) row pools every step's requests, so it has no rate";
  lines.push(
    `Latencies in ms, from the intended start (e2e, TTFT); tokens counted by: ${result.throughput.tokenSource ?? 'none'}${pooled}.`,
  );
  return lines;
}

/**
 * The notes that the table and Markdown print under their figures and JSON output does not
 * hold, for `assay loadtest` to write on stderr with JSON: a sweep's or search's answer, a
 * service that fell behind its rate, each step of a sweep or search that missed its SLO (a
 * single step's miss has its own line, with its exit code), then {@link summaryWarnings}.
 * Before, `--find-max --out fm.json` printed its progress and no answer.
 *
 * @param result - the run's results
 * @returns the sentences, in the table's order
 * @example
 * ```ts
 * for (const n of jsonNotes(result)) process.stderr.write(`assay loadtest: note: ${n}\n`);
 * ```
 */
export function jsonNotes(result: LoadTestResult): string[] {
  // a search that found no rate says so with its exit code
  const noRate = result.maxRate !== undefined && result.maxRate.rate === 0;
  const answer = noRate ? undefined : (maxRateLine(result) ?? sweepAnswer(result));
  const misses =
    result.steps === undefined
      ? []
      : result.steps.flatMap((s, i) =>
          s.sloPassed !== undefined && !s.sloPassed.passed ? [sloMissLine(s, i)] : [],
        );
  return [
    ...(answer === undefined ? [] : [answer]),
    ...fellBehindNotes(result),
    ...misses,
    ...summaryWarnings(result),
  ];
}

/**
 * The notes that a reader of the JSON output would not otherwise see (`assay loadtest` writes
 * them to stderr then): token counts that rest on no usage and no tokenizer, answers whose
 * decode timing was not observable, warm-up requests that asked measured items.
 *
 * @param result - the run's results
 * @returns the sentences, none when there is nothing to say
 * @example
 * ```ts
 * for (const w of summaryWarnings(result)) process.stderr.write(`assay loadtest: ${w}\n`);
 * ```
 */
export function summaryWarnings(result: LoadTestResult): string[] {
  return [
    servedModelNote(result),
    tokenCountNote(result),
    chunksTogetherNote(result),
    warmupOverlapNote(result),
  ].filter((n): n is string => n !== undefined);
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
    `| ${HEADER.map((h) => (TEXT_COLUMNS.has(h) ? '---' : '---:')).join(' | ')} |`,
    ...rows(result).map((r) => `| ${r.map(esc).join(' | ')} |`),
    '',
    ...notes(result).map((n) => (n.startsWith('  - ') ? n.slice(2) : n)),
  ];
  return `${lines.join('\n')}\n`;
}
