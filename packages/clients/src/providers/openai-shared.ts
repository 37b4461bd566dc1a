import type { EventSourceMessage } from 'eventsource-parser';
import type { z } from 'zod';
import type { CompletionRequest, GenerationParams } from '../completion.js';
import { openAIErrorMessage, streamUsage } from './openai-usage.js';
import type { DeltaSink, ParsedCompletion, ProviderAdapter, StreamState } from './provider.js';
import {
  assignDefined,
  InStreamError,
  normaliseFinishReason,
  parseEventJson,
  ShapeError,
  servedModelOf,
} from './provider.js';

/** Options shared by the OpenAI Chat Completions and Completions adapters. */
export interface OpenAIAdapterOptions {
  /** Model name. */
  readonly model: string;
  /** Ask for `stream_options.include_usage` on streams (default true). */
  readonly streamUsage: boolean;
}

/**
 * What differs between the OpenAI Chat Completions and Completions endpoints; the rest of
 * the wire format is {@link openAIAdapter}'s.
 *
 * @typeParam T - the validated non-streamed response body
 */
export interface OpenAIEndpoint<T> {
  /** Path appended to the base URL's path, e.g. `'/chat/completions'`. */
  readonly path: string;
  /** The request's input fields (`messages` or `prompt`); they follow `model` in the body. */
  input(request: CompletionRequest): Record<string, unknown>;
  /** The logprob fields asked for by `params` (undefined ones are left out). */
  logprobFields(params: GenerationParams): Record<string, unknown>;
  /** Schema of a non-streamed response body. */
  readonly responseSchema: z.ZodType<T>;
  /** What a valid body holds, for the {@link ShapeError} message. */
  readonly expectedShape: string;
  /** Reads a validated non-streamed body. */
  fromResponse(body: T): ParsedCompletion;
  /** Applies a streamed choice's text and logprob deltas to `state` and `sink`. */
  onChoice(choice: Record<string, unknown>, state: StreamState, sink: DeltaSink): void;
}

/**
 * Builds a {@link ProviderAdapter} for an OpenAI-compatible endpoint: sampling and streaming
 * body fields, `Authorization: Bearer`, error bodies and chunks, `[DONE]`, the usage chunk
 * and finish reasons are handled here; `endpoint` supplies the rest.
 *
 * @param endpoint - the endpoint's own parts
 * @param options - model and streaming-usage switch
 * @returns the provider adapter
 * @example
 * ```ts
 * // openAICompletionsProvider(options) is openAIAdapter(completionsEndpoint, options)
 * const adapter = openAICompletionsProvider({ model: 'm', streamUsage: true });
 * adapter.path; // '/completions'
 * adapter.buildBody({ prompt: 'hi' }, { maxTokens: 8 }, false); // { model: 'm', prompt: 'hi', max_tokens: 8 }
 * ```
 */
export function openAIAdapter<T>(
  endpoint: OpenAIEndpoint<T>,
  options: OpenAIAdapterOptions,
): ProviderAdapter {
  return {
    path: endpoint.path,
    buildBody(request: CompletionRequest, params: GenerationParams, stream: boolean): unknown {
      return openAIBody(
        { model: options.model, ...endpoint.input(request) },
        params,
        endpoint.logprobFields(params),
        stream,
        options,
      );
    },
    authHeaders: bearerAuthHeaders,
    parseResponse(json: unknown): ParsedCompletion {
      const parsed = endpoint.fromResponse(
        parseOpenAIBody(endpoint.responseSchema, json, endpoint.expectedShape),
      );
      const servedModel = servedModelOf((json as { model?: unknown }).model);
      return servedModel === undefined ? parsed : { ...parsed, servedModel };
    },
    onStreamEvent(event: EventSourceMessage, state: StreamState, sink: DeltaSink): void {
      const choice = openAIStreamChoice(event, state);
      if (choice === undefined) return; // [DONE] or the usage-only chunk
      endpoint.onChoice(choice, state, sink);
      recordStreamFinish(choice, state);
    },
  };
}

