import type { Slo, SloBound } from '../slo/parse-slo.js';
import { CutOffTally } from './cut-off.js';
import { CUT_OFF, failureKey, type LoadRecord } from './load-record.js';
import { arrivedTogether, type RequestLatency, requestLatency } from './request-latency.js';
import { Samples } from './samples.js';
import { addScores, type ScoresByMetric } from './step-quality.js';

/** Sums and samples of a step's measured records, in one pass. */
export interface Tally {
  readonly byError: Record<string, number>;
  readonly e2e: Samples;
  readonly e2eSend: Samples;
  readonly ttft: Samples;
  readonly ttftContent: Samples;
  readonly tpot: Samples;
  readonly itl: Samples;
  readonly lag: Samples;
  readonly scores: ScoresByMetric;
  measured: number;
  /** measured requests cut off by an interruption, left out of the rest */
  readonly cutOff: CutOffTally;
  /** The token counts' source: one name, `'mixed'`, or null when no record says. */
  tokenSource: string | null;
  /** Completed measured requests by the source of their token counts. */
  readonly tokenSources: Record<string, number>;
  /** Completed answers whose chunks all arrived in one read ({@link arrivedTogether}). */
  together: number;
  completed: number;
  dropped: number;
  sent: number;
  inputTokens: number;
  outputTokens: number;
  good: number;
  correct: number;
  scored: number;
  start: number;
  end: number;
  /** the last measured scheduled start: the end of the step's sending */
  lastStart: number;
  /** end times of the completed requests, warm-up ones included (they end among the measured) */
  readonly ends: Samples;
  /** scheduled starts of the measured requests (dropped ones too: they were offered) */
  readonly starts: Samples;
  /** scheduled start and end of each completed measured request, in record order */
  readonly answered: { readonly starts: number[]; readonly ends: number[] };
  /**
   * scheduled starts of the measured requests that failed for a cause that is no queueing: not
   * a timeout, not dropped by the in-flight bound (a refused connection, an HTTP error)
   */
  readonly failedStarts: Samples;
}

/** Failure classes that a queue explains: a request that waited too long, or never went out. */
const QUEUEING_FAILURES: ReadonlySet<string> = new Set(['timeout', 'dropped']);

function meetsRequestBounds(
  lat: RequestLatency,
  bounds: readonly SloBound[],
  decodeUnseen: boolean,
): boolean {
  for (const b of bounds) {
    if (b.metric === 'error_rate') continue;
    // chunks that arrived in one read hide the decode: nothing shows a tpot or itl bound met
    if (decodeUnseen && (b.metric === 'tpot' || b.metric === 'itl')) return false;
    const v =
      b.metric === 'ttft'
        ? lat.ttft
        : b.metric === 'tpot'
          ? lat.tpot
          : b.metric === 'itl'
            ? lat.maxItl
            : lat.e2e;
    // a request without the figure (one output token has no TPOT) is not held to that bound
    if (v !== undefined && v > b.max) return false;
  }
  return true;
}

/** The record count where the iterable knows it (an array, a `RecordStore`), to size samples. */
function countOf(all: Iterable<LoadRecord>): number | undefined {
  const n = (all as { length?: unknown }).length;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** An empty tally whose per-record samples hold `n` values without growing (when known). */
function emptyTally(n: number | undefined, slo: Slo | undefined): Tally {
  const perRecord = (): Samples => new Samples(n);
  return {
    byError: {},
    e2e: perRecord(),
    e2eSend: perRecord(),
    ttft: perRecord(),
    ttftContent: perRecord(),
    tpot: perRecord(),
    itl: new Samples(),
    lag: perRecord(),
    scores: new Map(),
    measured: 0,
    cutOff: new CutOffTally(slo),
    tokenSource: null,
    tokenSources: {},
    together: 0,
    completed: 0,
    dropped: 0,
    sent: 0,
    inputTokens: 0,
    outputTokens: 0,
    good: 0,
    correct: 0,
    scored: 0,
    start: Number.POSITIVE_INFINITY,
    end: Number.NEGATIVE_INFINITY,
    lastStart: Number.NEGATIVE_INFINITY,
    ends: perRecord(),
    starts: perRecord(),
    answered: { starts: [], ends: [] },
    failedStarts: new Samples(),
  };
}

/**
 * Sums and samples of a step's measured records, in one pass (warm-up records count only
 * their ends, requests cut off by an interruption only in `cutOff`).
 *
 * @param all - the step's records
 * @param slo - the SLO, for goodput
 * @returns the tally
 * @example
 * ```ts
 * tallyRecords(records, undefined).completed; // 19
 * ```
 */
export function tallyRecords(all: Iterable<LoadRecord>, slo: Slo | undefined): Tally {
  const t = emptyTally(countOf(all), slo);
  for (const r of all) {
    // cut off by an interruption of the run: what the generator did, not the service
    if (r.errorClass === CUT_OFF && !r.warmup) {
      t.cutOff.add(r);
      continue;
    }
    if (r.warmup) {
      if (r.errorClass === null) t.ends.push(r.endMs);
      continue;
    }
    t.measured++;
    if (r.tokenSource !== null && t.tokenSource !== 'mixed') {
      if (t.tokenSource === null) t.tokenSource = r.tokenSource;
      else if (t.tokenSource !== r.tokenSource) t.tokenSource = 'mixed';
    }
    t.start = Math.min(t.start, r.scheduledMs);
    t.starts.push(r.scheduledMs);
    t.end = Math.max(t.end, r.endMs);
    t.lastStart = Math.max(t.lastStart, r.scheduledMs);
    if (r.sentMs !== null) {
      t.sent++;
      t.lag.push(r.sentMs - r.scheduledMs);
    }
    addScores(t.scores, r);
    if (r.correct !== null) {
      t.scored++;
      if (r.correct) t.correct++;
    }
    if (r.errorClass !== null) {
      if (r.errorClass === 'dropped') t.dropped++;
      if (!QUEUEING_FAILURES.has(r.errorClass)) t.failedStarts.push(r.scheduledMs);
      const key = failureKey(r);
      t.byError[key] = (t.byError[key] ?? 0) + 1;
      continue;
    }
    t.completed++;
    if (r.tokenSource !== null)
      t.tokenSources[r.tokenSource] = (t.tokenSources[r.tokenSource] ?? 0) + 1;
    const together = arrivedTogether(r);
    if (together) t.together++;
    t.ends.push(r.endMs);
    t.answered.starts.push(r.scheduledMs);
    t.answered.ends.push(r.endMs);
    t.inputTokens += r.inputTokens ?? 0;
    t.outputTokens += r.outputTokens ?? 0;
    const lat = requestLatency(r);
    t.e2e.push(lat.e2e);
    t.e2eSend.push(lat.e2eSend);
    if (lat.ttft !== undefined) t.ttft.push(lat.ttft);
    if (lat.ttftContent !== undefined) t.ttftContent.push(lat.ttftContent);
    if (lat.tpot !== undefined) t.tpot.push(lat.tpot);
    if (lat.maxItl !== undefined) for (let k = 0; k < r.itlMs.length; k++) t.itl.push(r.itlMs[k]!);
    if (slo !== undefined && meetsRequestBounds(lat, slo.bounds, together)) t.good++;
  }
  return t;
}
