import type { Cost } from '../completion.js';

/** USD per million tokens. */
export interface Price {
  /** Input (prompt) tokens. */
  readonly inputPerMTok: number;
  /** Output (completion, reasoning included) tokens. */
  readonly outputPerMTok: number;
  /**
   * Input tokens read from OpenAI's prompt cache (`prompt_tokens_details.cached_tokens`);
   * unset where the rate is not known, and those tokens are then billed at `inputPerMTok`.
   */
  readonly cachedInputPerMTok?: number | undefined;
}

/**
 * Built-in list prices (USD per 1M tokens, standard tier, as published mid-2025) for
 * well-known models. Prices change: pass `price` in the config to override.
 *
 * @remarks
 * Cached-input rates (`cachedInputPerMTok`) are given only where a source was checked:
 * OpenAI's "Prompt Caching in the API" announcement (openai.com/index/api-prompt-caching,
 * 2024-10-01) lists gpt-4o at $1.25 and gpt-4o-mini at $0.075 per 1M cached input tokens
 * (half the input price; the gpt-4o-2024-05-13 snapshot has no prompt caching). Other models'
 * cached tokens are billed at the full input price until their rate is added here or set with
 * `price.cachedInputPerMTok`.
 *
 * o1-pro ($150 / $600), o3-pro ($20 / $80) and gpt-3.5-turbo-instruct ($1.50 / $2.00) are
 * from OpenAI's pricing page (platform.openai.com/docs/pricing, mid-2025), which lists no
 * cached-input price for them (o1-pro and o3-pro have no prompt-cache discount): they have no
 * `cachedInputPerMTok`, so their cached tokens are billed at the full input price.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, Price>> = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25 },
  // the first gpt-4o snapshot kept its launch price
  'gpt-4o-2024-05-13': { inputPerMTok: 5, outputPerMTok: 15 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6, cachedInputPerMTok: 0.075 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'gpt-4-turbo': { inputPerMTok: 10, outputPerMTok: 30 },
  'gpt-3.5-turbo': { inputPerMTok: 0.5, outputPerMTok: 1.5 },
  'gpt-3.5-turbo-instruct': { inputPerMTok: 1.5, outputPerMTok: 2 },
  o1: { inputPerMTok: 15, outputPerMTok: 60 },
  'o1-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'o1-pro': { inputPerMTok: 150, outputPerMTok: 600 },
  o3: { inputPerMTok: 2, outputPerMTok: 8 },
  'o3-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'o3-pro': { inputPerMTok: 20, outputPerMTok: 80 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'claude-3-haiku': { inputPerMTok: 0.25, outputPerMTok: 1.25 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
  'claude-3-opus': { inputPerMTok: 15, outputPerMTok: 75 },
};

/** A dated snapshot or alias of a model: `-2024-08-06`, `-20241022` or `-latest`. */
const VERSION_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{8}|latest)$/;

/**
 * The price of `model`: the override if given, else the built-in entry named exactly the
 * model or the model less a version suffix (`-YYYY-MM-DD`, `-YYYYMMDD`, `-latest`), else
 * `undefined`.
 *
 * @remarks
 * A longer model name is another model (`o1-mini`, `o1-pro` and `gpt-4o-mini` are not
 * `o1` or `gpt-4o`, and cost differently), so names are never matched by prefix.
 *
 * @param model - model name
 * @param override - configured price
 * @returns the price, or undefined for an unknown model
 * @example
 * ```ts
 * import { priceFor } from '@assay/clients';
 * priceFor('gpt-4o-2024-08-06'); // { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25 }
 * priceFor('o1-pro'); // { inputPerMTok: 150, outputPerMTok: 600 }
 * priceFor('gpt-4o-audio-preview'); // undefined
 * ```
 */
export function priceFor(model: string, override?: Price): Price | undefined {
  if (override !== undefined) return override;
  if (Object.hasOwn(BUILT_IN_PRICES, model)) return BUILT_IN_PRICES[model];
  const base = model.replace(VERSION_SUFFIX, '');
  return base !== model && Object.hasOwn(BUILT_IN_PRICES, base) ? BUILT_IN_PRICES[base] : undefined;
}

/** Prompt-cache tokens (part of the input) and their prices as multiples of the input price. */
export interface CachePricing {
  /** Prompt tokens read from the cache. */
  readonly readTokens: number;
  /** Prompt tokens written to the cache. */
  readonly writeTokens: number;
  /** Price of a cache read, × the input price. */
  readonly readRate: number;
  /** Price of a cache write, × the input price. */
  readonly writeRate: number;
}

/** Anthropic's prompt-cache prices: a write costs 1.25×, a read 0.1× the input price. */
export const ANTHROPIC_CACHE_RATES = { readRate: 0.1, writeRate: 1.25 } as const;

/**
 * The prompt-cache pricing of OpenAI-style cached input tokens: read at the price's
 * `cachedInputPerMTok`, when it has one.
 *
 * @param cachedTokens - prompt tokens the server read from its cache, if it said
 * @param price - the model's price, or undefined
 * @returns the pricing for {@link computeCost}, or undefined (cached tokens then billed as input)
 * @example
 * ```ts
 * openAICachePricing(1000, { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25 });
 * // { readTokens: 1000, writeTokens: 0, readRate: 0.5, writeRate: 1 }
 * ```
 */
export function openAICachePricing(
  cachedTokens: number | undefined,
  price: Price | undefined,
): CachePricing | undefined {
  const cached = price?.cachedInputPerMTok;
  if (cachedTokens === undefined || cachedTokens === 0 || cached === undefined) return undefined;
  const input = price!.inputPerMTok;
  // a free input price makes cached input free too, whatever the ratio
  const readRate = input === 0 ? 0 : cached / input;
  return { readTokens: cachedTokens, writeTokens: 0, readRate, writeRate: 1 };
}

/**
 * Cost of a completion.
 *
 * @remarks
 * Without `cache`, every input token is billed at the input price: OpenAI's cached tokens
 * are, for a model whose cached-input rate the table does not know
 * ({@link openAICachePricing}).
 *
 * @param inputTokens - prompt tokens, cache reads and writes included
 * @param outputTokens - completion tokens
 * @param price - the model's price, or undefined
 * @param cache - cache reads and writes within `inputTokens`, and their rates
 * @returns the cost, or `undefined` when the price is unknown (never a misleading 0)
 * @example
 * ```ts
 * computeCost(1000, 500, { inputPerMTok: 2.5, outputPerMTok: 10 }).totalUsd; // 0.0075
 * const cache = { readTokens: 1000, writeTokens: 200, ...ANTHROPIC_CACHE_RATES };
 * computeCost(1205, 0, { inputPerMTok: 1, outputPerMTok: 5 }, cache).inputUsd; // 0.000355
 * ```
 */
export function computeCost(
  inputTokens: number,
  outputTokens: number,
  price: Price | undefined,
  cache?: CachePricing,
): Cost | undefined {
  if (price === undefined) return undefined;
  const cached = cache === undefined ? 0 : cache.readTokens + cache.writeTokens;
  const weighted =
    cache === undefined
      ? inputTokens
      : Math.max(0, inputTokens - cached) +
        cache.readTokens * cache.readRate +
        cache.writeTokens * cache.writeRate;
  const inputUsd = (weighted * price.inputPerMTok) / 1e6;
  const outputUsd = (outputTokens * price.outputPerMTok) / 1e6;
  return { inputUsd, outputUsd, totalUsd: inputUsd + outputUsd };
}
