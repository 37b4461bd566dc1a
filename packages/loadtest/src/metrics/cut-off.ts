import type { Slo } from '../slo/parse-slo.js';
import type { LoadRecord } from './load-record.js';

/**
 * How long the requests that an interruption cut off had waited: a stalled service leaves its
 * requests waiting, and cutting them off must not hide that.
 */
export interface CutOffWait {
  /** Cut off before their first token. */
  readonly noToken: number;
  /** The longest wait so far of a cut-off request, intended start to the interruption, ms. */
  readonly longestMs: number;
  /**
   * Cut-off requests whose wait so far already passed a per-request latency bound of the SLO
   * (`e2e`, or `ttft` before a first token): they would have missed it whatever came later.
   * Present with an SLO.
   */
  readonly pastSlo?: number;
}

/**
 * Sums over the cut-off requests of a step, filled record by record.
 *
 * @example
 * ```ts
 * const tally = new CutOffTally(parseSlo('ttft_p95<=300'));
 * // two requests the interruption cut off: one waiting 500 ms for its first token, one streaming
 * tally.add({ ...record, scheduledMs: 1000, firstTokenMs: null, endMs: 1500, errorClass: 'abort' });
 * tally.add({ ...record, scheduledMs: 1400, firstTokenMs: 1450, endMs: 1500, errorClass: 'abort' });
 * tally.count; // 2
 * tally.result(); // { noToken: 1, longestMs: 500, pastSlo: 1 }
 * ```
 */
export class CutOffTally {
  count = 0;
  /** How many of them had been sent (all, unless one was cut off before its send). */
  sent = 0;
  /** The latest scheduled start of a cut-off request (-Infinity before the first). */
  lastScheduled = Number.NEGATIVE_INFINITY;
  #noToken = 0;
  #longest = 0;
  #pastSlo = 0;

  /**
   * @param slo - the SLO, when one was given
   */
  constructor(private readonly slo: Slo | undefined) {}

  /**
   * Counts one cut-off record.
   *
   * @param r - a record cut off by the interruption
   */
  add(r: LoadRecord): void {
    this.count++;
    if (r.sentMs !== null) this.sent++;
    this.lastScheduled = Math.max(this.lastScheduled, r.scheduledMs);
    const wait = r.endMs - r.scheduledMs;
    this.#longest = Math.max(this.#longest, wait);
    if (r.firstTokenMs === null) this.#noToken++;
    if (this.slo === undefined) return;
    // its latency is at least its wait so far: past a bound now, past it for good
    const ttft = r.firstTokenMs === null ? wait : r.firstTokenMs - r.scheduledMs;
    for (const b of this.slo.bounds)
      if ((b.metric === 'e2e' && wait > b.max) || (b.metric === 'ttft' && ttft > b.max)) {
        this.#pastSlo++;
        return;
      }
  }

  /**
   * The figures, or undefined when nothing was cut off.
   *
   * @returns the waits of the cut-off requests
   */
  result(): CutOffWait | undefined {
    if (this.count === 0) return undefined;
    return {
      noToken: this.#noToken,
      longestMs: this.#longest,
      ...(this.slo === undefined ? {} : { pastSlo: this.#pastSlo }),
    };
  }
}
