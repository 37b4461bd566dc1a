import type { EventSourceMessage } from 'eventsource-parser';
import { z } from 'zod';
import type { CompletionRequest, GenerationParams } from '../completion.js';
import { num } from './openai-usage.js';
import {
  assignDefined,
  type DeltaSink,
  InStreamError,
  normaliseFinishReason,
  type ParsedCompletion,
  type ProviderAdapter,
  parseEventJson,
  type ServerUsage,
  ShapeError,
  type StreamState,
  servedModelOf,
  toMessages,
} from './provider.js';

const AnthropicUsageSchema = z.looseObject({
  input_tokens: z.number().optional(),
  output_tokens: z.number().optional(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
});

const MessageResponseSchema = z.looseObject({
  content: z.array(
    z.looseObject({
      type: z.string(),
      text: z.string().optional(),
      thinking: z.string().optional(),
    }),
  ),
  stop_reason: z.string().nullish(),
  usage: AnthropicUsageSchema.optional(),
  model: z.unknown().optional(),
});

/** Anthropic error types that mean "too busy": the adaptive limiter backs off on these. */
const OVERLOAD_TYPES = new Set(['overloaded_error', 'rate_limit_error']);

/**
 * Folds an Anthropic `usage` object into `prev` (streams report it in `message_start`, then
 * cumulatively in `message_delta`).
 *
 * @remarks
 * Anthropic's `input_tokens` leaves out the prompt tokens read from or written to the cache,
 * where OpenAI's `prompt_tokens` counts them: `inputTokens` is made the total, so costs, the
 * tokens-per-minute limit and comparisons across providers see the whole prompt.
 */
function usageOf(raw: unknown, prev: ServerUsage = {}): ServerUsage {
  const u = (raw ?? {}) as Record<string, unknown>;
  const next: ServerUsage = { ...prev };
  const output = num(u.output_tokens);
  if (output !== undefined) next.outputTokens = output;
  const read = num(u.cache_read_input_tokens) ?? prev.cachedTokens;
  const write = num(u.cache_creation_input_tokens) ?? prev.cacheWriteTokens;
  if (read !== undefined) next.cachedTokens = read;
  if (write !== undefined) next.cacheWriteTokens = write;
  const input = num(u.input_tokens);
  if (input !== undefined) next.inputTokens = input + (read ?? 0) + (write ?? 0);
  return next;
}

/** Options of the Anthropic Messages adapter. */
export interface AnthropicOptions {
  /** Model name. */
  readonly model: string;
  /** `anthropic-version` header value. */
  readonly version: string;
}

/** The Messages request body: system messages hoisted to `system`, `max_tokens` required. */
function messagesBody(
  model: string,
  request: CompletionRequest,
  params: GenerationParams,
  stream: boolean,
): unknown {
  const all = toMessages(request);
  const system = all.filter((m) => m.role === 'system').map((m) => m.content);
  const messages = all
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role, content: m.content }));
  return assignDefined(
    { model, max_tokens: params.maxTokens ?? 1024, messages },
    {
      system: system.length > 0 ? system.join('\n\n') : undefined,
      temperature: params.temperature,
      top_p: params.topP,
      stop_sequences: params.stop,
      stream: stream ? true : undefined,
    },
    params.extra,
  );
}

/** A non-streamed Messages response: text and thinking blocks, stop reason, usage. */
function parseMessage(json: unknown): ParsedCompletion {
  const parsed = MessageResponseSchema.safeParse(json);
  if (!parsed.success) {
    const error = (json as { error?: { type?: unknown; message?: unknown } } | null)?.error;
    throw error !== undefined
      ? new ShapeError(
          'a body with a content array (Messages shape), not an error',
          `${String(error.type)}: ${String(error.message)}`,
        )
      : new ShapeError('a body with a content array (Messages shape)');
  }
  let text = '';
  let reasoning = '';
  for (const block of parsed.data.content) {
    if (block.type === 'text' && block.text !== undefined) text += block.text;
    else if (block.type === 'thinking' && block.thinking !== undefined) reasoning += block.thinking;
  }
  return {
    text,
    reasoning: reasoning.length > 0 ? reasoning : undefined,
    finishReason: normaliseFinishReason(parsed.data.stop_reason),
    usage: usageOf(parsed.data.usage),
    servedModel: servedModelOf(parsed.data.model),
  };
}

/** One Messages stream event into the stream state (deltas to the sink). */
function onMessagesEvent(event: EventSourceMessage, state: StreamState, sink: DeltaSink): void {
  const payload = parseEventJson(event.data) as Record<string, unknown> | null;
  if (payload === null || typeof payload !== 'object')
    throw new ShapeError('an event that is a JSON object');
  const type = payload.type ?? event.event;
  switch (type) {
    case 'content_block_delta': {
      const delta = payload.delta as Record<string, unknown> | undefined;
      if (delta?.type === 'text_delta' && typeof delta.text === 'string') {
        state.text += delta.text;
        sink.content(delta.text);
      } else if (delta?.type === 'thinking_delta' && typeof delta.thinking === 'string') {
        state.reasoning += delta.thinking;
        sink.reasoning(delta.thinking);
      }
      return;
    }
    case 'message_start': {
      const message = payload.message as Record<string, unknown> | undefined;
      if (message === undefined) throw new ShapeError('a message_start event with a message');
      state.usage = usageOf(message.usage, state.usage);
      state.servedModel ??= servedModelOf(message.model);
      return;
    }
    case 'message_delta': {
      const delta = payload.delta as Record<string, unknown> | undefined;
      if (typeof delta?.stop_reason === 'string') {
        state.finishReason = normaliseFinishReason(delta.stop_reason);
      }
      // message_delta's output_tokens is cumulative, so it replaces message_start's.
      state.usage = usageOf(payload.usage, state.usage);
      return;
    }
    case 'message_stop':
      state.done = true;
      return;
    case 'error': {
      const error = (payload.error ?? {}) as { type?: unknown; message?: unknown };
      const errorType = typeof error.type === 'string' ? error.type : 'error';
      throw new InStreamError(
        `${errorType}: ${typeof error.message === 'string' ? error.message : 'no message'}`,
        OVERLOAD_TYPES.has(errorType),
      );
    }
    default:
      // ping, content_block_start/stop and future event types carry nothing we need.
      return;
  }
}

/**
 * Anthropic Messages (`POST {baseUrl}/messages`, base URL e.g. `https://api.anthropic.com/v1`).
 *
 * @remarks
 * System messages are hoisted to the top-level `system` field; `maxTokens` defaults to 1024
 * (the API requires it). Streams read usage from `message_start` (input) and `message_delta`
 * (output); an `error` event under a 200 (e.g. `overloaded_error`) is an in-stream error.
 * Seeds and logprobs are not offered by this API and are not sent.
 *
 * @param options - model and API version
 * @returns the provider adapter
 * @example
 * ```ts
 * const adapter = anthropicProvider({ model: 'claude-sonnet-4-5', version: '2023-06-01' });
 * adapter.authHeaders('sk-ant-…'); // { 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-…' }
 * ```
 */
export function anthropicProvider(options: AnthropicOptions): ProviderAdapter {
  return {
    path: '/messages',
    buildBody: (request, params, stream) => messagesBody(options.model, request, params, stream),
    authHeaders(apiKey: string | undefined): Record<string, string> {
      const headers: Record<string, string> = { 'anthropic-version': options.version };
      if (apiKey !== undefined) headers['x-api-key'] = apiKey;
      return headers;
    },
    parseResponse: parseMessage,
    onStreamEvent: onMessagesEvent,
  };
}
