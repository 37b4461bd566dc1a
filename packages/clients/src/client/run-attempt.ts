import { StringDecoder } from 'node:string_decoder';
import type { EventSourceMessage } from 'eventsource-parser';
import type { StreamEvent } from '../completion.js';
import type { AbortScope } from '../http/abort-scope.js';
import { AttemptFailure, excerpt, redact } from '../http/attempt-failure.js';
import { classifyError } from '../http/classify-error.js';
import type { DispatchedResponse } from '../http/dispatch-response.js';
import type { Transport } from '../http/pool-registry.js';
import { REDIRECT_STATUSES, redirectFailure } from '../http/redirect-failure.js';
import { type ResponseLimits, tooLargeFailure } from '../http/response-limits.js';
import { SseSplitter } from '../http/sse-splitter.js';
import {
  type DeltaSink,
  InStreamError,
  newStreamState,
  type ParsedCompletion,
  type ProviderAdapter,
  ShapeError,
  type StreamState,
} from '../providers/provider.js';
import type { RecordBuilder } from '../records/request-record.js';

/** Everything one HTTP attempt needs. */
export interface AttemptContext {
  readonly transport: Transport;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** The JSON body's bytes. */
  readonly body: Buffer;
  readonly stream: boolean;
  /** Whether the provider can read SSE: an event-stream answer is then read as one. */
  readonly readsEvents: boolean;
  readonly provider: ProviderAdapter;
  readonly record: RecordBuilder;
  readonly scope: AbortScope;
  /**
   * Human description for messages, e.g. `'POST http://host/v1/chat/completions'`, with the
   * call's secrets already redacted (it echoes the configured base URL).
   */
  readonly what: string;
  /** The URL the request goes to, without its query (redirect locations resolve against it). */
  readonly endpoint: string;
  /** Bounds on the response body, named in failure messages. */
  readonly limits: ResponseLimits;
  /**
   * Values to redact from the external text a message quotes (bodies, server messages,
   * locations, network errors) and from the deltas handed to `emit`; never from the client's
   * own wording around them.
   */
  readonly secrets: readonly string[];
  /** Receives deltas as they arrive (the `stream()` consumer); undefined for `complete()`. */
  readonly emit: ((event: StreamEvent) => void) | undefined;
  /** Set to true once a delta was emitted (then the request must not be retried). */
  readonly emitted: { value: boolean };
}

const OVERLOAD_STATUSES = new Set([429, 503, 529]);
const SSE_NOT_ASKED =
  'a JSON body, but the body is an event stream (server-sent events); set streaming: true in the config, or for http-json set paths.streamText, to read it';
const ERROR_PREFIX_BYTES = 4096;

/**
 * Runs one HTTP attempt and decodes its answer; every failure is thrown as an
 * {@link AttemptFailure}. The body is always consumed, dumped or destroyed.
 *
 * @param ctx - the request, its record, abort scope, provider and stream sink
 * @returns the parsed completion
 * @throws {@link AttemptFailure} classified by error class (status, timeout, connection, ...)
 */
export async function runAttempt(ctx: AttemptContext): Promise<ParsedCompletion> {
  const { record, scope } = ctx;
  let res: DispatchedResponse;
  try {
    res = await ctx.transport.dispatch(
      { path: ctx.path, headers: ctx.headers, body: ctx.body },
      scope,
    );
  } catch (error) {
    throw classifyError(error, scope, ctx.what, ctx.limits, ctx.secrets);
  }
  record.headersAt = performance.now();
  record.status = res.statusCode;
  try {
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const text = await readPrefix(res);
      if (REDIRECT_STATUSES.has(res.statusCode)) {
        throw redirectFailure(res.statusCode, res.header('location'), {
          endpoint: ctx.endpoint,
          providerPath: ctx.provider.path,
          what: ctx.what,
          secrets: ctx.secrets,
        });
      }
      throw new AttemptFailure(
        'http_status',
        `The server answered ${ctx.what} with HTTP ${res.statusCode}: ${excerpt(text, ctx.secrets) || '(empty body)'}.`,
        {
          status: res.statusCode,
          headers: res.headers,
          overloaded: OVERLOAD_STATUSES.has(res.statusCode) || text.includes('overloaded_error'),
        },
      );
    }
    // undici stops reading at the limit anyway; an announced size fails before any byte.
    const length = res.header('content-length');
    if (length !== undefined && Number(length) > ctx.limits.maxResponseBytes) {
      throw tooLargeFailure(ctx.what, ctx.limits, Number(length), res.statusCode);
    }
    const contentType = res.header('content-type') ?? '';
    // An endpoint that always streams (TGI's /generate_stream) is read as the stream it is.
    const events = ctx.stream || (ctx.readsEvents && contentType.includes('event-stream'));
    if (!events || contentType.includes('application/json')) {
      return await readJson(ctx, res, res.statusCode);
    }
    // a page (text/html from a proxy or a wrong URL) is no stream: say so, not "truncated"
    if (contentType !== '' && !contentType.includes('event-stream')) {
      const text = await readPrefix(res);
      throw malformed(
        ctx,
        `an event stream (text/event-stream), not ${contentType}`,
        text,
        res.statusCode,
      );
    }
    return await readSse(ctx, res, res.statusCode);
  } catch (error) {
    if (!res.destroyed) res.destroy();
    throw brokenOff(classifyError(error, scope, ctx.what, ctx.limits, ctx.secrets), res.statusCode);
  }
}

