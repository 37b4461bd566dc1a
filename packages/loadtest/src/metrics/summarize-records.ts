import type { Slo, SloBound, SloMetric } from '../slo/parse-slo.js';
import { CutOffTally } from './cut-off.js';
import { type Distribution, distribution } from './distribution.js';
import { CUT_OFF, failureKey, type LoadRecord } from './load-record.js';
import { type RequestLatency, requestLatency } from './request-latency.js';
import { Samples } from './samples.js';
import { addScores, qualityOf, type ScoresByMetric } from './step-quality.js';
import type {
  Goodput,
  LatencyMs,
  RequestCounts,
  SloVerdict,
  StepAccuracy,
  StepQuality,
  Throughput,
} from './step-result.js';
import { wilsonInterval } from './wilson-interval.js';

/** Everything of a step that is computed from its records alone (and so recomputable). */
export interface RecordFigures {
  readonly durationS: number;
  readonly requests: RequestCounts;
  readonly throughput: Throughput;
  readonly latencyMs: LatencyMs;
  readonly scheduleLagMs: Distribution;
  readonly ttftContentMs: Distribution;
  readonly goodput?: Goodput;
  readonly sloPassed?: SloVerdict;
  readonly accuracy?: StepAccuracy;
  readonly quality?: StepQuality[];
}

