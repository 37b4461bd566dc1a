import type { EventSourceMessage } from 'eventsource-parser';
import { z } from 'zod';
import type { CompletionRequest, GenerationParams, TokenLogprob } from '../completion.js';
import {
  fromOpenAIUsage,
  OpenAIUsageSchema,
  openAIErrorMessage,
  streamUsage,
} from './openai-usage.js';
import {
  assignDefined,
  type DeltaSink,
  InStreamError,
  normaliseFinishReason,
  type ParsedCompletion,
  type ProviderAdapter,
  parseEventJson,
  ShapeError,
  type StreamState,
  toMessages,
} from './provider.js';

const TopLogprobSchema = z.looseObject({ token: z.string(), logprob: z.number() });
const LogprobContentSchema = z
  .array(
    z.looseObject({
      token: z.string(),
      logprob: z.number(),
      top_logprobs: z.array(TopLogprobSchema).nullish(),
    }),
  )
  .nullish();

const ChatResponseSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({
          content: z.string().nullish(),
          reasoning_content: z.string().nullish(),
          reasoning: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
        logprobs: z.looseObject({ content: LogprobContentSchema }).nullish(),
      }),
    )
    .min(1),
  usage: OpenAIUsageSchema.nullish(),
});

type LogprobContent = z.infer<typeof LogprobContentSchema>;

/** Converts OpenAI chat `logprobs.content` entries to {@link TokenLogprob}s. */
function toLogprobs(content: LogprobContent): TokenLogprob[] | undefined {
  if (content === null || content === undefined) return undefined;
  return content.map((entry) =>
    entry.top_logprobs === null || entry.top_logprobs === undefined
      ? { token: entry.token, logprob: entry.logprob }
      : {
          token: entry.token,
          logprob: entry.logprob,
          topLogprobs: entry.top_logprobs.map((t) => ({ token: t.token, logprob: t.logprob })),
        },
  );
}

/** Options of the OpenAI Chat Completions adapter. */
export interface OpenAIChatOptions {
  /** Model name. */
  readonly model: string;
  /** Ask for `stream_options.include_usage` on streams (default true). */
  readonly streamUsage: boolean;
}

/**
 * OpenAI-compatible Chat Completions (`POST {baseUrl}/chat/completions`): OpenAI, vLLM, TGI,
 * llama.cpp, Ollama, LM Studio. Reasoning deltas are read from `reasoning_content` or
 * `reasoning` (vLLM, DeepSeek, Ollama conventions).
 *
 * @param options - model and streaming-usage switch
 * @returns the provider adapter
 */
export function openAIChatProvider(options: OpenAIChatOptions): ProviderAdapter {
  return {
    path: '/chat/completions',
    buildBody(request: CompletionRequest, params: GenerationParams, stream: boolean): unknown {
      const wantLogprobs = params.logprobs === true || params.topLogprobs !== undefined;
      return assignDefined(
        { model: options.model, messages: toMessages(request) },
        {
          temperature: params.temperature,
          max_tokens: params.maxTokens,
          top_p: params.topP,
          stop: params.stop,
          seed: params.seed,
          logprobs: wantLogprobs ? true : undefined,
          top_logprobs: params.topLogprobs,
          stream: stream ? true : undefined,
          stream_options: stream && options.streamUsage ? { include_usage: true } : undefined,
        },
        params.extra,
      );
    },
    authHeaders(apiKey: string | undefined): Record<string, string> {
      return apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
    },
    parseResponse(json: unknown): ParsedCompletion {
      const parsed = ChatResponseSchema.safeParse(json);
      if (!parsed.success) {
        throw new ShapeError(
          openAIErrorMessage(json) ?? 'a body without choices[0].message (Chat Completions shape)',
        );
      }
      const choice = parsed.data.choices[0]!;
      const reasoning = choice.message.reasoning_content ?? choice.message.reasoning ?? undefined;
      return {
        text: choice.message.content ?? '',
        reasoning: reasoning === null ? undefined : reasoning,
        finishReason: normaliseFinishReason(choice.finish_reason),
        logprobs: toLogprobs(choice.logprobs?.content),
        usage: fromOpenAIUsage(parsed.data.usage),
      };
    },
    onStreamEvent(event: EventSourceMessage, state: StreamState, sink: DeltaSink): void {
      if (event.data === '[DONE]') {
        state.done = true;
        return;
      }
      const chunk = parseEventJson(event.data) as Record<string, unknown> | null;
      if (chunk === null || typeof chunk !== 'object') throw new ShapeError('a non-object chunk');
      const errorMessage = openAIErrorMessage(chunk);
      if (errorMessage !== undefined)
        throw new InStreamError(errorMessage, /overload|rate/i.test(errorMessage));
      const choices = chunk.choices;
      if (!Array.isArray(choices)) throw new ShapeError('a chunk without a choices array');
      const usage = streamUsage(chunk.usage);
      if (usage !== undefined) state.usage = usage;
      const choice = choices[0] as Record<string, unknown> | undefined;
      if (choice === undefined) return; // the usage-only chunk
      const delta = choice.delta as Record<string, unknown> | undefined;
      if (delta !== undefined && delta !== null) {
        const reasoning = delta.reasoning_content ?? delta.reasoning;
        if (typeof reasoning === 'string' && reasoning.length > 0) {
          state.reasoning += reasoning;
          sink.reasoning(reasoning);
        }
        const content = delta.content;
        if (typeof content === 'string' && content.length > 0) {
          state.text += content;
          sink.content(content);
        }
      }
      const logprobs = choice.logprobs as { content?: LogprobContent } | null | undefined;
      if (logprobs?.content) {
        const entries = toLogprobs(logprobs.content);
        if (entries !== undefined) (state.logprobs ??= []).push(...entries);
      }
      const finish = choice.finish_reason;
      if (typeof finish === 'string') state.finishReason = normaliseFinishReason(finish);
    },
  };
}
