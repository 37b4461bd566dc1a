import { setTimeout as sleep } from 'node:timers/promises';
import { AbortScope } from '../http/abort-scope.js';
import { AttemptFailure, redact } from '../http/attempt-failure.js';
import { classifyError, isConnectTimeoutMessage } from '../http/classify-error.js';
import type { ParsedCompletion } from '../providers/provider.js';
import { emitClientWarning } from '../warnings.js';
import { type ClientContext, closedMessage } from './client-context.js';
import type { ClientCounters } from './client-counters.js';
import type { PreparedCall } from './prepared-call.js';
import { failRequest } from './request-failure.js';
import { type AttemptContext, runAttempt } from './run-attempt.js';

const OVERLOAD_STATUSES = new Set([429, 503, 529]);

/**
 * Sends a prepared call until an attempt succeeds or the retry policy gives up: each attempt
 * takes a concurrency slot and a rate-limit token, and a transient failure backs off first.
 *
 * @remarks
 * The attempt itself is awaited here rather than in a helper: every extra async frame on this
 * path costs each request a promise and microtask hops.
 *
 * @param ctx - the client's context
 * @param counters - the client's running totals
 * @param call - the prepared call
 * @returns the parsed answer of the attempt that succeeded
 * @throws ClientError when the call is aborted or its last attempt fails
 */
export async function attemptWithRetries(
  ctx: ClientContext,
  counters: ClientCounters,
  call: PreparedCall,
): Promise<ParsedCompletion> {
  ctx.retry.onRequest();
  for (let retriesTaken = 0; ; retriesTaken++) {
    // A free slot and no rate limit is the common case; it takes no await.
    const holding = ctx.limiter.tryAcquire();
    if (!holding || ctx.rateLimiter !== undefined) await waitForTurn(ctx, counters, call, holding);
    // closed while this call waited or backed off: its pool is gone, so nothing is sent
    if (ctx.closed.value) {
      ctx.limiter.release();
      throw failRequest(
        call.credentials,
        counters,
        'abort',
        closedMessage(call.what),
        call.record,
        undefined,
      );
    }
    counters.attempts++;
    counters.inFlight++;
    call.record.beginAttempt();
    const scope = new AbortScope(call.signal, ctx.cfg.timeouts.totalMs);
    let parsed: ParsedCompletion | undefined;
    let failure: AttemptFailure | undefined;
    try {
      parsed = await runAttempt(attemptContext(ctx, call, scope));
    } catch (error) {
      failure =
        error instanceof AttemptFailure
          ? error
          : classifyError(error, scope, call.what, ctx.limits, call.secrets);
    } finally {
      scope.dispose();
      counters.inFlight--;
      ctx.limiter.release();
    }
    recordOutcome(ctx, counters, call, failure);
    // runAttempt resolves with the answer or throws, so no failure means an answer.
    if (failure === undefined) return parsed as ParsedCompletion;
    const delayMs = retryDelayOrThrow(ctx, counters, call, failure, retriesTaken);
    await backoff(counters, call, delayMs, failure.details.status);
  }
}

/** Waits for a concurrency slot (unless `holding` one) and a rate-limit token. */
async function waitForTurn(
  ctx: ClientContext,
  counters: ClientCounters,
  call: PreparedCall,
  holding: boolean,
): Promise<void> {
  try {
    if (!holding) {
      await ctx.limiter.acquire(call.signal);
      holding = true;
    }
    if (ctx.rateLimiter !== undefined) await ctx.rateLimiter.acquire(call.estimate, call.signal);
  } catch {
    if (holding) ctx.limiter.release();
    throw failRequest(
      call.credentials,
      counters,
      'abort',
      ctx.closed.value
        ? closedMessage(call.what)
        : `The request ${call.what} was aborted while waiting for its turn.`,
      call.record,
      undefined,
    );
  }
}

/** What {@link runAttempt} needs for one attempt of a call. */
function attemptContext(ctx: ClientContext, call: PreparedCall, scope: AbortScope): AttemptContext {
  return {
    transport: ctx.transport,
    path: ctx.requestPath,
    headers: call.headers,
    body: call.body.bytes,
    stream: call.wireStream,
    readsEvents: ctx.canStream,
    provider: ctx.provider,
    record: call.record,
    scope,
    what: call.what,
    endpoint: ctx.endpoint,
    limits: ctx.limits,
    secrets: call.secrets,
    emit: call.emit,
    emitted: call.emitted,
  };
}

/**
 * Counts an attempt's status, closes its record and tells adaptive concurrency how it went:
 * only overload (429, 503, 529 or an overloaded error body) shrinks the limit.
 */
function recordOutcome(
  ctx: ClientContext,
  counters: ClientCounters,
  call: PreparedCall,
  failure: AttemptFailure | undefined,
): void {
  const record = call.record;
  if (record.status !== undefined) {
    counters.statuses[record.status] = (counters.statuses[record.status] ?? 0) + 1;
  }
  if (failure === undefined) {
    record.endAttempt(undefined);
    ctx.adaptive?.onSuccess();
    return;
  }
  record.endAttempt(failure.errorClass);
  counters.attemptFailures[failure.errorClass]++;
  const status = failure.details.status;
  if (
    failure.details.overloaded === true ||
    (status !== undefined && OVERLOAD_STATUSES.has(status))
  ) {
    ctx.adaptive?.onOverload(record.sentAt ?? 0);
  } else {
    ctx.adaptive?.onOtherFailure();
  }
}

