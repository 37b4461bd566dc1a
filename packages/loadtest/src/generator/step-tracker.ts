import type { LoadRecord } from '../metrics/load-record.js';
import { RecordStore } from '../records/record-store.js';
import { ProgressHistogram } from './progress-histogram.js';
import type { StepProgress } from './step-plan.js';

/**
 * Counts a running step's requests and keeps its records; reports progress.
 *
 * @example
 * ```ts
 * const tracker = new StepTracker(0, performance.now(), undefined);
 * tracker.started();
 * tracker.inFlight; // 1
 * tracker.progress(); // { step: 0, sent: 1, inFlight: 1, completed: 0, warmupCompleted: 0, failed: 0, dropped: 0, … }
 * ```
 */
export class StepTracker {
  inFlight = 0;
  /** Most requests in flight at once so far. */
  peakInFlight = 0;
  private sent = 0;
  private completed = 0;
  private warmupCompleted = 0;
  private failed = 0;
  private dropped = 0;
  private readonly e2e = new ProgressHistogram();
  #whenIdle: (() => void) | undefined;

  /**
   * @param step - step index
   * @param origin - `performance.now()` at the step's start (progress counts from it)
   * @param onRecord - called with every finished record
   * @param records - where the finished records go (a run's steps share one)
   */
  constructor(
    private readonly step: number,
    private readonly origin: number,
    private readonly onRecord: ((r: LoadRecord) => void) | undefined,
    readonly records: RecordStore = new RecordStore(),
  ) {}

  /** A request was handed to the client. */
  started(): void {
    this.inFlight++;
    if (this.inFlight > this.peakInFlight) this.peakInFlight = this.inFlight;
    this.sent++;
  }

  /** A request ended (or was dropped, then it never started); an arrow, to pass as a callback. */
  readonly finished = (r: LoadRecord): void => {
    const ended = r.errorClass !== 'dropped';
    if (ended) this.inFlight--;
    this.records.push(r);
    if (r.errorClass === null) {
      this.completed++;
      if (r.warmup) this.warmupCompleted++;
      this.e2e.add(r.endMs - r.scheduledMs);
    } else if (ended) this.failed++;
    else this.dropped++;
    this.onRecord?.(r);
    if (ended && this.inFlight === 0 && this.#whenIdle !== undefined) {
      const resolve = this.#whenIdle;
      this.#whenIdle = undefined;
      resolve();
    }
  };

  /**
   * @returns a promise that resolves once no request is in flight (at once if none is), so
   * the open loop need not keep a promise per request to wait for the last ones
   */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.#whenIdle = resolve;
    });
  }

  /** @returns the progress so far (e2e percentiles approximate: {@link ProgressHistogram}) */
  progress(): StepProgress {
    const elapsedMs = performance.now() - this.origin;
    return {
      step: this.step,
      elapsedMs,
      sent: this.sent,
      inFlight: this.inFlight,
      completed: this.completed,
      warmupCompleted: this.warmupCompleted,
      failed: this.failed,
      dropped: this.dropped,
      rate: elapsedMs > 0 ? (this.completed * 1000) / elapsedMs : 0,
      p50: this.e2e.percentile(50),
      p99: this.e2e.percentile(99),
    };
  }
}
