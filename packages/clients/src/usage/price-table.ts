import type { Cost } from '../completion.js';

/** USD per million tokens. */
export interface Price {
  /** Input (prompt) tokens. */
  readonly inputPerMTok: number;
  /** Output (completion, reasoning included) tokens. */
  readonly outputPerMTok: number;
}

/**
 * Built-in list prices (USD per 1M tokens, standard tier, as published mid-2025) for
 * well-known models. Prices change: pass `price` in the config to override.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, Price>> = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'gpt-4-turbo': { inputPerMTok: 10, outputPerMTok: 30 },
  'gpt-3.5-turbo': { inputPerMTok: 0.5, outputPerMTok: 1.5 },
  o1: { inputPerMTok: 15, outputPerMTok: 60 },
  o3: { inputPerMTok: 2, outputPerMTok: 8 },
  'o3-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  'claude-3-haiku': { inputPerMTok: 0.25, outputPerMTok: 1.25 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
  'claude-3-opus': { inputPerMTok: 15, outputPerMTok: 75 },
};

/**
 * The price of `model`: the override if given, else the built-in entry whose name is the
 * model or its longest prefix followed by `-` (so `gpt-4o-2024-08-06` is `gpt-4o` but
 * `gpt-4o-mini` is not), else `undefined`.
 *
 * @param model - model name
 * @param override - configured price
 * @returns the price, or undefined for an unknown model
 * @example
 * ```ts
 * import { priceFor } from '@assay/clients';
 * priceFor('gpt-4o-2024-08-06'); // { inputPerMTok: 2.5, outputPerMTok: 10 }
 * priceFor('my-model'); // undefined
 * ```
 */
export function priceFor(model: string, override?: Price): Price | undefined {
  if (override !== undefined) return override;
  const exact = BUILT_IN_PRICES[model];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const name of Object.keys(BUILT_IN_PRICES)) {
    if (model.startsWith(`${name}-`) && (best === undefined || name.length > best.length))
      best = name;
  }
  return best === undefined ? undefined : BUILT_IN_PRICES[best];
}

/**
 * Cost of a completion.
 *
 * @param inputTokens - prompt tokens
 * @param outputTokens - completion tokens
 * @param price - the model's price, or undefined
 * @returns the cost, or `undefined` when the price is unknown (never a misleading 0)
 * @example
 * ```ts
 * computeCost(1000, 500, { inputPerMTok: 2.5, outputPerMTok: 10 }); // totalUsd 0.0075
 * ```
 */
export function computeCost(
  inputTokens: number,
  outputTokens: number,
  price: Price | undefined,
): Cost | undefined {
  if (price === undefined) return undefined;
  const inputUsd = (inputTokens * price.inputPerMTok) / 1e6;
  const outputUsd = (outputTokens * price.outputPerMTok) / 1e6;
  return { inputUsd, outputUsd, totalUsd: inputUsd + outputUsd };
}
