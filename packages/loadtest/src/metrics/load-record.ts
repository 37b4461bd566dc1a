import type { UsageSource } from '@assay/clients';

/**
 * Where a record's token counts came from: the client's `server` (usage), `tokenizer` or
 * `estimate` (characters / 4), `chunks`: a stream without usage from a model no tokenizer
 * knows, whose output tokens are its content and reasoning chunks counted (one token a chunk,
 * as servers stream them), its input tokens the characters / 4 estimate; or `server-output`:
 * output tokens from the service (an http-json `streamOutputTokens` path), input tokens the
 * estimate.
 */
export type TokenSource = UsageSource | 'chunks' | 'server-output';

/**
 * One request of a load test, as `--records` writes it: times in ms since the step started.
 *
 * @remarks
 * `scheduledMs` is the intended start (open loop: the arrival schedule; closed loop: when a
 * worker became free); `sentMs` the actual hand-over to the HTTP pool (`null` for a dropped
 * request). `firstTokenMs` is the first token of any channel (reasoning included),
 * `firstContentMs` the first answer token, `itlMs` the gaps between consecutive chunks of both
 * channels. `errorClass` is `null` on success, `'dropped'` when `--max-in-flight` left no room
 * at the scheduled time, `'empty_response'` for a 200 answer without a token
 * ({@link EMPTY_RESPONSE}), `'truncated_stream'` for a 2xx stream that ended before its final
 * event ({@link TRUNCATED_STREAM}), `http_<status>` (`http_503`) for an HTTP status failure (the
 * key `requests.byError` counts it under; records written before read `http_status` with the
 * status beside it, and {@link failureKey} maps those to the same key), or the client's class
 * (`timeout`, `connection`, ...).
 */
export interface LoadRecord {
  /** Step index (0 for a single run). */
  readonly step: number;
  /** Request index within its step, in schedule order. */
  readonly index: number;
  /**
   * The workload item (prompt) the request asked, by its position in the workload
   * (`--score`: in the run config's data set). Absent in records written before it was kept.
   */
  readonly item?: number;
  /** Sent during `--warmup`: excluded from statistics. */
  readonly warmup: boolean;
  readonly scheduledMs: number;
  readonly sentMs: number | null;
  readonly firstTokenMs: number | null;
  readonly firstContentMs: number | null;
  readonly lastTokenMs: number | null;
  readonly endMs: number;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /** Where the token counts came from ({@link TokenSource}). */
  readonly tokenSource: TokenSource | null;
  /** HTTP status, when a response arrived. */
  readonly status: number | null;
  readonly errorClass: string | null;
  /** Gaps between consecutive chunks (content and reasoning), ms. */
  readonly itlMs: readonly number[];
  /** The answer judged correct by `--score` (`null` without `--score` or when it failed). */
  readonly correct: boolean | null;
  /** Each `--score` quality metric's value for the answer (`null` without `--score`, when it failed or could not be scored). */
  readonly scores: Readonly<Record<string, number>> | null;
}

/**
 * The error class of a request cut off by the run's own interruption (SIGINT, an aborted
 * `signal`): the client's `'abort'`. Only an interruption aborts a request (a step's end lets
 * those in flight finish), so such a record says nothing about the service: the figures leave
 * it out and count it as `requests.cutOff`.
 *
 * @example
 * ```ts
 * CUT_OFF; // 'abort'
 * ```
 */
export const CUT_OFF = 'abort';

/**
 * The error class of a 200 answer that carried no token: no content or reasoning chunk (a
 * stream of only `data: [DONE]`, or only a usage chunk) and no text. vLLM's `bench serve` fails
 * such a request ("Never received a valid chunk to calculate TTFT"); so does the load test: it
 * is counted in `requests.failed` and `byError`, left out of the latency figures (it has no
 * TTFT) and is a goodput miss. Set when the request ends, so it is in `--records` too.
 *
 * @example
 * ```ts
 * EMPTY_RESPONSE; // 'empty_response'
 * ```
 */
export const EMPTY_RESPONSE = 'empty_response';

/**
 * The error class of a stream that began (a 2xx status) and ended before its final event (no
 * `[DONE]`, no finish reason), as `@assay/clients` classes it: a server that cuts its answers
 * short (`--fault 'truncate;rate=0.3'` of the model server) is a different fault from one that
 * cannot be reached (`connection`). A connection dropped mid-stream after a 2xx reads this way
 * too: the answer was cut short either way.
 *
 * @example
 * ```ts
 * TRUNCATED_STREAM; // 'truncated_stream'
 * ```
 */
export const TRUNCATED_STREAM = 'truncated_stream';

/**
 * The class under which a failed record is counted in `requests.byError`.
 *
 * @param record - a record
 * @returns the record's error class (`'ok'` on success); `http_<status>` for a record written
 *   before the records carried that key (`errorClass: 'http_status'` with its status)
 * @example
 * ```ts
 * failureKey({ ...record, errorClass: 'http_429', status: 429 }); // 'http_429'
 * failureKey({ ...record, errorClass: 'http_status', status: 429 }); // 'http_429' (an older file)
 * ```
 */
export function failureKey(record: LoadRecord): string {
  if (record.errorClass === 'http_status' && record.status !== null) return `http_${record.status}`;
  return record.errorClass ?? 'ok';
}
