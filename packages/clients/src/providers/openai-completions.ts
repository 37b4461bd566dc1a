import { z } from 'zod';
import type { TokenLogprob } from '../completion.js';
import { type OpenAIAdapterOptions, type OpenAIEndpoint, openAIAdapter } from './openai-shared.js';
import { fromOpenAIUsage, OpenAIUsageSchema } from './openai-usage.js';
import { normaliseFinishReason, type ProviderAdapter, toPrompt } from './provider.js';

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
type CompletionsResponse = z.infer<typeof CompletionsResponseSchema>;

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

/** The (legacy) Completions parts of the OpenAI wire format. */
const completionsEndpoint: OpenAIEndpoint<CompletionsResponse> = {
  path: '/completions',
  input: (request) => ({ prompt: toPrompt(request) }),
  logprobFields(params) {
    const logprobs =
      params.topLogprobs !== undefined
        ? params.topLogprobs
        : params.logprobs === true
          ? 0
          : undefined;
    return { logprobs };
  },
  responseSchema: CompletionsResponseSchema,
  expectedShape: 'a body with choices[0].text (Completions shape)',
  fromResponse(body) {
    const choice = body.choices[0]!;
    return {
      text: choice.text,
      finishReason: normaliseFinishReason(choice.finish_reason),
      logprobs: toLogprobs(choice.logprobs),
      usage: fromOpenAIUsage(body.usage),
    };
  },
  onChoice(choice, state, sink) {
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
  },
};

/** Options of the OpenAI Completions adapter. */
export type OpenAICompletionsOptions = OpenAIAdapterOptions;

/**
 * OpenAI-compatible (legacy) Completions (`POST {baseUrl}/completions`) with a raw prompt;
 * chat messages are sent as their contents joined by blank lines.
 *
 * @param options - model and streaming-usage switch
 * @returns the provider adapter
 */
export function openAICompletionsProvider(options: OpenAICompletionsOptions): ProviderAdapter {
  return openAIAdapter(completionsEndpoint, options);
}
