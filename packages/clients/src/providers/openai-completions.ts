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
  toPrompt,
} from './provider.js';

const LegacyLogprobsSchema = z
  .looseObject({
    tokens: z.array(z.string()),
    token_logprobs: z.array(z.number().nullable()),
    top_logprobs: z.array(z.record(z.string(), z.number()).nullable()).nullish(),
  })
  .nullish();

const CompletionsResponseSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        text: z.string(),
        finish_reason: z.string().nullish(),
        logprobs: LegacyLogprobsSchema,
      }),
    )
    .min(1),
  usage: OpenAIUsageSchema.nullish(),
});

type LegacyLogprobs = z.infer<typeof LegacyLogprobsSchema>;

/** Converts the legacy `{ tokens, token_logprobs, top_logprobs }` layout to entries. */
function toLogprobs(raw: LegacyLogprobs): TokenLogprob[] | undefined {
  if (raw === null || raw === undefined) return undefined;
  const out: TokenLogprob[] = [];
  for (let i = 0; i < raw.tokens.length; i++) {
    const token = raw.tokens[i]!;
    // The first prompt token of an echo has a null logprob; NaN keeps positions aligned.
    const logprob = raw.token_logprobs[i] ?? Number.NaN;
    const top = raw.top_logprobs?.[i];
    out.push(
      top === null || top === undefined
        ? { token, logprob }
        : {
            token,
            logprob,
            topLogprobs: Object.entries(top).map(([t, lp]) => ({ token: t, logprob: lp })),
          },
    );
  }
  return out;
}

/** Options of the OpenAI Completions adapter. */
export interface OpenAICompletionsOptions {
  /** Model name. */
  readonly model: string;
  /** Ask for `stream_options.include_usage` on streams (default true). */
  readonly streamUsage: boolean;
}

/**
 * OpenAI-compatible (legacy) Completions (`POST {baseUrl}/completions`) with a raw prompt;
 * chat messages are sent as their contents joined by blank lines.
 *
 * @param options - model and streaming-usage switch
 * @returns the provider adapter
 */
export function openAICompletionsProvider(options: OpenAICompletionsOptions): ProviderAdapter {
  return {
    path: '/completions',
    buildBody(request: CompletionRequest, params: GenerationParams, stream: boolean): unknown {
      const logprobs =
        params.topLogprobs !== undefined
          ? params.topLogprobs
          : params.logprobs === true
            ? 0
            : undefined;
      return assignDefined(
        { model: options.model, prompt: toPrompt(request) },
        {
          temperature: params.temperature,
          max_tokens: params.maxTokens,
          top_p: params.topP,
          stop: params.stop,
          seed: params.seed,
          logprobs,
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
      const parsed = CompletionsResponseSchema.safeParse(json);
      if (!parsed.success) {
        throw new ShapeError(
          openAIErrorMessage(json) ?? 'a body without choices[0].text (Completions shape)',
        );
      }
      const choice = parsed.data.choices[0]!;
      return {
        text: choice.text,
        finishReason: normaliseFinishReason(choice.finish_reason),
        logprobs: toLogprobs(choice.logprobs),
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
      if (choice === undefined) return;
      const text = choice.text;
      if (typeof text === 'string' && text.length > 0) {
        state.text += text;
        sink.content(text);
      }
      const logprobs = choice.logprobs as LegacyLogprobs;
      if (logprobs !== null && logprobs !== undefined && Array.isArray(logprobs.tokens)) {
        const entries = toLogprobs(logprobs);
        if (entries !== undefined) (state.logprobs ??= []).push(...entries);
      }
      const finish = choice.finish_reason;
      if (typeof finish === 'string') state.finishReason = normaliseFinishReason(finish);
    },
  };
}
