import type { ServerResponse } from 'node:http';
import type { BatchEngine } from '../engine/batch-engine.js';
import type { FaultPlan } from '../faults/inject.js';
import { sleepWhileOpen } from './http-io.js';

/** A stream's events in order, already serialized as JSON (without `data: ` framing). */
export interface StreamEvents {
  /** The role chunk (chat) or first text chunk. */
  readonly first: string;
  /** One per completion token. */
  readonly tokens: readonly string[];
  /** Finish chunk and, when asked, the usage chunk. */
  readonly last: readonly string[];
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
};

/** The last line of every complete stream. */
export const DONE_EVENT = 'data: [DONE]\n\n';
/** What a `malformed` fault puts in a stream instead of the token chunks. */
export const MALFORMED_EVENT = 'data: {"id":"malformed","choices":[{"delta":{"content":\n\n';

function event(json: string): string {
  return `data: ${json}\n\n`;
}

/**
 * Writes an SSE completion stream, applying the request's stream faults and token delay.
 *
 * @remarks
 * Without token delay and faults the whole stream goes out in one write. `truncate` sends the first
 * half of the events and ends cleanly with no finish chunk and no `[DONE]`; `malformed` sends the
 * first event, one invalid JSON event and `[DONE]`; `stall` sends the first event and then nothing
 * (the response closes only when the client aborts or the server closes).
 *
 * @param res - the response (headers not yet sent)
 * @param events - serialized chunks
 * @param plan - the request's fault plan (failure kinds other than stream ones are handled earlier)
 * @returns when the stream is done (or abandoned)
 */
export async function writeStream(
  res: ServerResponse,
  events: StreamEvents,
  plan: FaultPlan,
): Promise<void> {
  res.writeHead(200, SSE_HEADERS);
  const kind = plan.failure?.kind;
  if (kind === 'stall') {
    res.write(event(events.first));
    return;
  }
  if (kind === 'malformed') {
    res.end(event(events.first) + MALFORMED_EVENT + DONE_EVENT);
    return;
  }
  const all = [events.first, ...events.tokens, ...events.last];
  if (kind === 'truncate') {
    const keep = Math.max(1, Math.floor(all.length / 2));
    let out = '';
    for (let i = 0; i < keep; i++) out += event(all[i]!);
    res.end(out);
    return;
  }
  if (plan.tokenDelayMs <= 0) {
    let out = '';
    for (const e of all) out += event(e);
    res.end(out + DONE_EVENT);
    return;
  }
  res.write(event(events.first));
  for (const token of events.tokens) {
    if (!(await sleepWhileOpen(res, plan.tokenDelayMs))) return;
    res.write(event(token));
  }
  let tail = '';
  for (const e of events.last) tail += event(e);
  res.end(tail + DONE_EVENT);
}

/**
 * Writes an SSE completion stream paced by the batching engine: headers now, then each piece
 * at the decode step that emits it, then the finish chunk and `[DONE]` after the last.
 *
 * @remarks
 * The chat role chunk goes out with the first piece (as vLLM sends it with the first token), so
 * a client sees nothing but headers while the request waits for a slot or prefills.
 *
 * @param res - the response (headers not yet sent)
 * @param events - serialized chunks
 * @param job - the engine, prompt tokens and number of pieces
 * @returns when the stream is done or the client went away
 */
export function writeEngineStream(
  res: ServerResponse,
  events: StreamEvents,
  job: {
    readonly engine: BatchEngine;
    readonly promptTokens: number;
    readonly outputTokens: number;
  },
): Promise<void> {
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  const chunks = [events.first, ...events.tokens];
  const n = Math.max(1, job.outputTokens);
  // chat has a role chunk before the n pieces; legacy completions start with piece 0
  const lead = Math.max(0, chunks.length - n);
  return new Promise((resolve) => {
    job.engine.submit({
      promptTokens: job.promptTokens,
      outputTokens: n,
      onToken: (i) => {
        let out = '';
        if (i === 0) for (let j = 0; j < lead; j++) out += event(chunks[j]!);
        const chunk = chunks[lead + i];
        if (chunk !== undefined) out += event(chunk);
        if (out !== '') res.write(out);
      },
      onDone: () => {
        let tail = '';
        for (const e of events.last) tail += event(e);
        res.end(tail + DONE_EVENT);
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