/**
 * A connection that failed after a 2xx status broke off an answer under way: the service was
 * reached and answered, so it is no unreachable service (which `connection` tells the run).
 */
function brokenOff(failure: AttemptFailure, status: number): AttemptFailure {
  if (failure.errorClass !== 'connection' || status < 200 || status >= 300) return failure;
  return new AttemptFailure(
    'truncated_stream',
    `${failure.message.replace(/\.$/, '')} after HTTP ${status}: the answer broke off.`,
    { status },
  );
}

async function readPrefix(res: DispatchedResponse): Promise<string> {
  let text = '';
  const decoder = new StringDecoder('utf8');
  try {
    // the rest of an error body is read and dropped, so the connection stays reusable
    await res.read((chunk) => {
      if (text.length < ERROR_PREFIX_BYTES) text += decoder.write(chunk);
      return true;
    });
  } catch (error) {
    // An error body over a maxResponseBytes below the quoted prefix: the status is the news.
    if ((error as { code?: unknown } | null)?.code !== 'UND_ERR_RES_EXCEEDED_MAX_SIZE') throw error;
  }
  return text;
}

/** The whole body as text (UTF-8, a byte order mark dropped, as undici's `body.text()`). */
async function readText(res: DispatchedResponse): Promise<string> {
  const chunks: Buffer[] = [];
  await res.read((chunk) => {
    chunks.push(chunk);
    return true;
  });
  const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether JSON.parse failed at the very end of the text (the body was cut, not wrong). */
function endsMidValue(text: string, message: string): boolean {
  if (text.trim().length === 0) return false;
  if (/end of (JSON )?input/i.test(message)) return true;
  const at = /position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.trimEnd().length;
}

/**
 * A malformed-response failure. `expected` is the client's wording, or the provider's
 * {@link ShapeError}, whose quoted part (server text, a configured path) alone is redacted.
 */
function malformed(
  ctx: AttemptContext,
  expected: string | ShapeError,
  raw: string,
  status: number,
): AttemptFailure {
  const what =
    typeof expected === 'string'
      ? expected
      : expected.quoted === undefined
        ? expected.expected
        : `${expected.expected} (${redact(expected.quoted, ctx.secrets)})`;
  return new AttemptFailure(
    'malformed_response',
    `The response ${ctx.what} was malformed: expected ${what}; got: ${excerpt(raw, ctx.secrets) || '(empty body)'}.`,
    { status },
  );
}

async function readJson(
  ctx: AttemptContext,
  res: DispatchedResponse,
  status: number,
): Promise<ParsedCompletion> {
  ctx.record.eventStream = false;
  const text = await readText(res);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // A body cut short ends mid-value: a transport failure (retryable), not a wrong shape.
    if (endsMidValue(text, (error as Error).message)) {
      throw new AttemptFailure(
        'truncated_stream',
        `The response ${ctx.what} ended mid-JSON (truncated after ${text.length} characters): ${excerpt(text, ctx.secrets)}.`,
        { status },
      );
    }
    // an event stream read as JSON: say what it is and how to read it, not just "malformed"
    const sse =
      /^\s*(data|event):/.test(text) || /event-stream/.test(res.header('content-type') ?? '');
    throw malformed(ctx, sse ? SSE_NOT_ASKED : 'a JSON body', text, status);
  }
  let parsed: ParsedCompletion;
  try {
    parsed = ctx.provider.parseResponse(json);
  } catch (error) {
    if (error instanceof ShapeError) throw malformed(ctx, error, text, status);
    if (error instanceof InStreamError) {
      throw new AttemptFailure(
        'in_stream_error',
        `The response ${ctx.what} was an error object after HTTP ${status}: ${excerpt(error.message, ctx.secrets)}.`,
        { status, overloaded: error.overloaded },
      );
    }
    throw error;
  }
  if (ctx.stream || ctx.emit !== undefined) {
    // A stream answered with one JSON body (or a provider without SSE): one chunk, arriving now.
    const now = performance.now();
    if (parsed.reasoning !== undefined && parsed.reasoning.length > 0) {
      ctx.record.reasoningChunk(now);
      emit(ctx, 'reasoning', parsed.reasoning, now);
    }
    if (parsed.text.length > 0) {
      ctx.record.contentChunk(now);
      emit(ctx, 'content', parsed.text, now);
    }
  }
  return parsed;
}

