import type { Slo, SloMetric } from '../slo/parse-slo.js';
import { type Distribution, distribution } from './distribution.js';
import { keptUpFigures } from './kept-up-figures.js';
import type { LoadRecord } from './load-record.js';
import { tallyRecords } from './record-tally.js';
import { spanStart, steadyRate } from './send-span.js';
import { qualityOf } from './step-quality.js';
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
  readonly chunksTogether?: number;
}

/** Why a latency metric has no value in a step, for the verdict's message. */
const NO_VALUE: Record<SloMetric, string> = {
  ttft: 'no completed request had a first token, so TTFT is undefined',
  tpot: 'no request had 2 or more output tokens, so TPOT is undefined',
  itl: 'no request had 2 or more chunks, so ITL is undefined',
  e2e: 'no request completed, so e2e is undefined',
};

/** Why a latency statistic has no value: nothing completed, or what its metric lacked. */
function noValueReason(
  metric: SloMetric,
  { completed, together }: { readonly completed: number; readonly together: number },
): string {
  if (completed === 0) return 'no request completed';
  if ((metric === 'tpot' || metric === 'itl') && together > 0) {
    return `decode timing was not observable: the chunks of ${together} of ${completed} answers arrived together, in one read, and no other answer had 2 or more ${metric === 'tpot' ? 'output tokens' : 'chunks'}`;
  }
  return NO_VALUE[metric];
}

/**
 * The step's verdict. A bound whose statistic has no value fails (nothing shows it is met),
 * and its failure says why there is none.
 */
function verdict(
  slo: Slo,
  latency: LatencyMs,
  errorRate: number,
  answers: { readonly completed: number; readonly together: number },
): SloVerdict {
  const failures: string[] = [];
  for (const b of slo.bounds) {
    const v = b.metric === 'error_rate' ? errorRate : latency[b.metric][b.stat];
    if (v === null) {
      failures.push(`${b.key} has no value (${noValueReason(b.metric as SloMetric, answers)})`);
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
 * Accuracy over the answers scored, and over every request sent with the failed ones counted
 * wrong: a failure is no right answer, and leaving it out silently read 128 answers of 200
 * sent (72 failed) as the step's accuracy.
 */
function accuracyOf(correct: number, scored: number, failed: number): StepAccuracy {
  const sent = scored + failed;
  return {
    correct,
    scored,
    accuracy: correct / scored,
    interval: wilsonInterval(correct, scored),
    failed,
    failuresWrong: {
      correct,
      of: sent,
      accuracy: correct / sent,
      interval: wilsonInterval(correct, sent),
    },
  };
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
 * token has no TPOT) meets that figure's bound, as vLLM's benchmark counts it, but one whose
 * chunks all arrived in one read does not meet a `tpot` or `itl` bound (its decode was not
 * seen, so nothing shows the bound met). Attainment is
 * good / measured with a Wilson interval. The verdict fails a bound whose statistic has no
 * value in the step (`tpot_p95 has no value (no request had 2 or more output tokens, so TPOT
 * is undefined)`). Under `--score`, `accuracy` is over the answers scored, with `failed` (the
 * requests sent that failed, not scored) and `failuresWrong`, the accuracy over every request
 * sent with those counted wrong. `chunksTogether` counts the answers whose chunks all arrived
 * in one read: their decode timing was not observable, so they have no TPOT or ITL (a bound on
 * those with no other answer to measure fails, saying so), and
 * `throughput.tokenSources` the completed requests by the source of their token counts. This
 * is the function `assay loadtest` uses, so a summary equals this function applied to the rows
 * of `--records`.
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
  const t = tallyRecords(all, slo);
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
      steadyRequestsPerSec: steadyRate(t, rate === undefined),
      ...keptUpFigures(t),
      outputTokensPerSec: perSec(t.outputTokens),
      inputTokensPerSec: perSec(t.inputTokens),
      tokenSource: t.tokenSource,
      tokenSources: t.tokenSources,
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
          sloPassed: verdict(slo, latencyMs, errorRate, t),
        }),
    ...(t.scored === 0 ? {} : { accuracy: accuracyOf(t.correct, t.scored, failed) }),
    ...(quality.length === 0 ? {} : { quality }),
    ...(t.together === 0 ? {} : { chunksTogether: t.together }),
  };
}
