import { z } from 'zod';
import type { TokenLogprob } from '../completion.js';
import { type OpenAIAdapterOptions, type OpenAIEndpoint, openAIAdapter } from './openai-shared.js';
import { fromOpenAIUsage, OpenAIUsageSchema } from './openai-usage.js';
import { normaliseFinishReason, type ProviderAdapter, toMessages } from './provider.js';

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
type ChatResponse = z.infer<typeof ChatResponseSchema>;

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

/** The Chat Completions parts of the OpenAI wire format. */
const chatEndpoint: OpenAIEndpoint<ChatResponse> = {
  path: '/chat/completions',
  input: (request) => ({ messages: toMessages(request) }),
  logprobFields(params) {
    const wantLogprobs = params.logprobs === true || params.topLogprobs !== undefined;
    return { logprobs: wantLogprobs ? true : undefined, top_logprobs: params.topLogprobs };
  },
  responseSchema: ChatResponseSchema,
  expectedShape: 'a body with choices[0].message (Chat Completions shape)',
  fromResponse(body) {
    const choice = body.choices[0]!;
    const reasoning = choice.message.reasoning_content ?? choice.message.reasoning ?? undefined;
    return {
      text: choice.message.content ?? '',
      reasoning: reasoning === null ? undefined : reasoning,
      finishReason: normaliseFinishReason(choice.finish_reason),
      logprobs: toLogprobs(choice.logprobs?.content),
      usage: fromOpenAIUsage(body.usage),
    };
  },
  onChoice(choice, state, sink) {
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
  },
};

/** Options of the OpenAI Chat Completions adapter. */
export type OpenAIChatOptions = OpenAIAdapterOptions;

/**
 * OpenAI-compatible Chat Completions (`POST {baseUrl}/chat/completions`): OpenAI, vLLM, TGI,
 * llama.cpp, Ollama, LM Studio. Reasoning deltas are read from `reasoning_content` or
 * `reasoning` (vLLM, DeepSeek, Ollama conventions).
 *
 * @param options - model and streaming-usage switch
 * @returns the provider adapter
 */
export function openAIChatProvider(options: OpenAIChatOptions): ProviderAdapter {
  return openAIAdapter(chatEndpoint, options);
}