function meetsRequestBounds(lat: RequestLatency, bounds: readonly SloBound[]): boolean {
  for (const b of bounds) {
    if (b.metric === 'error_rate') continue;
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

/** Why a latency metric has no value in a step, for the verdict's message. */
const NO_VALUE: Record<SloMetric, string> = {
  ttft: 'no completed request had a first token, so TTFT is undefined',
  tpot: 'no request had 2 or more output tokens, so TPOT is undefined',
  itl: 'no request had 2 or more chunks, so ITL is undefined',
  e2e: 'no request completed, so e2e is undefined',
};

/**
 * The step's verdict. A bound whose statistic has no value fails (nothing shows it is met),
 * and its failure says why there is none.
 */
function verdict(slo: Slo, latency: LatencyMs, errorRate: number, completed: number): SloVerdict {
  const failures: string[] = [];
  for (const b of slo.bounds) {
    const v = b.metric === 'error_rate' ? errorRate : latency[b.metric][b.stat];
    if (v === null) {
      const why = completed === 0 ? 'no request completed' : NO_VALUE[b.metric as SloMetric];
      failures.push(`${b.key} has no value (${why})`);
      continue;
    }
    const missed = b.metric === 'error_rate' ? undefined : unanswered(b.key, b.stat, errorRate);
    if (missed !== undefined) failures.push(missed);
    else if (v > b.max) failures.push(`${b.key} = ${+v.toFixed(3)} > ${b.max}`);
  }
  return { passed: failures.length === 0, failures };
}

/** The share of requests a latency statistic may leave out: 1% for p99, none for max and mean. */
const LEAVES_OUT: Readonly<Record<string, number>> = {
  p50: 0.5,
  p90: 0.1,
  p95: 0.05,
  p99: 0.01,
  p999: 0.001,
  max: 0,
  mean: 0,
};

/**
 * A latency bound that the failed and dropped requests alone break. The latency figures
 * describe the requests that completed; one that failed or was dropped never answered in time,
 * so when more of them than a percentile leaves out failed (more than 1% for p99), that
 * percentile of all the requests is beyond any bound, whatever the completed ones show.
 */
function unanswered(key: string, stat: string, errorRate: number): string | undefined {
  const leaves = LEAVES_OUT[stat] ?? 0;
  if (!(errorRate > leaves)) return undefined;
  const pct = (x: number) => `${+(100 * x).toFixed(2)}%`;
  return `${key}: ${pct(errorRate)} of the requests failed or were dropped, more than the ${pct(leaves)} that ${stat} leaves out, so it is not met (the latency figures cover the completed requests only)`;
}

/**
 * The figures of a step from its records: counts, throughput, latency distributions, schedule
 * lag, goodput, the SLO verdict and, under `--score`, accuracy and quality
 * (`stepQuality`). Warm-up records are skipped, and so are requests cut off by an
 * interruption of the run ({@link CUT_OFF}; counted as `requests.cutOff`): the generator aborted
 * them, so they are no failure of the service (four of them read as a 2% error rate that failed
 * an SLO). (`runLoadTest` drops the verdict of a step that an interruption left with nothing
 * measured; a step that measured nothing by itself fails its SLO, as its statistics have no
 * value.)
 *
 * @remarks
 * `durationS` runs to the last measured end from, in a closed loop (or a pool of steps), the
 * first measured scheduled start; in an open loop (`rate` given) from the start of its measured
 * schedule, `arrivals / rate` before its last arrival, where `arrivals` counts the measured
 * ones and those an interruption cut off (the gaps are rescaled to end there exactly), so it is
 * the schedule's length plus the drain after its last arrival, vLLM's benchmark duration.
 * `error_rate` = (failed + dropped) / measured. Goodput counts a request good when it
 * completed and met every per-request latency bound; a request without a figure (one output
 * token has no TPOT) meets that figure's bound, as vLLM's benchmark counts it. Attainment is
 * good / measured with a Wilson interval. The verdict fails a bound whose statistic has no
 * value in the step (`tpot_p95 has no value (no request had 2 or more output tokens, so TPOT
 * is undefined)`). This is the function `assay loadtest` uses, so a summary equals this
 * function applied to the rows of `--records`.
 *
 * @param all - the step's records (an array, a `RecordStore`, any iterable), walked once
 * @param slo - the SLO, when one was given
 * @param rate - an open-loop step's rate (it sets where `durationS` starts); none for a closed
 *   loop or a pool of steps
 * @returns the figures
 * @example
 * ```ts
 * const figures = summarizeRecords(records, parseSlo('ttft_p95<=300'));
 * figures.goodput?.fraction; // 0.95 (19 of 20 answered within the SLO)
 * ```
 */
export function summarizeRecords(
  all: Iterable<LoadRecord>,
  slo?: Slo,
  rate?: number,
): RecordFigures {
  const t = tally(all, slo);
  const n = t.measured;
  const durationS = n === 0 ? 0 : Math.max(0, t.end - spanStart(t, rate)) / 1000;
  const perSec = (k: number): number => (durationS > 0 ? k / durationS : 0);
  const failed = n - t.completed - t.dropped;
  const latencyMs: LatencyMs = {
    e2e: distribution(t.e2e),
    ttft: distribution(t.ttft),
    itl: distribution(t.itl),
    tpot: distribution(t.tpot),
    e2eSend: distribution(t.e2eSend),
  };
  const errorRate = n === 0 ? 0 : (failed + t.dropped) / n;
  const quality = qualityOf(t.scores);
  return {
    durationS,
    requests: {
      // the cut-off requests were scheduled and sent: only the figures leave them out
      scheduled: n + t.cutOff.count,
      sent: t.sent + t.cutOff.sent,
      completed: t.completed,
      failed,
      dropped: t.dropped,
      byError: t.byError,
      ...(t.cutOff.count === 0 ? {} : { cutOff: t.cutOff.count, cutOffWait: t.cutOff.result()! }),
    },
    throughput: {
      requestsPerSec: perSec(t.completed),
      steadyRequestsPerSec: steadyRate(t),
      ...keptUpFigures(t),
      outputTokensPerSec: perSec(t.outputTokens),
      inputTokensPerSec: perSec(t.inputTokens),
      tokenSource: t.tokenSource,
    },
    latencyMs,
    scheduleLagMs: distribution(t.lag),
    ttftContentMs: distribution(t.ttftContent),
    ...(slo === undefined
      ? {}
      : {
          goodput: {
            slo: slo.spec,
            requestsPerSec: perSec(t.good),
            fraction: n === 0 ? 0 : t.good / n,
            fractionInterval: wilsonInterval(t.good, n),
          },
          sloPassed: verdict(slo, latencyMs, errorRate, t.completed),
        }),
    ...(t.scored === 0
      ? {}
      : {
          accuracy: {
            correct: t.correct,
            scored: t.scored,
            accuracy: t.correct / t.scored,
            interval: wilsonInterval(t.correct, t.scored),
          },
        }),
    ...(quality.length === 0 ? {} : { quality }),
  };
}

/**
 * Where `durationS` starts: an open loop's measured schedule starts `arrivals / rate` before its
 * last arrival (its gaps are rescaled to end there exactly, as `arrivalOffsets` draws them, the
 * cut-off arrivals counted), a closed loop (or a pool of steps) at its first measured start.
 */
function spanStart(t: Tally, rate: number | undefined): number {
  if (rate === undefined || !(rate > 0)) return t.start;
  const arrivals = t.measured + t.cutOff.count;
  // never before the run's start, which record times count from: a step shorter than one gap
  // (--rate 1e-6 --duration 1s) has its one arrival at the step's end, not 11 days after its start
  return Math.max(0, Math.max(t.lastStart, t.cutOff.lastScheduled) - (arrivals / rate) * 1000);
}

/** Sums and samples of a step's measured records, in one pass. */
interface Tally {
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
}

/** Completions in a step's sending span below which it gives no steady rate. */
const MIN_STEADY_COMPLETIONS = 10;

/**
 * Completed requests per second while the step was sending: requests (warm-up ones too) that
 * ended after the first and by the last measured start, over that span. A closed loop's drain
 * after its last start (up to one latency with no new requests) is left out. 0 (read: use
 * `requestsPerSec`) when fewer than {@link MIN_STEADY_COMPLETIONS} completions fall in the span:
 * a burst of a few milliseconds holding one completion is no rate.
 */
function steadyRate(t: Tally): number {
  const span = t.lastStart - t.start;
  if (!(span > 0)) return 0;
  const ends = t.ends.sortedValues();
  let n = 0;
  // (first start, last start]: a span of k completion gaps holds k completions
  for (let i = 0; i < ends.length && ends[i]! <= t.lastStart; i++) if (ends[i]! > t.start) n++;
  return n < MIN_STEADY_COMPLETIONS ? 0 : n / (span / 1000);
}

/**
 * How much of its offered load a step completed once it was under way: completions over
 * arrivals in the second half of the sending span. A service that keeps up completes, in that
 * half, what arrived one latency earlier, about as many as arrive in it (1, whatever the
 * latency, as long as it is below half the span); one that falls behind completes at its own
 * rate (its capacity over the offered rate). The rate over the whole span would read low by the
 * latency's share of the span (0.83 for 5-s requests in 30-s steps) even for a service that
 * keeps up. Also the completions per second in that half (`keptUpRate`), for find-max to hold
 * against the step's scheduled rate. Both null when the half holds fewer than
 * {@link MIN_STEADY_COMPLETIONS} arrivals, or when the quickest requests (the 10th percentile of
 * e2e) take half the span or more.
 */
function keptUpFigures(t: Tally): Pick<Throughput, 'keptUpShare' | 'keptUpRate'> {
  const none = { keptUpShare: null, keptUpRate: null };
  const span = t.lastStart - t.start;
  if (!(span > 0)) return none;
  const mid = t.start + span / 2;
  const quick =
    t.e2e.length === 0 ? Number.NaN : t.e2e.sortedValues()[Math.floor(0.1 * (t.e2e.length - 1))]!;
  if (!(quick < span / 2)) return none;
  const inHalf = (values: Float64Array): number => {
    let n = 0;
    for (const v of values) if (v > mid && v <= t.lastStart) n++;
    return n;
  };
  const arrivals = inHalf(t.starts.sortedValues());
  if (arrivals < MIN_STEADY_COMPLETIONS) return none;
  const completions = inHalf(t.ends.sortedValues());
  // the rate too: a half that happened to draw few arrivals hides a backlog from the first half
  return { keptUpShare: completions / arrivals, keptUpRate: completions / (span / 2000) };
}

/** The record count where the iterable knows it (an array, a `RecordStore`), to size samples. */
function countOf(all: Iterable<LoadRecord>): number | undefined {
  const n = (all as { length?: unknown }).length;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function tally(all: Iterable<LoadRecord>, slo: Slo | undefined): Tally {
  const n = countOf(all);
  const perRecord = (): Samples => new Samples(n);
  const t: Tally = {
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
  };
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
      const key = failureKey(r);
      t.byError[key] = (t.byError[key] ?? 0) + 1;
      continue;
    }
    t.completed++;
    t.ends.push(r.endMs);
    t.inputTokens += r.inputTokens ?? 0;
    t.outputTokens += r.outputTokens ?? 0;
    const lat = requestLatency(r);
    t.e2e.push(lat.e2e);
    t.e2eSend.push(lat.e2eSend);
    if (lat.ttft !== undefined) t.ttft.push(lat.ttft);
    if (lat.ttftContent !== undefined) t.ttftContent.push(lat.ttftContent);
    if (lat.tpot !== undefined) t.tpot.push(lat.tpot);
    for (let k = 0; k < r.itlMs.length; k++) t.itl.push(r.itlMs[k]!);
    if (slo !== undefined && meetsRequestBounds(lat, slo.bounds)) t.good++;
  }
  return t;
}
