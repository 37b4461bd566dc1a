import {
  ClientError,
  type CompletionRequest,
  type ModelClient,
  type RequestRecord,
} from '@assay/clients';
import {
  EMPTY_RESPONSE,
  type LoadRecord,
  type TokenSource,
  TRUNCATED_STREAM,
} from '../metrics/load-record.js';

/** How `--score` judged one answer. */
export interface AnswerVerdict {
  /** Right or wrong, for tasks with one right answer; `null` otherwise or when not scorable. */
  readonly correct: boolean | null;
  /** Each quality metric's value for this answer (e.g. `{ accuracy: 1 }`, `{ token_f1: 0.5 }`); `null` when not scorable. */
  readonly scores: Readonly<Record<string, number>> | null;
}

/**
 * Judges an answer under `--score`, by the workload item (the index of its prompt in the
 * workload) it answers. It runs when the answer has arrived, before its record is written, so
 * a streamed record carries it.
 */
export type AnswerJudge = (index: number, text: string) => AnswerVerdict | Promise<AnswerVerdict>;

const UNJUDGED: AnswerVerdict = { correct: null, scores: null };

/** What one request needs besides its prompt. */
export interface SendContext {
  readonly client: ModelClient;
  /** `performance.now()` at the step's start: record times are ms since then. */
  readonly origin: number;
  readonly step: number;
  /** Cancels requests still running when the step's time is up. */
  readonly signal: AbortSignal;
  readonly judge?: AnswerJudge | undefined;
  /** Counts each answer by the model id its response named; not counted when absent. */
  readonly servedModels?: Map<string, number> | undefined;
}

function gaps(record: RequestRecord): readonly number[] {
  const b = record.reasoningChunkTimes;
  // content chunks only: the record already holds their gaps
  if (b.length === 0) return record.interChunkGapsMs;
  const times = [...record.contentChunkTimes, ...b].sort((x, y) => x - y);
  const out: number[] = new Array(Math.max(0, times.length - 1));
  for (let i = 1; i < times.length; i++) out[i - 1] = times[i]! - times[i - 1]!;
  return out;
}

/** `t` as ms since `origin`; `null` when there is no `t`. */
function since(origin: number, t: number | undefined): number | null {
  return t === undefined ? null : t - origin;
}

/** Which request a record is of. */
interface Slot {
  /** its index in its step, in schedule order */
  readonly index: number;
  /** the workload item it asked */
  readonly item: number;
  readonly warmup: boolean;
  /** its intended start, `performance.now()` clock */
  readonly scheduledAbs: number;
}

/**
 * The output token count and its source. A stream without usage from a model that no tokenizer
 * knows gets the client's characters / 4 estimate, which decided `tpot` bounds (5 chunks of
 * 'spam is the answer' counted 7 tokens); its content and reasoning chunks are counted instead
 * (`'chunks'`): servers stream about one token a chunk. The client labels a whole usage
 * `estimate` when any count in it was local, so an output count other than the estimate of the
 * answer's text came from the server (an http-json `streamOutputTokens` path): it is kept, as
 * `'server-output'` (only the input count is the estimate).
 */
function outputCount(
  record: RequestRecord,
  answer: string | undefined,
): { readonly outputTokens: number | null; readonly tokenSource: TokenSource | null } {
  const outputTokens = record.outputTokens ?? null;
  const tokenSource = record.usageSource ?? null;
  const kept = { outputTokens, tokenSource };
  if (tokenSource !== 'estimate' || answer === undefined || outputTokens === null) return kept;
  if (outputTokens !== Math.ceil(answer.length / 4))
    return { outputTokens, tokenSource: 'server-output' };
  const chunks = record.contentChunkTimes.length + record.reasoningChunkTimes.length;
  if (record.eventStream === false || chunks === 0) return kept;
  return { outputTokens: chunks, tokenSource: 'chunks' };
}

function toRecord(
  ctx: SendContext,
  slot: Slot,
  record: RequestRecord | undefined,
  errorClass: string | null,
  verdict: AnswerVerdict,
  answer?: string,
): LoadRecord {
  const origin = ctx.origin;
  // one JSON body, not a stream: every token arrived at its end, so its TTFT is its e2e (what
  // a user waits for the first token) but it has no decode timing: no last token, so no TPOT,
  // and no ITL (vLLM fails such a request)
  const timed = record?.eventStream !== false;
  const tokens =
    record === undefined ? { outputTokens: null, tokenSource: null } : outputCount(record, answer);
  return {
    step: ctx.step,
    index: slot.index,
    item: slot.item,
    warmup: slot.warmup,
    scheduledMs: slot.scheduledAbs - origin,
    sentMs: since(origin, record?.sentAt),
    firstTokenMs: since(origin, record?.firstTokenAt),
    firstContentMs: since(origin, record?.firstContentAt),
    lastTokenMs: timed ? since(origin, record?.lastTokenAt) : null,
    endMs: (record?.endAt ?? performance.now()) - origin,
    inputTokens: record?.inputTokens ?? null,
    outputTokens: tokens.outputTokens,
    tokenSource: tokens.tokenSource,
    status: record?.status ?? null,
    errorClass,
    itlMs: record === undefined || !timed ? [] : gaps(record),
    correct: verdict.correct,
    scores: verdict.scores,
  };
}

