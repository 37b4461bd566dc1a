import { z } from 'zod';
import type { ServerUsage } from './provider.js';

/** OpenAI-compatible `usage` object (Chat Completions and Completions). */
export const OpenAIUsageSchema = z.looseObject({
  prompt_tokens: z.number().optional(),
  completion_tokens: z.number().optional(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
});

type OpenAIUsage = z.infer<typeof OpenAIUsageSchema>;

/**
 * Converts an OpenAI `usage` object to {@link ServerUsage}.
 *
 * @param usage - the `usage` of a validated response, if any
 * @returns the usage, or undefined when the response had none
 */
export function fromOpenAIUsage(usage: OpenAIUsage | null | undefined): ServerUsage | undefined {
  if (usage === null || usage === undefined) return undefined;
  return {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? undefined,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? undefined,
  };
}

/**
 * Reads an OpenAI `usage` object from a stream chunk without zod (hot path).
 *
 * @param raw - the chunk's `usage` field
 * @returns the usage, or undefined when `raw` is not an object
 */
export function streamUsage(raw: unknown): ServerUsage | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const u = raw as Record<string, unknown>;
  const details = u.completion_tokens_details as Record<string, unknown> | null | undefined;
  const promptDetails = u.prompt_tokens_details as Record<string, unknown> | null | undefined;
  return {
    inputTokens: num(u.prompt_tokens),
    outputTokens: num(u.completion_tokens),
    reasoningTokens: num(details?.reasoning_tokens),
    cachedTokens: num(promptDetails?.cached_tokens),
  };
}

/**
 * The value if it is a finite number, else undefined.
 *
 * @param value - any JSON value
 * @returns the number, or undefined
 */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Turns an OpenAI `{ "error": { message, type } }` payload into a message, if it is one.
 *
 * @param payload - a parsed response body or stream chunk
 * @returns the error message, or undefined when the payload is not an error
 */
export function openAIErrorMessage(payload: unknown): string | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const error = (payload as { error?: unknown }).error;
  if (error === undefined || error === null) return undefined;
  if (typeof error === 'string') return error;
  const e = error as { message?: unknown; type?: unknown };
  const type = typeof e.type === 'string' ? `${e.type}: ` : '';
  return `${type}${typeof e.message === 'string' ? e.message : JSON.stringify(error)}`;
}
