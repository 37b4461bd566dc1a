/**
 * Why a request failed, as recorded on its {@link RequestRecord}.
 *
 * @remarks
 * - `'http_status'`: the server answered with a non-2xx status.
 * - `'in_stream_error'`: a 200 stream carried an error event (e.g. Anthropic `overloaded_error`).
 * - `'timeout'`: the connect, headers (first byte) or total timeout fired.
 * - `'abort'`: the caller's `AbortSignal` fired.
 * - `'malformed_response'`: the body was not the provider's expected shape.
 * - `'connection'`: the connection could not be made, or failed or was reset before a 2xx status.
 * - `'truncated_stream'`: a 2xx answer broke off, or its body (event stream or JSON) ended before
 *   its end (the service was reached and answered, then stopped).
 * - `'response_too_large'`: the body (streamed or not) passed `config.maxResponseBytes`.
 */
export type ErrorClass =
  | 'http_status'
  | 'in_stream_error'
  | 'timeout'
  | 'abort'
  | 'malformed_response'
  | 'connection'
  | 'truncated_stream'
  | 'response_too_large';

/** Where token counts came from: the server's usage, a local tokenizer, or chars/4. */
export type UsageSource = 'server' | 'tokenizer' | 'estimate';

/** One HTTP attempt of a request (a request retried twice has three). */
export interface AttemptRecord {
  /** `performance.now()` when the attempt was handed to the HTTP pool. */
  readonly sentAt: number;
  /** `performance.now()` when the attempt ended (success or failure). */
  readonly endAt: number;
  /** HTTP status, when response headers arrived. */
  readonly status: number | undefined;
  /** Why the attempt failed; `undefined` when it succeeded. */
  readonly errorClass: ErrorClass | undefined;
  /** Milliseconds waited before the next attempt; `undefined` for the last one. */
  readonly retryDelayMs: number | undefined;
}

/**
 * Everything measured about one request, on the monotonic `performance.now()` clock.
 *
 * @remarks
 * Timestamps are milliseconds since `timeOrigin` (so `timeOrigin + scheduledAt` is Unix ms).
 * Timing fields after `scheduledAt` describe the final attempt. Derived figures:
 * - `ttftMs = firstTokenAt - sentAt`, `ttfcMs = firstContentAt - sentAt` (first content token);
 * - `tpotMs = (lastContentAt - firstContentAt) / (n - 1)` over the n content chunks
 *   (`undefined` when n < 2);
 * - `interChunkGapsMs[i] = contentChunkTimes[i + 1] - contentChunkTimes[i]`;
 * - `e2eLatencyMs = endAt - sentAt`; `totalMs = endAt - scheduledAt` (queueing and retries included).
 * Non-streaming requests have no chunk times: their first/last token times are `undefined`.
 */
