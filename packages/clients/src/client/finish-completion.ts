import type { ResponseCache } from '../cache/response-cache.js';
import type { Completion, Usage } from '../completion.js';
import { redact } from '../http/attempt-failure.js';
import type { ParsedCompletion } from '../providers/provider.js';
import {
  ANTHROPIC_CACHE_RATES,
  type CachePricing,
  computeCost,
  openAICachePricing,
} from '../usage/price-table.js';
import { emitClientWarning } from '../warnings.js';
import { toCachedCompletion } from './cached-completion.js';
import type { ClientContext } from './client-context.js';
import type { ClientCounters } from './client-counters.js';
import type { PreparedCall } from './prepared-call.js';
import { redactLogprobs } from './redact-logprobs.js';

/**
 * Turns a live answer and its usage into the call's completion: cost, the rate limiter's
 * settlement, the counters, the finished record and the cache entry.
 *
 * @param ctx - the client's context
 * @param counters - the client's running totals
 * @param call - the prepared call
 * @param outcome - the parsed answer of the attempt that succeeded, its token usage (the
 * server's, else counted) and when its body ended (before any local token counting)
 * @param key - the call's cache key; undefined when there is no cache
 * @returns the completion
 */
export function finishCompletion(
  ctx: ClientContext,
  counters: ClientCounters,
  call: PreparedCall,
  outcome: { readonly answer: ParsedCompletion; readonly usage: Usage; readonly endAt: number },
  key: string | undefined,
): Completion {
  const { answer, usage, endAt } = outcome;
  const cost = computeCost(
    usage.inputTokens,
    usage.outputTokens,
    ctx.price,
    cachePricing(ctx, usage),
  );
  ctx.rateLimiter?.settle(call.estimate, usage.inputTokens + usage.outputTokens);
  counters.succeeded++;
  counters.inputTokens += usage.inputTokens;
  counters.outputTokens += usage.outputTokens;
  if (cost !== undefined) counters.costUsd += cost.totalUsd;
  const finished = call.record.finish({ usage, costUsd: cost?.totalUsd, endAt });
  const clean = redactAnswer(call, answer);
  const completion: { -readonly [K in keyof Completion]: Completion[K] } = {
    text: clean.text,
    finishReason: clean.finishReason,
    usage,
    record: finished,
    cached: false,
  };
  if (clean.reasoning !== undefined) completion.reasoning = clean.reasoning;
  if (clean.logprobs !== undefined) completion.logprobs = clean.logprobs;
  if (cost !== undefined) completion.cost = cost;
  if (answer.servedModel !== undefined) {
    completion.servedModel = redact(answer.servedModel, call.secrets);
  }
  if (ctx.cache !== undefined && key !== undefined)
    storeInCache(ctx, call, ctx.cache, key, completion);
  return completion;
}

/**
 * Anthropic bills cache writes above and cache reads far below the input price; OpenAI's
 * cached tokens are billed at the price's `cachedInputPerMTok` where it is known, else as
 * input (see {@link computeCost}).
 */
function cachePricing(ctx: ClientContext, usage: Usage): CachePricing | undefined {
  if (ctx.cfg.provider !== 'anthropic') return openAICachePricing(usage.cachedTokens, ctx.price);
  if (usage.cachedTokens === undefined && usage.cacheWriteTokens === undefined) return undefined;
  return {
    readTokens: usage.cachedTokens ?? 0,
    writeTokens: usage.cacheWriteTokens ?? 0,
    ...ANTHROPIC_CACHE_RATES,
  };
}

/**
 * The answer's strings (text, reasoning, finish reason, log-probability tokens) with the
 * call's secrets and secret shapes redacted, before they reach the caller or the cache; says
 * so with a `SECRET_REDACTED` warning, since the answer is then no longer the server's.
 */
function redactAnswer(
  call: PreparedCall,
  answer: ParsedCompletion,
): Pick<ParsedCompletion, 'text' | 'reasoning' | 'finishReason' | 'logprobs'> {
  const secrets = call.secrets;
  const text = redact(answer.text, secrets);
  const reasoning = answer.reasoning === undefined ? undefined : redact(answer.reasoning, secrets);
  const finishReason = redact(answer.finishReason, secrets);
  const logprobs = redactLogprobs(answer.logprobs, secrets);
  if (
    text !== answer.text ||
    reasoning !== answer.reasoning ||
    finishReason !== answer.finishReason ||
    logprobs !== answer.logprobs
  ) {
    emitClientWarning(() => ({
      code: 'SECRET_REDACTED',
      message: `The answer of ${call.what} held a secret (the API key, a credential header value or a key-shaped token); the completion has [redacted] in its place, in its text, log-probabilities and the cache.`,
    }));
  }
  return { text, reasoning, finishReason, logprobs };
}

/** Puts a completion in the cache; a failed write is a warning, never a failed call. */
function storeInCache(
  ctx: ClientContext,
  call: PreparedCall,
  cache: ResponseCache,
  key: string,
  completion: Completion,
): void {
  try {
    cache.put(key, toCachedCompletion(completion, ctx.cfg.provider, ctx.cfg.model));
  } catch (error) {
    emitClientWarning(() => ({
      code: 'CACHE_WRITE_FAILED',
      message: `A completion could not be written to the response cache: ${redact(error instanceof Error ? error.message : String(error), call.secrets)}.`,
    }));
  }
}
