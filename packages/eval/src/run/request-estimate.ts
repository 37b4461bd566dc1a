import { computeCost, countTokens, encodingFor, type Price, priceFor } from '@assay/clients';
import type { ModelConfig } from '../config/run-config-schema.js';
import type { PromptMessage } from '../prompt/build-messages.js';

/** What sending some of a model's requests would cost, estimated before sending. */
export interface RequestEstimate {
  /** how the input tokens were counted: a js-tiktoken encoding, or `estimate` (characters / 4) */
  readonly tokenCounting: 'o200k_base' | 'cl100k_base' | 'estimate';
  /** input tokens of the messages' text (the chat template adds a few per message) */
  readonly inputTokens: number;
  /** output tokens at most (`params.maxTokens` per request); null when nothing bounds them */
  readonly maxOutputTokens: number | null;
  /** the answer-length bound used per request (`params.maxTokens`, 1024 for `anthropic`) */
  readonly maxTokensPerRequest: number | null;
  /** the model's price (`price`, else the built-in table); null when unknown */
  readonly price: Price | null;
  /**
   * USD for the input tokens plus the most output tokens; input alone when `maxOutputTokens`
   * is null; null when the price is unknown
   */
  readonly costUsd: number | null;
}

/** The most output tokens one answer may have: `params.maxTokens`, Anthropic's default 1024. */
function maxTokensOf(model: ModelConfig): number | null {
  const configured = (model.params as { maxTokens?: number } | undefined)?.maxTokens;
  if (configured !== undefined) return configured;
  return model.provider === 'anthropic' ? 1024 : null;
}

/**
 * Estimates the tokens and cost of sending prompts to a model, counted the way the client
 * counts usage a server does not report: the messages' text joined by new lines, with the
 * model's tokenizer (`tokenizer`, `auto` by default: o200k_base for GPT-4o/4.1/5 and o-series,
 * cl100k_base for GPT-4/3.5, characters / 4 for any other model).
 *
 * @param model - the model's configuration
 * @param prompts - the prompts that would be sent
 * @returns tokens in, the most tokens out, the price and the cost
 * @example
 * await estimateRequests(config.models[0], [[{ role: 'user', content: 'Spam or ham? Win a prize' }]]); // { inputTokens: 6, maxOutputTokens: 4, … }
 */
export async function estimateRequests(
  model: ModelConfig,
  prompts: readonly (readonly PromptMessage[])[],
): Promise<RequestEstimate> {
  const encoding = encodingFor(model.model, model.tokenizer ?? 'auto');
  const texts = prompts.map((messages) => messages.map((m) => m.content).join('\n'));
  const counts = await countTokens(texts, encoding);
  const inputTokens = counts.reduce((s, n) => s + n, 0);
  const perRequest = maxTokensOf(model);
  const maxOutputTokens = perRequest === null ? null : perRequest * prompts.length;
  const price = priceFor(model.model, model.price) ?? null;
  const cost = computeCost(inputTokens, maxOutputTokens ?? 0, price ?? undefined);
  return {
    tokenCounting: encoding,
    inputTokens,
    maxOutputTokens,
    maxTokensPerRequest: perRequest,
    price,
    costUsd: cost?.totalUsd ?? null,
  };
}
