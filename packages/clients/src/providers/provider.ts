import type { EventSourceMessage } from 'eventsource-parser';
import type {
  ChatMessage,
  CompletionRequest,
  GenerationParams,
  TokenLogprob,
} from '../completion.js';

/** Token counts a server reported; any may be missing. */
export interface ServerUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  reasoningTokens?: number | undefined;
  cachedTokens?: number | undefined;
  /** Prompt tokens written to the prompt cache (Anthropic `cache_creation_input_tokens`). */
  cacheWriteTokens?: number | undefined;
}

/** A response body decoded into provider-neutral fields. */
export interface ParsedCompletion {
  text: string;
  reasoning?: string | undefined;
  finishReason: string;
  logprobs?: TokenLogprob[] | undefined;
  usage?: ServerUsage | undefined;
  /** The model id the service says answered (OpenAI `model`, Anthropic `message.model`). */
  servedModel?: string | undefined;
}

/** Where a stream decoder delivers text deltas (the client timestamps them). */
export interface DeltaSink {
  content(delta: string): void;
  reasoning(delta: string): void;
}

/** Accumulated state of one streamed response. */
export interface StreamState {
  text: string;
  reasoning: string;
  finishReason: string | undefined;
  logprobs: TokenLogprob[] | undefined;
  usage: ServerUsage;
  /** The model id the stream's events say answered, when they name one. */
  servedModel: string | undefined;
  /** The provider's terminal event arrived (`[DONE]`, `message_stop`). */
  done: boolean;
}

/**
 * A provider's wire format. Implementations are pure: they build bodies and decode
 * bodies/events; the client owns HTTP, timing, retries and errors.
 */
export interface ProviderAdapter {
  /** Path appended to the base URL's path, e.g. `'/chat/completions'`. */
  readonly path: string;
  /** Request body for `request` with merged `params`. */
  buildBody(request: CompletionRequest, params: GenerationParams, stream: boolean): unknown;
  /** Authentication headers for `apiKey` (empty when there is none). */
  authHeaders(apiKey: string | undefined): Record<string, string>;
  /**
   * Decodes a non-streamed JSON body.
   * @throws ShapeError when the body is not the expected shape
   */
  parseResponse(json: unknown): ParsedCompletion;
  /**
   * Decodes one SSE event into `state`, sending deltas to `sink`.
   * @throws ShapeError for an unexpected event, InStreamError for an error event
   */
  onStreamEvent(event: EventSourceMessage, state: StreamState, sink: DeltaSink): void;
}

/**
 * A body or event that is not the provider's expected shape.
 *
 * @remarks
 * `expected` is the client's own wording; `quoted` is text from outside (the server's error
 * message, a configured JSON path), which the client redacts before it shows it.
 *
 * @example
 * ```ts
 * new ShapeError('an error body', 'overloaded_error: busy').message;
 * // 'an error body (overloaded_error: busy)'
 * ```
 */
export class ShapeError extends Error {
  /**
   * @param expected - what a valid body or event holds, in the client's words
   * @param quoted - external text shown in parentheses after it, if any
   */
  constructor(
    readonly expected: string,
    readonly quoted?: string,
  ) {
    super(quoted === undefined ? expected : `${expected} (${quoted})`);
  }
}

/** An error event inside a successful (200) stream. */
export class InStreamError extends Error {
  /** @param message - what the server said @param overloaded - whether it signals overload */
  constructor(
    message: string,
    readonly overloaded: boolean,
  ) {
    super(message);
  }
}

/**
 * A new, empty stream state.
 *
 * @returns a state with empty text and reasoning and nothing seen yet
 */
export function newStreamState(): StreamState {
  return {
    text: '',
    reasoning: '',
    finishReason: undefined,
    logprobs: undefined,
    usage: {},
    servedModel: undefined,
    done: false,
  };
}

/**
 * The request's messages, or its prompt as one user message.
 *
 * @param request - a validated request
 * @returns the chat messages to send
 */
export function toMessages(request: CompletionRequest): ChatMessage[] {
  if (request.messages !== undefined) return request.messages;
  return [{ role: 'user', content: request.prompt ?? '' }];
}

/**
 * The request's prompt, or its messages' contents joined by blank lines.
 *
 * @param request - a validated request
 * @returns the prompt text to send
 */
export function toPrompt(request: CompletionRequest): string {
  if (request.prompt !== undefined) return request.prompt;
  return (request.messages ?? []).map((m) => m.content).join('\n\n');
}

/**
 * Copies the defined entries of `fields` into `body`, then `extra`.
 *
 * @param body - the request body, changed in place
 * @param fields - body fields; undefined ones are skipped
 * @param extra - provider-specific extra fields, copied last (they win)
 * @returns `body`
 */
export function assignDefined(
  body: Record<string, unknown>,
  fields: Record<string, unknown>,
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  for (const key in fields) if (fields[key] !== undefined) body[key] = fields[key];
  if (extra !== undefined) Object.assign(body, extra);
  return body;
}

/**
 * Normalises provider finish reasons to OpenAI's vocabulary where they mean the same.
 *
 * @param raw - the provider's finish reason
 * @returns `stop`, `length` or `tool_calls` for their equivalents, `unknown` when missing, else the raw reason
 */
export function normaliseFinishReason(raw: string | null | undefined): string {
  switch (raw) {
    case 'end_turn':
    case 'stop_sequence':
    case 'eos_token':
    case 'stop':
      return 'stop';
    case 'max_tokens':
    case 'length':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case null:
    case undefined:
      return 'unknown';
    default:
      return raw;
  }
}

/**
 * The model id a response body or stream event names, when it names one.
 *
 * @param value - the `model` field as received
 * @returns the id, or undefined when it is absent, not a string or empty
 */
export function servedModelOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Parses an SSE data payload as JSON.
 *
 * @param data - the event's data
 * @returns the parsed value
 * @throws {@link ShapeError} when `data` is not JSON
 */
export function parseEventJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new ShapeError('an SSE event whose data is JSON');
  }
}
