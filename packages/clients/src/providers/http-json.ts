import type { EventSourceMessage } from 'eventsource-parser';
import type { CompletionRequest, GenerationParams } from '../completion.js';
import { compileJsonPath } from './json-path.js';
import { num } from './openai-usage.js';
import {
  type DeltaSink,
  InStreamError,
  normaliseFinishReason,
  type ParsedCompletion,
  type ProviderAdapter,
  parseEventJson,
  ShapeError,
  type StreamState,
  toMessages,
  toPrompt,
} from './provider.js';
import { renderTemplate } from './template.js';

/** JSON paths of the `'http-json'` provider (see `ClientConfig.paths`). */
export interface HttpJsonPaths {
  readonly text: string;
  readonly reasoning?: string | undefined;
  readonly finishReason?: string | undefined;
  readonly inputTokens?: string | undefined;
  readonly outputTokens?: string | undefined;
  readonly streamText?: string | undefined;
  /** Path of a flag: an event where it is `true` adds no text or reasoning (TGI `$.token.special`). */
  readonly streamSkip?: string | undefined;
  readonly streamReasoning?: string | undefined;
  readonly streamFinishReason?: string | undefined;
  readonly streamInputTokens?: string | undefined;
  readonly streamOutputTokens?: string | undefined;
}

/** Options of the generic HTTP JSON adapter. */
export interface HttpJsonOptions {
  readonly model: string;
  /** Request body template with `{{placeholders}}`. */
  readonly template: unknown;
  /** Where to read the answer, usage and (for SSE) deltas. */
  readonly paths: HttpJsonPaths;
  /** URL path appended to the base URL (may be empty). */
  readonly requestPath: string;
  /** Header carrying the API key. */
  readonly apiKeyHeader: string;
  /** Prefix before the key, e.g. `'Bearer '`. */
  readonly apiKeyPrefix: string;
}

type Getter = (value: unknown) => unknown;
const none: Getter = () => undefined;
const compile = (path: string | undefined): Getter =>
  path === undefined ? none : compileJsonPath(path);

/**
 * A generic JSON-over-HTTP provider: the body is rendered from a template, the answer and
 * usage are read from the response by JSON paths. Streams are SSE events whose JSON data
 * holds a delta at `paths.streamText` (e.g. TGI's `/generate_stream`: `$.token.text`);
 * an event whose `paths.streamSkip` flag is `true` adds no text (TGI's special tokens such as
 * `</s>`: `$.token.special`), though its finish reason and counts are read.
 * `stream` requests fall back to one non-streamed call when `paths.streamText` is unset.
 *
 * @param options - template, paths, request path and key header
 * @returns the provider adapter
 */
export function httpJsonProvider(options: HttpJsonOptions): ProviderAdapter {
  const p = options.paths;
  const text = compile(p.text);
  const reasoning = compile(p.reasoning);
  const finish = compile(p.finishReason);
  const input = compile(p.inputTokens);
  const output = compile(p.outputTokens);
  const sText = compile(p.streamText);
  const sSkip = compile(p.streamSkip);
  const sReasoning = compile(p.streamReasoning);
  const sFinish = compile(p.streamFinishReason);
  const sInput = compile(p.streamInputTokens);
  const sOutput = compile(p.streamOutputTokens);
  return {
    path: options.requestPath,
    buildBody(request: CompletionRequest, params: GenerationParams, stream: boolean): unknown {
      return renderTemplate(options.template, {
        prompt: toPrompt(request),
        messages: toMessages(request),
        model: options.model,
        temperature: params.temperature,
        maxTokens: params.maxTokens,
        topP: params.topP,
        stop: params.stop,
        seed: params.seed,
        stream,
        sampleIndex: request.sampleIndex,
      });
    },
    authHeaders(apiKey: string | undefined): Record<string, string> {
      return apiKey === undefined
        ? {}
        : { [options.apiKeyHeader]: `${options.apiKeyPrefix}${apiKey}` };
    },
    parseResponse(json: unknown): ParsedCompletion {
      const answer = text(json);
      if (typeof answer !== 'string')
        throw new ShapeError('a body with a string at paths.text', p.text);
      const r = reasoning(json);
      const f = finish(json);
      return {
        text: answer,
        reasoning: typeof r === 'string' ? r : undefined,
        finishReason: typeof f === 'string' ? normaliseFinishReason(f) : 'stop',
        usage: { inputTokens: num(input(json)), outputTokens: num(output(json)) },
      };
    },
    onStreamEvent(event: EventSourceMessage, state: StreamState, sink: DeltaSink): void {
      if (event.data === '[DONE]') {
        state.done = true;
        return;
      }
      const payload = parseEventJson(event.data);
      const error = (payload as { error?: unknown } | null)?.error;
      if (error !== undefined && error !== null) {
        const message = typeof error === 'string' ? error : JSON.stringify(error);
        throw new InStreamError(message, /overload|rate/i.test(message));
      }
      // a special token (TGI's `</s>`) is the model's end marker, not text of the answer
      if (sSkip(payload) !== true) {
        const r = sReasoning(payload);
        if (typeof r === 'string' && r.length > 0) {
          state.reasoning += r;
          sink.reasoning(r);
        }
        const t = sText(payload);
        if (typeof t === 'string' && t.length > 0) {
          state.text += t;
          sink.content(t);
        }
      }
      const f = sFinish(payload);
      if (typeof f === 'string') state.finishReason = normaliseFinishReason(f);
      const i = num(sInput(payload));
      const o = num(sOutput(payload));
      if (i !== undefined) state.usage.inputTokens = i;
      if (o !== undefined) state.usage.outputTokens = o;
    },
  };
}
