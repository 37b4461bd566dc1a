import type { CompletionRequest, GenerationParams } from '../completion.js';
import type { ClientContext } from './client-context.js';

/** A request body as sent: its JSON text and the same text as UTF-8 bytes. */
export interface RequestBody {
  readonly text: string;
  readonly bytes: Buffer;
}

interface Built extends RequestBody {
  readonly params: GenerationParams;
  readonly wireStream: boolean;
}

/** Bodies of frozen requests, per client (bodies are provider-specific). */
const builtBodies = new WeakMap<ClientContext, WeakMap<CompletionRequest, Built>>();

/** Whether `request` can no longer change: it, its messages and each message are frozen. */
function isImmutable(request: CompletionRequest): boolean {
  if (!Object.isFrozen(request) || request.params !== undefined) return false;
  const messages = request.messages;
  if (messages === undefined) return true;
  if (!Object.isFrozen(messages)) return false;
  for (const m of messages) if (!Object.isFrozen(m)) return false;
  return true;
}

function build(
  ctx: ClientContext,
  request: CompletionRequest,
  params: GenerationParams,
  wireStream: boolean,
): Built {
  const text = JSON.stringify(ctx.provider.buildBody(request, params, wireStream));
  return { text, bytes: Buffer.from(text), params, wireStream };
}

/**
 * The body of a call: built from the request, or reused when the same frozen request was
 * sent before with the same parameters.
 *
 * @remarks
 * A load test sends a few prompts thousands of times; building and encoding the same JSON
 * body for each send was a measurable share of the client's CPU per request. Only a request
 * frozen with `Object.freeze` (itself, its `messages` array and every message; no per-request
 * `params`) is reused, because only then can the body not have changed since it was built.
 * The bytes are handed to undici as they are (a string body is encoded per request there).
 *
 * @param ctx - the client's context
 * @param request - the caller's request
 * @param params - the merged generation parameters
 * @param wireStream - whether the request asks for SSE
 * @returns the body's text and bytes
 * @example
 * ```ts
 * const ctx = createClientContext({ provider: 'openai-completions', baseUrl, model: 'm' }, undefined, undefined);
 * const request = Object.freeze({ prompt: 'hi' });
 * requestBody(ctx, request, ctx.cfg.params, false).text; // '{"model":"m","prompt":"hi"}'
 * requestBody(ctx, request, ctx.cfg.params, false) === requestBody(ctx, request, ctx.cfg.params, false); // true
 * await ctx.pools.close();
 * ```
 */
export function requestBody(
  ctx: ClientContext,
  request: CompletionRequest,
  params: GenerationParams,
  wireStream: boolean,
): RequestBody {
  if (!isImmutable(request)) return build(ctx, request, params, wireStream);
  let bodies = builtBodies.get(ctx);
  if (bodies === undefined) {
    bodies = new WeakMap();
    builtBodies.set(ctx, bodies);
  }
  const seen = bodies.get(request);
  if (seen !== undefined && seen.params === params && seen.wireStream === wireStream) return seen;
  const built = build(ctx, request, params, wireStream);
  bodies.set(request, built);
  return built;
}