/**
 * Builds an OpenAI request body: `base`, then the sampling fields, then `logprobFields`, then
 * the streaming fields, then `params.extra` (which wins). Undefined fields are left out.
 *
 * @param base - the endpoint's own fields (`model` and `messages` or `prompt`)
 * @param params - merged generation parameters
 * @param logprobFields - the endpoint's logprob fields (their layouts differ)
 * @param stream - whether the request streams
 * @param options - adapter options (`streamUsage` asks for the usage chunk)
 * @returns the body, `base` itself filled in
 */
function openAIBody(
  base: Record<string, unknown>,
  params: GenerationParams,
  logprobFields: Record<string, unknown>,
  stream: boolean,
  options: OpenAIAdapterOptions,
): Record<string, unknown> {
  return assignDefined(
    base,
    {
      temperature: params.temperature,
      max_tokens: params.maxTokens,
      top_p: params.topP,
      stop: params.stop,
      seed: params.seed,
      ...logprobFields,
      stream: stream ? true : undefined,
      stream_options: stream && options.streamUsage ? { include_usage: true } : undefined,
    },
    params.extra,
  );
}

/**
 * OpenAI's `Authorization: Bearer` header.
 *
 * @param apiKey - the API key, if any
 * @returns the header, or no headers when there is no key
 */
function bearerAuthHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
}

/**
 * Validates a non-streamed OpenAI body against `schema`.
 *
 * @param schema - the endpoint's response schema
 * @param json - the parsed body
 * @param expected - what a valid body holds, for the error message
 * @returns the validated body
 * @throws InStreamError with the server's message when the body is an OpenAI error object
 * (retryable when it names an overload, a rate or a server error), else ShapeError naming
 * `expected`
 */
function parseOpenAIBody<T>(schema: z.ZodType<T>, json: unknown, expected: string): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  // an error object in a 200 body is the server's error, as in a stream (not a shape error
  // that read as if the server's text were the expected shape)
  const errorMessage = openAIErrorMessage(json);
  if (errorMessage !== undefined) throw new InStreamError(errorMessage, transient(errorMessage));
  throw new ShapeError(expected);
}

/** Whether a server's error message names a passing condition (overload, rate, server error). */
function transient(message: string): boolean {
  return /overload|rate|server_error/i.test(message);
}

/**
 * Handles the parts of an OpenAI SSE event that both endpoints share: `[DONE]`, error
 * chunks and the usage chunk.
 *
 * @param event - one SSE event
 * @param state - the stream's state (`done` and `usage` are updated here)
 * @returns the chunk's first choice, or undefined after `[DONE]` or on a usage-only chunk
 * @throws ShapeError for a non-object chunk or one without a `choices` array
 * @throws InStreamError for an error chunk (retryable when it mentions overload or rate)
 */
function openAIStreamChoice(
  event: EventSourceMessage,
  state: StreamState,
): Record<string, unknown> | undefined {
  if (event.data === '[DONE]') {
    state.done = true;
    return undefined;
  }
  const chunk = parseEventJson(event.data) as Record<string, unknown> | null;
  if (chunk === null || typeof chunk !== 'object')
    throw new ShapeError('a chunk that is a JSON object');
  const errorMessage = openAIErrorMessage(chunk);
  if (errorMessage !== undefined) throw new InStreamError(errorMessage, transient(errorMessage));
  // a usage-only chunk may leave `choices` out instead of sending it empty
  const choices = chunk.choices ?? (chunk.usage !== undefined ? [] : undefined);
  if (!Array.isArray(choices)) throw new ShapeError('a chunk with a choices array');
  const usage = streamUsage(chunk.usage);
  if (usage !== undefined) state.usage = usage;
  // every chunk names the model; the first one that does is kept
  state.servedModel ??= servedModelOf(chunk.model);
  return choices[0] as Record<string, unknown> | undefined;
}

/**
 * Records a streamed choice's `finish_reason`, when it has one, in `state`.
 *
 * @param choice - a streamed choice
 * @param state - the stream's state
 */
function recordStreamFinish(choice: Record<string, unknown>, state: StreamState): void {
  const finish = choice.finish_reason;
  if (typeof finish === 'string') state.finishReason = normaliseFinishReason(finish);
}
