import type { CutOffWait } from './cut-off.js';
import type { Distribution } from './distribution.js';

/** The version of the results JSON written by `assay loadtest`. */
export const LOADTEST_SCHEMA_VERSION = 1;

/** What load a step put on the service. */
export interface LoadProfile {
  /** `'concurrency'` (closed loop), `'rate'` (open loop), `'sweep'` or `'find-max'` (the whole run). */
  readonly kind: 'concurrency' | 'rate' | 'sweep' | 'find-max';
  /** Target requests per second (open loop). */
  readonly rate?: number;
  /** Requests in flight (closed loop). */
  readonly concurrency?: number;
  /** Arrival process (open loop): `poisson`, `constant` or `gamma:<cv>`. */
  readonly arrival?: string;
}

/** Request counts of a step (warm-up requests excluded). */
export interface RequestCounts {
  /**
   * Requests the schedule asked for (measured ones, after the warm-up): `completed + failed +
   * dropped + cutOff`.
   */
  readonly scheduled: number;
  /** Requests actually sent, the ones an interruption cut off (`cutOff`) included. */
  readonly sent: number;
  readonly completed: number;
  readonly failed: number;
  /** Requests not started because `--max-in-flight` were already in flight (open loop). */
  readonly dropped: number;
  /**
   * Failed and dropped requests by class: `http_429`, `timeout`, `connection`, `dropped`, ...
   * (the service's failures; the requests an interruption cut off are `cutOff`, not here).
   */
  readonly byError: Record<string, number>;
  /**
   * Requests in flight when the run was interrupted, cut off by it (`errorClass: 'abort'` in
   * `--records`): the generator's doing, not the service's, so counted in `scheduled` and `sent`
   * only, not in `failed` or `byError`, and left out of every other figure; present only when
   * there were some.
   */
  readonly cutOff?: number;
  /** How long the cut-off requests had waited (with `cutOff`): a stalled service shows here. */
  readonly cutOffWait?: CutOffWait;
}

/**
 * The measured requests that the figures describe: `scheduled` less those an interruption cut
 * off (`completed + failed + dropped`).
 *
 * @param requests - a step's request counts
 * @returns the count
 * @example
 * ```ts
 * measuredRequests({ scheduled: 63, sent: 63, completed: 59, failed: 0, dropped: 0, byError: {}, cutOff: 4 }); // 59
 * ```
 */
export function measuredRequests(requests: RequestCounts): number {
  return requests.scheduled - (requests.cutOff ?? 0);
}

/** Throughput of a step over its duration. */
export interface Throughput {
  /** Completed requests per second. */
  readonly requestsPerSec: number;
  /**
   * Completed requests per second while the step was sending (requests that ended between the
   * first and the last measured start, over that span): the service's steady rate, without the
   * drain at a step's end. What a sweep and find-max read from their throughput step.
   */
  readonly steadyRequestsPerSec: number;
  /**
   * Completions over arrivals in the second half of the sending span, a request that ended
   * after the last start within the first half's longest latency of its own start counted as
   * completed, and requests that failed other than by a timeout or a drop left out: 1 or a
   * little above when the service keeps up with the offered load, its capacity over the offered
   * rate when it falls behind; null when the half holds fewer than 10 such arrivals or the
   * first half's quickest requests take half the span. What `--find-max` reads to tell a rate
   * the service sustains from one it only survived.
   */
  readonly keptUpShare: number | null;
  /**
   * Completions per second in that same second half, none added for ending in time (null when
   * `keptUpShare` is): `--find-max` holds it against the step's scheduled rate, since a half
   * that drew few Poisson arrivals reads a share near 1 while a backlog from the first half
   * drains at the service's capacity.
   * Optional: results written before it was added lack it.
   */
  readonly keptUpRate?: number | null;
  /**
   * The requests scheduled in that second half (`scheduled`) and those of them that failed for
   * a cause other than queueing (`failed`: not a timeout, not dropped), when any did: a service
   * whose requests failed answered fewer than arrived without queueing them. Absent when none
   * failed so, and in results written before it was added.
   */
  readonly keptUpFailures?: { readonly failed: number; readonly scheduled: number };
  readonly outputTokensPerSec: number;
  readonly inputTokensPerSec: number;
  /**
   * Where token counts came from: `server` (usage), `tokenizer`, `chunks` (a stream without
   * usage from a model no tokenizer knows: output tokens are its chunks counted),
   * `server-output` (output tokens from the service, input tokens estimated), `estimate`
   * (characters / 4) or `mixed` (see `tokenSources`).
   */
  readonly tokenSource: string | null;
  /**
   * Completed requests by the source of their token counts (`{ server: 98, chunks: 2 }`), so a
   * `mixed` source says what it mixed. Optional: results written before it was added lack it.
   */
  readonly tokenSources?: Record<string, number>;
}

