import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultPlan } from '../faults/inject.js';
import type { FailureMode } from '../faults/parse-fault-header.js';
import { sendError, sendJsonText, sleepWhileOpen } from './http-io.js';
import { type StreamEvents, writeStream } from './sse.js';

/** What a `malformed` fault sends for a non-streaming request: JSON-looking, not JSON. */
export const MALFORMED_BODY = '{"id":"malformed","object":"chat.completion",choices:[{oops}]';

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
 * @returns when the response is complete (or left stalled)
 */
export async function deliver(
  req: IncomingMessage,
  res: ServerResponse,
  plan: FaultPlan,
  render: { stream: false; body: () => string } | { stream: true; events: () => StreamEvents },
): Promise<void> {
  if (plan.delayMs > 0 && !(await sleepWhileOpen(res, plan.delayMs))) return;
  const failure = plan.failure;
  if (failure?.kind === 'status') return sendFailureStatus(res, failure);
  if (failure?.kind === 'reset') {
    req.socket.destroy();
    return;
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