export interface RequestRecord {
  /** Provider kind, e.g. `'openai-chat'`. */
  readonly provider: string;
  /** Model name sent to the server. */
  readonly model: string;
  /** Whether the request was streamed (SSE). */
  readonly streamed: boolean;
  /** Whether the answer came from the response cache (then no HTTP request was made). */
  readonly cached: boolean;
  /**
   * How the last attempt's answer arrived: `true` as an event stream (SSE), `false` as one
   * JSON body (a streamed request the server answered without streaming, or a provider
   * without SSE: its text is one chunk at the body's end, so TTFT reads as e2e), `undefined`
   * when no 2xx body was read (a failure before it, or a cached answer).
   */
  readonly eventStream?: boolean | undefined;
  /** `performance.timeOrigin` of the process that recorded this. */
  readonly timeOrigin: number;
  /** When `complete`/`stream` was called. */
  readonly scheduledAt: number;
  /** When the final attempt was handed to the HTTP pool. */
  readonly sentAt: number | undefined;
  /** When the final attempt's response headers arrived. */
  readonly headersAt: number | undefined;
  /** First token on any channel (reasoning included). */
  readonly firstTokenAt: number | undefined;
  /** First content (answer) token. */
  readonly firstContentAt: number | undefined;
  /** Last token on any channel. */
  readonly lastTokenAt: number | undefined;
  /** When the request finished (success or failure). */
  readonly endAt: number;
  /** Arrival time of every content chunk. */
  readonly contentChunkTimes: readonly number[];
  /** Arrival time of every reasoning chunk. */
  readonly reasoningChunkTimes: readonly number[];
  /** Time to first token (any channel), ms. */
  readonly ttftMs: number | undefined;
  /** Time to first content token, ms. */
  readonly ttfcMs: number | undefined;
  /** Time per output token over content chunks, ms. */
  readonly tpotMs: number | undefined;
  /** Gaps between consecutive content chunks, ms. */
  readonly interChunkGapsMs: readonly number[];
  /** Final attempt's send to end, ms. */
  readonly e2eLatencyMs: number | undefined;
  /** Scheduled to end, ms (queueing, rate limiting and retries included). */
  readonly totalMs: number;
  /** Final HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Why the request failed; `undefined` on success. */
  readonly errorClass: ErrorClass | undefined;
  /** Retries taken (attempts - 1). */
  readonly retries: number;
  /** Every HTTP attempt in order. */
  readonly attempts: readonly AttemptRecord[];
  /** Input (prompt) tokens, when known. */
  readonly inputTokens: number | undefined;
  /** Output (completion) tokens, when known. */
  readonly outputTokens: number | undefined;
  /** Reasoning tokens reported by the server, when any. */
  readonly reasoningTokens: number | undefined;
  /** Prompt tokens served from the provider's prompt cache, when reported. */
  readonly cachedTokens: number | undefined;
  /** Prompt tokens written to the provider's prompt cache, when reported (Anthropic). */
  readonly cacheWriteTokens?: number | undefined;
  /** Where the token counts came from. */
  readonly usageSource: UsageSource | undefined;
  /** Cost in USD; `undefined` when the model has no known price. */
  readonly costUsd: number | undefined;
}

// The empty start of every list a builder keeps, shared: a list is created with its first
// element (never pushed onto this one), since a push onto an empty array reserves 17 slots.
const NONE = Object.freeze([]) as unknown as never[];

/**
 * Mutable timing state for one request; the client fills it and {@link RecordBuilder.finish}
 * freezes it into a {@link RequestRecord}. Hot-path code touches only plain fields.
 */
export class RecordBuilder {
  sentAt: number | undefined = undefined;
  headersAt: number | undefined = undefined;
  firstTokenAt: number | undefined = undefined;
  firstContentAt: number | undefined = undefined;
  lastTokenAt: number | undefined = undefined;
  contentChunkTimes: number[] = NONE;
  reasoningChunkTimes: number[] = NONE;
  status: number | undefined = undefined;
  eventStream: boolean | undefined = undefined;
  attempts: AttemptRecord[] = NONE;

  /**
   * @param provider - provider kind
   * @param model - model name
   * @param streamed - whether the request streams
   * @param scheduledAt - when the caller asked (defaults to now)
   */
  constructor(
    readonly provider: string,
    readonly model: string,
    readonly streamed: boolean,
    readonly scheduledAt: number = performance.now(),
  ) {}

  /** Starts a new attempt: clears the previous attempt's response timings. */
  beginAttempt(): void {
    this.sentAt = performance.now();
    this.headersAt = undefined;
    this.firstTokenAt = undefined;
    this.firstContentAt = undefined;
    this.lastTokenAt = undefined;
    this.status = undefined;
    this.eventStream = undefined;
    if (this.contentChunkTimes.length > 0) this.contentChunkTimes = NONE;
    if (this.reasoningChunkTimes.length > 0) this.reasoningChunkTimes = NONE;
  }