/** Latency distributions of a step, ms (vLLM's definitions; see the README). */
export interface LatencyMs {
  /** End minus intended start (open loop: the scheduled time; coordinated omission avoided). */
  readonly e2e: Distribution;
  /** First token of any channel minus intended start. */
  readonly ttft: Distribution;
  /** Pooled gaps between consecutive chunks. */
  readonly itl: Distribution;
  /** (e2e - ttft) / (output tokens - 1), requests with at least 2 output tokens. */
  readonly tpot: Distribution;
  /** End minus actual send. */
  readonly e2eSend: Distribution;
}

/** Goodput of a step under an SLO. */
export interface Goodput {
  readonly slo: string;
  /** Requests that met every per-request bound, per second. */
  readonly requestsPerSec: number;
  /** Attainment: the fraction of measured requests that met every bound (failures are misses). */
  readonly fraction: number;
  /** Wilson 95% interval of `fraction`. */
  readonly fractionInterval: [number, number];
}

/** The load generator's own health during a step. */
export interface Harness {
  /** p99 event-loop delay minus the monitor's resolution, ms. */
  readonly eventLoopLagP99Ms: number;
  /** Client CPU (user + system) per request sent, microseconds. */
  readonly clientCpuUsPerRequest: number;
  /** The generator could not keep its schedule: do not read the step as a server figure. */
  readonly saturated: boolean;
  /** Event-loop utilisation in [0, 1]. */
  readonly eventLoopUtilization: number;
  /**
   * Open loop: measured requests started or dropped per second, from the measured schedule's
   * start to the last send (the step's rate when every send was on time); else `null`.
   */
  readonly achievedRate: number | null;
  /** Most requests in flight at once (the largest of the steps' for a run of several), `null` when not measured. */
  readonly peakInFlight: number | null;
  /** Why the step is saturated, one sentence each. */
  readonly reasons: string[];
  /**
   * Open loop: the achieved rate fell below 0.98x the rate its schedule asked for, so the
   * service was not offered the step's rate (one of `reasons`). Absent for a closed loop and
   * for a run's pooled harness.
   */
  readonly rateShort?: boolean;
}

/** Whether a step met the SLO's step-level bounds. */
export interface SloVerdict {
  readonly passed: boolean;
  /**
   * The bounds not met, e.g. `'ttft_p95 = 412.3 > 300'`, or a bound whose statistic has no value
   * with the reason: `'tpot_p95 has no value (no request had 2 or more output tokens, so TPOT is
   * undefined)'`.
   */
  readonly failures: string[];
}

/** Answer accuracy of a step under `--score`. */
export interface StepAccuracy {
  readonly correct: number;
  /** Answers scored: the completed requests (failed ones have no answer to score). */
  readonly scored: number;
  /** `correct / scored`: the accuracy of the answers the service gave. */
  readonly accuracy: number;
  /** Wilson 95% interval. */
  readonly interval: [number, number];
  /**
   * Requests sent that failed, so were not scored (dropped ones were never sent). Optional:
   * results written before it was added lack it.
   */
  readonly failed?: number;
  /**
   * Accuracy over every request sent (`of` = scored + failed), the failed ones counted wrong:
   * what a user of the service got. Optional, as `failed`.
   */
  readonly failuresWrong?: {
    readonly correct: number;
    readonly of: number;
    readonly accuracy: number;
    /** Wilson 95% interval. */
    readonly interval: [number, number];
  };
}

/** One `--score` quality metric of a step: the mean over its scored answers. */
export interface StepQuality {
  /** The metric, e.g. `accuracy`, `exact_match`, `token_f1`. */
  readonly metric: string;
  /** Mean of the scored answers' values. */
  readonly value: number;
  /** 95% interval of the mean: Wilson for a 0/1 metric, else normal (mean ± 1.96 s / √n). */
  readonly interval: [number, number];
  /** Answers scored (completed, measured and scorable). */
  readonly scored: number;
}

/** The results of one step, or of a whole run (with `steps` and `maxRate`). */
export interface StepResult {
  readonly schemaVersion: number;
  readonly profile: LoadProfile;
  /**
   * To the last measured end, seconds, from the start of the measured schedule: an open loop's
   * (its measured arrivals / rate before its last arrival: the schedule's length plus the drain,
   * vLLM's benchmark duration), else the first measured scheduled start.
   */
  readonly durationS: number;
  readonly requests: RequestCounts;
  readonly throughput: Throughput;
  readonly latencyMs: LatencyMs;
  /** Actual send minus intended start. */
  readonly scheduleLagMs: Distribution;
  /** First answer (content) token minus intended start: TTFT without reasoning tokens. */
  readonly ttftContentMs: Distribution;
  readonly goodput?: Goodput;
  readonly harness: Harness;
  readonly sloPassed?: SloVerdict;
  readonly accuracy?: StepAccuracy;
  /** `--score`: each quality metric per step (classification and multiple-choice: `accuracy`). */
  readonly quality?: StepQuality[];
  /**
   * Completed answers of two or more tokens (or chunks) whose chunks all arrived in one read
   * (first token time = last token time): their decode timing was not observable, so their
   * TPOT and gaps read 0. Present only when some did.
   */
  readonly chunksTogether?: number;
  /**
   * Present only when the step's warm-up asked items that its measured requests asked too: its
   * warm-up and measured requests outnumbered the workload's items (see `stepItems`), so a
   * service that caches prompts may have answered `sharedItems` of them warm.
   */
  readonly warmupOverlap?: WarmupOverlap;
}

