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
 * spread over the tokens. e2e still runs to the end of the stream.
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
  let maxItl: number | undefined;
  for (const g of r.itlMs) if (maxItl === undefined || g > maxItl) maxItl = g;
  return {
    e2e,
    e2eSend: r.endMs - (r.sentMs ?? r.scheduledMs),
    ttft,
    ttftContent: r.firstContentMs === null ? undefined : r.firstContentMs - r.scheduledMs,
    tpot:
      r.firstTokenMs !== null && r.lastTokenMs !== null && out >= 2
        ? (r.lastTokenMs - r.firstTokenMs) / (out - 1)
        : undefined,
    maxItl,
  };
}