  /** Marks the arrival of a content chunk at `now`. */
  contentChunk(now: number): void {
    if (this.firstTokenAt === undefined) this.firstTokenAt = now;
    if (this.firstContentAt === undefined) this.firstContentAt = now;
    this.lastTokenAt = now;
    // the first time starts an array of one: a push onto an empty array reserves 17 slots,
    // and most answers of a load test have a chunk or two
    if (this.contentChunkTimes.length === 0) this.contentChunkTimes = [now];
    else this.contentChunkTimes.push(now);
  }

  /** Marks the arrival of a reasoning chunk at `now`. */
  reasoningChunk(now: number): void {
    if (this.firstTokenAt === undefined) this.firstTokenAt = now;
    this.lastTokenAt = now;
    if (this.reasoningChunkTimes.length === 0) this.reasoningChunkTimes = [now];
    else this.reasoningChunkTimes.push(now);
  }

  /** Closes the current attempt with its outcome. */
  endAttempt(errorClass: ErrorClass | undefined, endAt: number = performance.now()): void {
    const attempt: AttemptRecord = {
      sentAt: this.sentAt ?? endAt,
      endAt,
      status: this.status,
      errorClass,
      retryDelayMs: undefined,
    };
    if (this.attempts.length === 0) this.attempts = [attempt];
    else this.attempts.push(attempt);
  }

  /** Records the delay before the next attempt on the last attempt. */
  setRetryDelay(delayMs: number): void {
    const last = this.attempts.at(-1);
    if (last !== undefined)
      this.attempts[this.attempts.length - 1] = { ...last, retryDelayMs: delayMs };
  }

  /**
   * Freezes the builder into a record with derived figures.
   *
   * @param outcome - error class (on failure), usage and cost
   * @returns the finished record
   */
  finish(outcome: {
    errorClass?: ErrorClass | undefined;
    cached?: boolean;
    usage?: UsageFields | undefined;
    costUsd?: number | undefined;
    endAt?: number;
  }): RequestRecord {
    const endAt = outcome.endAt ?? performance.now();
    const chunks = this.contentChunkTimes;
    const n = chunks.length;
    const gaps: number[] = new Array(Math.max(0, n - 1));
    for (let i = 1; i < n; i++) gaps[i - 1] = chunks[i]! - chunks[i - 1]!;
    const usage = outcome.usage;
    return {
      provider: this.provider,
      model: this.model,
      streamed: this.streamed,
      cached: outcome.cached ?? false,
      eventStream: this.eventStream,
      timeOrigin: performance.timeOrigin,
      scheduledAt: this.scheduledAt,
      sentAt: this.sentAt,
      headersAt: this.headersAt,
      firstTokenAt: this.firstTokenAt,
      firstContentAt: this.firstContentAt,
      lastTokenAt: this.lastTokenAt,
      endAt,
      contentChunkTimes: chunks,
      reasoningChunkTimes: this.reasoningChunkTimes,
      ttftMs: diff(this.firstTokenAt, this.sentAt),
      ttfcMs: diff(this.firstContentAt, this.sentAt),
      tpotMs: n >= 2 ? (chunks[n - 1]! - chunks[0]!) / (n - 1) : undefined,
      interChunkGapsMs: gaps,
      e2eLatencyMs: diff(endAt, this.sentAt),
      totalMs: endAt - this.scheduledAt,
      status: this.status,
      errorClass: outcome.errorClass,
      retries: Math.max(0, this.attempts.length - 1),
      attempts: this.attempts,
      inputTokens: usage?.inputTokens,
      outputTokens: usage?.outputTokens,
      reasoningTokens: usage?.reasoningTokens,
      cachedTokens: usage?.cachedTokens,
      cacheWriteTokens: usage?.cacheWriteTokens,
      usageSource: usage?.source,
      costUsd: outcome.costUsd,
    };
  }
}

/** Token counts as stored on a record. */
export interface UsageFields {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens?: number | undefined;
  readonly cachedTokens?: number | undefined;
  readonly cacheWriteTokens?: number | undefined;
  readonly source: UsageSource;
}

function diff(later: number | undefined, earlier: number | undefined): number | undefined {
  return later === undefined || earlier === undefined ? undefined : later - earlier;
}
