import type { CompletionRequest, ModelClient } from '@assay/clients';
import type { Arrival } from '../arrival/arrival-schedule.js';
import type { LoadRecord } from '../metrics/load-record.js';
import type { RecordStore } from '../records/record-store.js';
import type { AnswerJudge } from './send-request.js';

/** The load of one step: closed loop at a concurrency, or open loop at a rate. */
export type StepLoad =
  | { readonly kind: 'concurrency'; readonly concurrency: number }
  | {
      readonly kind: 'rate';
      readonly rate: number;
      readonly arrival: Arrival;
      /** Most requests in flight; a request that finds them all busy is dropped. */
      readonly maxInFlight: number | undefined;
    };

/** Progress of a running step, about once a second. */
export interface StepProgress {
  readonly step: number;
  readonly elapsedMs: number;
  readonly sent: number;
  readonly inFlight: number;
  /** Requests completed so far, warm-up ones included (`warmupCompleted` of them). */
  readonly completed: number;
  /**
   * Warm-up requests among `completed`: the step's result counts only the others
   * (`completed - warmupCompleted`), so a progress line that shows both reconciles with it.
   */
  readonly warmupCompleted: number;
  /** Requests sent that failed (dropped ones are not among them). */
  readonly failed: number;
  /** Requests not sent because `maxInFlight` were in flight at their time (open loop). */
  readonly dropped: number;
  /** Achieved completions per second so far. */
  readonly rate: number;
  /** e2e p50 and p99 so far, ms, within about 0.5% (`null` before the first completion). */
  readonly p50: number | null;
  readonly p99: number | null;
  /** The step's load (its rate or concurrency), as `runStep` reports it. */
  readonly load?: StepLoad;
}

/** Everything one step needs. */
export interface StepPlan {
  readonly step: number;
  readonly load: StepLoad;
  /** Measured time after the warm-up, ms (closed loop stops starting requests after it). */
  readonly durationMs: number | undefined;
  /** Measured requests (after the warm-up). */
  readonly requests: number | undefined;
  /** Warm-up time, ms: its requests are sent and excluded from statistics. */
  readonly warmupMs: number;
  readonly client: ModelClient;
  /**
   * The request that asks workload item `item` (its position in the workload): the item from
   * {@link StepPlan.itemOf} when given, else the request's index in its step.
   */
  readonly request: (item: number) => CompletionRequest;
  /**
   * The workload item that the step's `k`-th measured request asks (`warmup`: its `k`-th
   * warm-up request; warm-up and measured requests count apart, so every step's measured
   * requests ask the same items from the same point, however long its warm-up was, and a
   * warm-up can ask other items than those it precedes: `runLoadTest`'s come from the other
   * end of its order). Absent: the request's index in its step is its item.
   */
  readonly itemOf?: ((k: number, warmup: boolean) => number) | undefined;
  /** Seed of the arrival draws. */
  readonly seed: number;
  readonly signal: AbortSignal;
  /**
   * `performance.now()` that record times count from (a run's start, so all its steps share
   * one clock); the step's own start when absent.
   */
  readonly origin?: number | undefined;
  readonly judge?: AnswerJudge | undefined;
  readonly onProgress?: ((p: StepProgress) => void) | undefined;
  /** Every finished record, as it lands (for `--records`). */
  readonly onRecord?: ((r: LoadRecord) => void) | undefined;
  /** Where the step keeps its records (a run's steps share one); a new store when absent. */
  readonly records?: RecordStore | undefined;
  /**
   * Counts each answer by the model id its response named (`Completion.servedModel`), for the
   * run's check that the model asked for answered; not counted when absent.
   */
  readonly servedModels?: Map<string, number> | undefined;
}