/**
 * Hands a delta to the `stream()` consumer, redacted. A secret split across two deltas gets
 * through here (the completion's whole text is redacted again when it is finished); holding
 * deltas back to catch that would delay every token the consumer times.
 */
function emit(ctx: AttemptContext, type: 'content' | 'reasoning', delta: string, at: number): void {
  if (ctx.emit !== undefined) {
    ctx.emitted.value = true;
    ctx.emit({ type, delta: redact(delta, ctx.secrets), at });
  }
}

/** Where a stream's deltas go: the record's chunk timings, and the caller's `onDelta`. */
function deltaSink(ctx: AttemptContext, at: () => number): DeltaSink {
  const { record } = ctx;
  if (ctx.emit === undefined) {
    return {
      content: () => record.contentChunk(at()),
      reasoning: () => record.reasoningChunk(at()),
    };
  }
  return {
    content: (delta) => {
      record.contentChunk(at());
      emit(ctx, 'content', delta, at());
    },
    reasoning: (delta) => {
      record.reasoningChunk(at());
      emit(ctx, 'reasoning', delta, at());
    },
  };
}

/** What reading a stream left: the provider's failure on an event, and the events seen. */
interface StreamRead {
  readonly failure: unknown;
  readonly failedEvent: EventSourceMessage | undefined;
  readonly events: number;
  /** the first bytes, kept until an event came */
  readonly head: Buffer | undefined;
}

/** The completion a read stream gives, or the failure that explains why there is none. */
function streamCompletion(
  ctx: AttemptContext,
  state: ReturnType<typeof newStreamState>,
  read: StreamRead,
  status: number,
): ParsedCompletion {
  const { failure, failedEvent, events, head } = read;
  if (failure instanceof InStreamError) {
    throw new AttemptFailure(
      'in_stream_error',
      `The stream ${ctx.what} carried an error event after HTTP ${status}: ${excerpt(failure.message, ctx.secrets)}.`,
      { status, overloaded: failure.overloaded },
    );
  }
  if (failure instanceof ShapeError) {
    throw malformed(ctx, failure, failedEvent?.data ?? '', status);
  }
  if (failure !== undefined) throw failure;
  if (events === 0 && head !== undefined && head.toString('utf8').trim().length > 0) {
    // bytes but not one event: not a stream cut short, an answer in some other shape
    throw malformed(ctx, 'server-sent events', head.toString('utf8'), status);
  }
  if (!state.done && state.finishReason === undefined) {
    throw new AttemptFailure(
      'truncated_stream',
      `The stream ${ctx.what} ended before its final event (truncated after ${state.text.length} characters).`,
      { status },
    );
  }
  return {
    text: state.text,
    reasoning: state.reasoning.length > 0 ? state.reasoning : undefined,
    finishReason: state.finishReason ?? 'unknown',
    logprobs: state.logprobs,
    usage: state.usage,
    servedModel: state.servedModel,
  };
}

async function readSse(
  ctx: AttemptContext,
  res: DispatchedResponse,
  status: number,
): Promise<ParsedCompletion> {
  const { record, provider } = ctx;
  record.eventStream = true;
  const state = newStreamState();
  let arrival = 0;
  const sink = deltaSink(ctx, () => arrival);
  let failure: unknown;
  let failedEvent: EventSourceMessage | undefined;
  let events = 0;
  // the first bytes, kept until an event comes: a body with none is quoted as malformed
  let head: Buffer | undefined;
  // split from the bytes: no string per piece or per line, only each `data:` value
  const splitter = new SseSplitter((event) => {
    events++;
    if (failure !== undefined) return;
    try {
      provider.onStreamEvent(event, state, sink);
    } catch (error) {
      failure = error;
      failedEvent = event;
    }
  });
  try {
    await res.read((chunk) => {
      arrival = performance.now();
      if (events === 0 && (head === undefined || head.length < ERROR_PREFIX_BYTES)) {
        head = head === undefined ? chunk : Buffer.concat([head, chunk]);
      }
      splitter.feed(chunk);
      return failure === undefined;
    });
  } catch (error) {
    if (!answerComplete(ctx, state, error)) throw error;
    // Only the usage chunk / end marker was lost: retrying would pay for the answer again.
    if (!res.destroyed) res.destroy();
  }
  return streamCompletion(ctx, state, { failure, failedEvent, events, head }, status);
}

/**
 * Whether a stream that broke off with `error` had already delivered its whole answer: the
 * finish reason arrived and the break is a connection failure (reset, closed early), not an
 * abort, a timeout or an oversized body, which keep their meaning.
 */
function answerComplete(ctx: AttemptContext, state: StreamState, error: unknown): boolean {
  if (state.finishReason === undefined) return false;
  return (
    classifyError(error, ctx.scope, ctx.what, ctx.limits, ctx.secrets).errorClass === 'connection'
  );
}
