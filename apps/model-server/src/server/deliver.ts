import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BatchEngine } from '../engine/batch-engine.js';
import type { FaultPlan } from '../faults/inject.js';
import type { FailureMode } from '../faults/parse-fault-header.js';
import type { ServerContext } from './context.js';
import { sendError, sendJsonText, sleepWhileOpen } from './http-io.js';
import { type StreamEvents, writeEngineStream, writeStream } from './sse.js';

/** A completion to decode on the batching engine simulator. */
export interface EngineJob {
  readonly engine: BatchEngine;
  /** Prompt tokens (prefill time). */
  readonly promptTokens: number;
  /** Streamed pieces of the answer: the engine emits one per decode step. */
  readonly outputTokens: number;
}

/** What a `malformed` fault sends for a non-streaming request: JSON-looking, not JSON. */
export const MALFORMED_BODY = '{"id":"malformed","object":"chat.completion",choices:[{oops}]';

/**
 * The engine job of an answer, when the server runs the batching engine.
 *
 * @param ctx - server context
 * @param promptTokens - prompt tokens of the request
 * @param reply - the answer (its pieces are decoded one per step)
 * @returns the job, or `undefined` without an engine
 */
export function engineJob(
  ctx: ServerContext,
  promptTokens: number,
  reply: { readonly tokens: readonly string[] },
): EngineJob | undefined {
  return ctx.engine === undefined
    ? undefined
    : { engine: ctx.engine, promptTokens, outputTokens: reply.tokens.length };
}

function sendFailureStatus(res: ServerResponse, failure: FailureMode & { kind: 'status' }): void {
  const headers: Record<string, string> = {};
  if (failure.retryAfterSeconds !== undefined || failure.status === 429) {
    const seconds = failure.retryAfterSeconds ?? 1;
    headers['retry-after'] = String(Math.ceil(seconds));
    if (failure.status === 429) {
      headers['x-ratelimit-reset-requests'] = `${seconds}s`;
      headers['x-ratelimit-remaining-requests'] = '0';
    }
  }
  if (failure.status === 429) {
    sendError(
      res,
      429,
      'Rate limit reached (injected by x-assay-fault); retry after the Retry-After delay.',
      {
        type: 'requests',
        code: 'rate_limit_exceeded',
        headers,
      },
    );
  } else if (failure.status >= 500) {
    sendError(
      res,
      failure.status,
      `The server had an error while processing your request (injected status ${failure.status}).`,
      {
        type: 'server_error',
        code: failure.status === 503 ? 'service_unavailable' : 'internal_error',
        headers,
      },
    );
  } else {
    sendError(res, failure.status, `Request failed with injected status ${failure.status}.`, {
      headers,
    });
  }
}

/**
 * Sends a completion through the request's fault plan: latency first, then failure or success.
 *
 * @param req - the request (its socket is destroyed for `reset`)
 * @param res - the response
 * @param plan - drawn by the server's fault injector
 * @param render - lazily serialized success: whole JSON body or stream events
 * @param job - when the server runs the batching engine: the answer waits for a slot and is
 *   paced by its decode steps (a faulted answer skips the engine)
 * @returns when the response is complete (or left stalled)
 */
export async function deliver(
  req: IncomingMessage,
  res: ServerResponse,
  plan: FaultPlan,
  render: { stream: false; body: () => string } | { stream: true; events: () => StreamEvents },
  job?: EngineJob,
): Promise<void> {
  if (plan.delayMs > 0 && !(await sleepWhileOpen(res, plan.delayMs))) return;
  const failure = plan.failure;
  if (failure?.kind === 'status') return sendFailureStatus(res, failure);
  if (failure?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (job !== undefined && failure === undefined) {
    if (render.stream) return writeEngineStream(res, render.events(), job);
    return new Promise((resolve) => {
      job.engine.submit({
        promptTokens: job.promptTokens,
        outputTokens: Math.max(1, job.outputTokens),
        onToken: () => {},
        onDone: () => {
          sendJsonText(res, 200, render.body());
          resolve();
        },
        isOpen: () => {
          if (!res.destroyed) return true;
          resolve();
          return false;
        },
      });
    });
  }
  if (render.stream) return writeStream(res, render.events(), plan);
  if (failure === undefined) return sendJsonText(res, 200, render.body());
  if (failure.kind === 'malformed') return sendJsonText(res, 200, MALFORMED_BODY);
  res.writeHead(200, { 'content-type': 'application/json' });
  if (failure.kind === 'stall') {
    res.flushHeaders();
    return;
  }
  const body = render.body();
  res.end(body.slice(0, Math.floor(body.length / 2)));
}
