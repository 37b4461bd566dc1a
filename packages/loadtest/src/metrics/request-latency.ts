import type { LoadRecord } from './load-record.js';

/** Per-request latencies of a completed record (vLLM's definitions, from the intended start). */
export interface RequestLatency {
  readonly e2e: number;
  readonly e2eSend: number;
  readonly ttft: number | undefined;
  readonly ttftContent: number | undefined;
  /** `(lastToken - firstToken) / (outputTokens - 1)`; `undefined` under 2 output tokens. */
  readonly tpot: number | undefined;
  /** The longest inter-chunk gap (what a per-request `itl` bound applies to). */
  readonly maxItl: number | undefined;
}

/**
 * Latencies of one completed request.
 *
 * @remarks
 * e2e and TTFT count from `scheduledMs` (the intended start), so an open-loop request that
 * waited for the generator still shows its wait; `e2eSend` counts from the actual send.
 * TPOT is `(lastTokenMs - firstTokenMs) / (outputTokens - 1)`: from the first to the last token
 * chunk, as vLLM's `bench serve` (since it times the last token) and GuideLLM measure it, so
 * the time between the last token and the end of the stream (a usage chunk, `[DONE]`) is not
 * spread over the tokens. e2e still runs to the end of the stream. An answer whose chunks all
 * arrived in one read ({@link arrivedTogether}) has no TPOT and no ITL: 0 would be no
 * measurement of its decode.
 *
 * @param r - a record with `errorClass === null`
 * @returns its latencies
 * @example
 * ```ts
 * requestLatency(record); // { e2e: 56, e2eSend: 56, ttft: 40, ttftContent: 40, tpot: 5, maxItl: 5 }
 * ```
 */
export function requestLatency(r: LoadRecord): RequestLatency {
  const e2e = r.endMs - r.scheduledMs;
  const ttft = r.firstTokenMs === null ? undefined : r.firstTokenMs - r.scheduledMs;
  const out = r.outputTokens ?? 0;
  // chunks that all arrived in one read show no decode time: 0 would be no measurement
  const observed = !arrivedTogether(r);
  let maxItl: number | undefined;
  if (observed) for (const g of r.itlMs) if (maxItl === undefined || g > maxItl) maxItl = g;
  return {
    e2e,
    e2eSend: r.endMs - (r.sentMs ?? r.scheduledMs),
    ttft,
    ttftContent: r.firstContentMs === null ? undefined : r.firstContentMs - r.scheduledMs,
    tpot:
      observed && r.firstTokenMs !== null && r.lastTokenMs !== null && out >= 2
        ? (r.lastTokenMs - r.firstTokenMs) / (out - 1)
        : undefined,
    maxItl,
  };
}

/**
 * Whether a completed answer of two or more tokens (or chunks) had all its chunks arrive in one
 * read: its first and last token share one time, so its TPOT and its gaps would read 0 although
 * the server did take time to decode; the timing of its decode was not observable, and the
 * answer has no TPOT or ITL (as an answer of one token has none).
 *
 * @param r - a completed record
 * @returns true for such an answer
 * @example
 * ```ts
 * arrivedTogether(record); // false (its four tokens came 5 ms apart)
 * arrivedTogether({ ...record, lastTokenMs: record.firstTokenMs, itlMs: [0, 0, 0] }); // true
 * ```
 */
export function arrivedTogether(r: LoadRecord): boolean {
  if (r.firstTokenMs === null || r.lastTokenMs === null) return false;
  return r.lastTokenMs === r.firstTokenMs && (r.itlMs.length > 0 || (r.outputTokens ?? 0) >= 2);
}