/**
 * The backoff before retrying a failed attempt, counted and announced as a `RETRY` warning;
 * throws the call's final error when the failure is not to be retried.
 */
function retryDelayOrThrow(
  ctx: ClientContext,
  counters: ClientCounters,
  call: PreparedCall,
  failure: AttemptFailure,
  retriesTaken: number,
): number {
  const status = failure.details.status;
  // Benchmark mode measures the service as it answers; a stream that already reached the
  // consumer cannot be replayed.
  const decision =
    ctx.cfg.benchmarkMode || call.emitted.value
      ? ({ retry: false, reason: 'retries off' } as const)
      : ctx.retry.decide(
          { errorClass: failure.errorClass, status, headers: failure.details.headers },
          retriesTaken,
        );
  if (!decision.retry) {
    if (decision.budgetExhausted) counters.notRetriedBudget++;
    const message = failure.message + notRetriedText(ctx, decision, failure);
    throw failRequest(call.credentials, counters, failure.errorClass, message, call.record, status);
  }
  call.record.setRetryDelay(decision.delayMs);
  counters.retries++;
  emitClientWarning(() => ({
    code: 'RETRY',
    // the same rule as the final error's (see failRequest): the failure's external text is
    // redacted already, and the call's credentials are redacted from the whole sentence
    message: redact(
      `${failure.message} Retrying in ${Math.round(decision.delayMs)} ms (retry ${retriesTaken + 1} of at most ${ctx.cfg.retry.maxRetries}).`,
      call.credentials,
    ),
  }));
  return decision.delayMs;
}

/** How a failure's message begins to say that the retry budget left it unretried. */
const BUDGET_SPENT_START = "the client's retry budget (at most 10 + retry.budget ";

/**
 * Whether a request's final error message says that the client's retry budget left it without
 * the retries it had: what a journal keeps of a failure, so that a resumed run still counts
 * such failures (`ClientStats.notRetriedBudget` counts only this client's).
 *
 * @param message - the final error's message
 * @returns true when the budget, not the retry limit, ended the request
 * @example
 * ```ts
 * budgetLeftUnretried("HTTP 503. Not retried: the client's retry budget (at most 10 + retry.budget 0.2 × requests) was spent."); // true
 * budgetLeftUnretried('HTTP 503 after 3 retries.'); // false
 * ```
 */
export function budgetLeftUnretried(message: string): boolean {
  return message.includes(BUDGET_SPENT_START) && message.includes(' × requests) was spent');
}

/**
 * Why a transient failure was not retried, when the failure alone does not say: a server that
 * asked for too long a wait, or a spent retry budget (else a failure reads as one that failed
 * after every retry).
 *
 * @remarks
 * For a failure that never reached the service (a refused, reset or closed connection, a DNS
 * or TLS failure, a connect timeout) the budget is not the cause to fix: it was spent on the
 * same unreachable service, and no retry helps until the service is started. The text says so
 * first, so that nobody raises `retry.budget` to cure a stopped server.
 */
function notRetriedText(
  ctx: ClientContext,
  decision: { readonly askedWaitMs?: number; readonly budgetExhausted?: true },
  failure: AttemptFailure,
): string {
  if (decision.askedWaitMs !== undefined) {
    return ` Not retried: the server asked to wait ${Math.round(decision.askedWaitMs)} ms, more than maxRetryAfterMs (${ctx.cfg.retry.maxRetryAfterMs} ms).`;
  }
  if (decision.budgetExhausted) {
    const budget = `${BUDGET_SPENT_START}${ctx.cfg.retry.budget} × requests) was spent`;
    if (neverReached(failure)) {
      return ` The service could not be reached: check that it is running at the configured baseUrl; retries would not help until it is started, and this one was not retried because ${budget} on earlier failures.`;
    }
    return ` Not retried: ${budget}.`;
  }
  return '';
}

/** Whether a failure never reached the service: a connection failure or a connect timeout. */
function neverReached(failure: AttemptFailure): boolean {
  return (
    failure.errorClass === 'connection' ||
    (failure.errorClass === 'timeout' && isConnectTimeoutMessage(failure.message))
  );
}

/**
 * Sleeps before a retry; the caller's signal, or its retry signal (no more retries), cuts it
 * short and fails the call as aborted.
 */
async function backoff(
  counters: ClientCounters,
  call: PreparedCall,
  delayMs: number,
  status: number | undefined,
): Promise<void> {
  const signals = [call.signal, call.retrySignal].filter((x) => x !== undefined);
  const signal = signals.length < 2 ? signals[0] : AbortSignal.any(signals);
  try {
    await sleep(delayMs, undefined, signal === undefined ? undefined : { signal });
  } catch {
    throw failRequest(
      call.credentials,
      counters,
      'abort',
      `The request ${call.what} was aborted during retry backoff.`,
      call.record,
      status,
    );
  }
}