/**
 * A failed request's class: the client's (`truncated_stream` for an answer cut short), an HTTP
 * status failure as `http_<status>` (`http_503`), the key `requests.byError` counts it under.
 */
function failureClass(record: RequestRecord): string {
  const cls = record.errorClass ?? 'client';
  return cls === 'http_status' && record.status !== undefined ? `http_${record.status}` : cls;
}

/**
 * Sends one request through `@assay/clients` and turns its timings into a {@link LoadRecord}.
 *
 * @remarks
 * The client runs in benchmark mode (no retries, no cache) with streaming, so the record has
 * the final (only) attempt's send time and every chunk's arrival. A failure is recorded with
 * the client's error class (`'truncated_stream'`, {@link TRUNCATED_STREAM}, for a 2xx answer
 * cut short); a 200 answer without any token (no content or reasoning chunk, no
 * text) as `'empty_response'` ({@link EMPTY_RESPONSE}), not judged; an error that carries no record (a bug, not the service) is
 * recorded as `'client'`.
 *
 * @param ctx - client, clock origin, step and abort signal
 * @param request - the prompt
 * @param index - the request's index in its step
 * @param warmup - whether it is a warm-up request
 * @param scheduledAbs - the intended start, `performance.now()` clock
 * @param item - the workload item the request asks (the judge scores the answer against it;
 *   default `index`)
 * @returns the record (never rejects)
 * @example
 * ```ts
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb',
 *   streaming: true, benchmarkMode: true });
 * const ctx = { client, origin: performance.now(), step: 0, signal: new AbortController().signal };
 * const sent = await sendRequest(ctx, { prompt: 'WIN A FREE PRIZE NOW!!!' }, 0, false, performance.now());
 * sent.status; // 200
 * sent.firstTokenMs > 0 && sent.endMs >= sent.firstTokenMs; // true
 * await client.close();
 * ```
 */
export async function sendRequest(
  ctx: SendContext,
  request: CompletionRequest,
  index: number,
  warmup: boolean,
  scheduledAbs: number,
  item = index,
): Promise<LoadRecord> {
  const slot: Slot = { index, item, warmup, scheduledAbs };
  try {
    const completion = await ctx.client.complete(request, { signal: ctx.signal });
    const answer = completion.text + (completion.reasoning ?? '');
    const served = completion.servedModel;
    // measured answers only, so the note's count matches the table's
    if (served !== undefined && !warmup && ctx.servedModels !== undefined)
      ctx.servedModels.set(served, (ctx.servedModels.get(served) ?? 0) + 1);
    // no token at all (only `[DONE]`, or only a usage chunk): no answer, as vLLM counts it
    if (completion.record.firstTokenAt === undefined && answer.length === 0)
      return toRecord(ctx, slot, completion.record, EMPTY_RESPONSE, UNJUDGED, answer);
    const verdict = ctx.judge === undefined ? UNJUDGED : await ctx.judge(item, completion.text);
    return toRecord(ctx, slot, completion.record, null, verdict, answer);
  } catch (error) {
    if (error instanceof ClientError && error.record !== undefined) {
      const cls = failureClass(error.record);
      return toRecord(ctx, slot, error.record, cls, UNJUDGED);
    }
    return toRecord(ctx, slot, undefined, 'client', UNJUDGED);
  }
}

/**
 * The record of a request that `--max-in-flight` kept from starting at its scheduled time.
 *
 * @param ctx - clock origin and step
 * @param index - the request's index in its step
 * @param warmup - whether it fell in the warm-up
 * @param scheduledAbs - the intended start, `performance.now()` clock
 * @param item - the workload item it would have asked (default `index`)
 * @returns a record with `errorClass: 'dropped'` and no send time
 * @example
 * ```ts
 * const ctx = { origin: performance.now() - 1000, step: 2 }; // the step started a second ago
 * const dropped = droppedRecord(ctx, 7, false, performance.now());
 * dropped.errorClass; // 'dropped'
 * dropped.sentMs; // null
 * ```
 */
export function droppedRecord(
  ctx: Pick<SendContext, 'origin' | 'step'>,
  index: number,
  warmup: boolean,
  scheduledAbs: number,
  item = index,
): LoadRecord {
  const at = scheduledAbs - ctx.origin;
  return {
    step: ctx.step,
    index,
    item,
    warmup,
    scheduledMs: at,
    sentMs: null,
    firstTokenMs: null,
    firstContentMs: null,
    lastTokenMs: null,
    endMs: at,
    inputTokens: null,
    outputTokens: null,
    tokenSource: null,
    status: null,
    errorClass: 'dropped',
    itlMs: [],
    correct: null,
    scores: null,
  };
}