/** A step whose warm-up and measured requests asked some of the same items. */
export interface WarmupOverlap {
  /** Warm-up requests that asked an item. */
  readonly warmupRequests: number;
  /** Measured requests that asked an item. */
  readonly measuredRequests: number;
  /** Items in the workload. */
  readonly workloadItems: number;
  /** Items asked by both a warm-up and a measured request. */
  readonly sharedItems: number;
}

/** A whole run: the pooled figures, each step, and the largest rate within the SLO. */
export interface LoadTestResult extends StepResult {
  readonly steps?: StepResult[];
  /**
   * Present (true) when the run was interrupted (its `signal` aborted, SIGINT in the CLI): the
   * step then running was cut short (its requests in flight were cut off: `requests.cutOff`,
   * left out of its figures), no later step ran, and a search gives no `maxRate`.
   */
  readonly interrupted?: true;
  readonly maxRate?: MaxRate;
  /** `--sweep`'s answer: its throughput step's capacity and the largest rate within the SLO. */
  readonly sweepAnswer?: SweepAnswer;
  /**
   * Present when some answer's response named another model than the one asked for (see
   * {@link ServedModelCounts}): the figures then describe that model.
   */
  readonly servedModelMismatch?: ServedModelCounts;
}

/**
 * The model asked for and the models the answers' responses named (the `model` field), when
 * some named another: a service that serves one model whatever it is asked answers a misspelt
 * `--model` too, and its latencies and costs are then another model's.
 */
export interface ServedModelCounts {
  /** The model id the requests asked for. */
  readonly asked: string;
  /**
   * Answers by the model id their response named, every id (the one asked for, or a version of
   * it, too), measured answers only (as the table's `done`); answers that named none are not
   * counted.
   */
  readonly served: Record<string, number>;
}

/**
 * `--sweep`'s answer, from its steps (the HTML report's and the summary's answer line, as data).
 */
export interface SweepAnswer {
  /** The throughput step (the closed loop at the largest concurrency); null when none ran. */
  readonly throughputStep: {
    /** Its index in `steps`. */
    readonly step: number;
    readonly concurrency: number;
    /** Completed requests per second over the step (its `throughput.requestsPerSec`). */
    readonly requestsPerSec: number;
    /**
     * Completions per second while it was sending (`steadyRequestsPerSec`, or
     * `requestsPerSec` for a step too short for it): the capacity the sweep spaced its rates from.
     */
    readonly capacity: number;
    /** Whether the measurement is valid (the generator kept up, and some request succeeded). */
    readonly valid: boolean;
    /** Whether it met the SLO (with `--slo`). */
    readonly sloMet?: boolean;
    /** Present when an interruption cut the step short. */
    readonly cutShort?: true;
  } | null;
  /**
   * With `--slo`: the largest rate measured within it, over the steps that met it and answer for
   * the service (a valid measurement, or one sent late while the rate was still offered, as
   * `--find-max` counts steps); null when none did. Between the rates measured nothing is known.
   */
  readonly largestRateWithinSlo?: {
    readonly step: number;
    /** An open-loop step's offered rate; null for a closed loop, which offers none. */
    readonly offeredRate: number | null;
    /** Its completed requests per second. */
    readonly achievedRate: number;
    /** Whether it met the SLO although the generator sent late. */
    readonly sentLate: boolean;
  } | null;
}

/**
 * Why a `--find-max` rate step counted as a miss, or `'untested'` for a bracket's upper end
 * that no step ran (every rate tried passed): `'slo'` it missed a bound, `'kept-up'` it fell
 * behind a rate above capacity, `'generator'` the generator was saturated and the step missed
 * its SLO or was not offered its rate, so it says nothing about the service.
 */
export type UpperEnd = 'slo' | 'kept-up' | 'generator' | 'untested';

/** `--find-max`'s answer: the largest rate that passed, its bracket and what set the upper end. */
export interface MaxRate {
  /** The largest rate that passed; 0 when none did. */
  readonly rate: number;
  readonly bracket: [number, number];
  readonly slo: string;
  /** Why the bracket's upper end counted as a miss ({@link UpperEnd}). */
  readonly upperEnd: UpperEnd;
  /**
   * The largest rate that passed, when it was above the capacity that the throughput step
   * measured (its `sustainedRate`): `rate` and the bracket's low end are then capped at that
   * capacity, since a rate above it cannot be sustained. Absent otherwise.
   */
  readonly cappedFrom?: number;
}
