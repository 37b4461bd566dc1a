import type { Tiktoken } from 'js-tiktoken/lite';

/** Local token counting: a js-tiktoken encoding, or `'estimate'` (characters / 4). */
export type TokenizerChoice = 'auto' | 'o200k_base' | 'cl100k_base' | 'estimate';

const encoders = new Map<string, Promise<Tiktoken>>();

/**
 * The encoding to count with for `model` under `choice`: `'auto'` picks o200k_base for
 * GPT-4o/4.1/5 and o-series models, cl100k_base for GPT-4/3.5, and `'estimate'` for any
 * other model (a tokenizer of another family would be a wrong count labelled as exact).
 *
 * @param model - model name
 * @param choice - configured tokenizer
 * @returns the encoding name or `'estimate'`
 * @example
 * ```ts
 * import { encodingFor } from '@assay/clients';
 * encodingFor('gpt-4o-mini', 'auto'); // 'o200k_base'
 * encodingFor('llama-3', 'auto'); // 'estimate'
 * ```
 */
export function encodingFor(
  model: string,
  choice: TokenizerChoice,
): 'o200k_base' | 'cl100k_base' | 'estimate' {
  if (choice !== 'auto') return choice;
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d|chatgpt-4o)/i.test(model)) return 'o200k_base';
  if (/^(gpt-4|gpt-3\.5|text-embedding-3|text-embedding-ada)/i.test(model)) return 'cl100k_base';
  return 'estimate';
}

/** Loads (once, lazily, from the installed package; no network) the ranks of `encoding`. */
function encoder(encoding: 'o200k_base' | 'cl100k_base'): Promise<Tiktoken> {
  let pending = encoders.get(encoding);
  if (pending === undefined) {
    pending = (async () => {
      const { Tiktoken: Encoder } = await import('js-tiktoken/lite');
      const ranks =
        encoding === 'o200k_base'
          ? (await import('js-tiktoken/ranks/o200k_base')).default
          : (await import('js-tiktoken/ranks/cl100k_base')).default;
      return new Encoder(ranks);
    })();
    encoders.set(encoding, pending);
  }
  return pending;
}

/**
 * Counts tokens of `texts` with `encoding`, or estimates ceil(chars / 4) each.
 *
 * @param texts - the texts to count
 * @param encoding - an encoding name or `'estimate'`
 * @returns one count per text
 * @example
 * ```ts
 * await countTokens(['hello world'], 'o200k_base'); // [2]
 * ```
 */
export async function countTokens(
  texts: readonly string[],
  encoding: 'o200k_base' | 'cl100k_base' | 'estimate',
): Promise<number[]> {
  if (encoding === 'estimate') return texts.map((t) => Math.ceil(t.length / 4));
  const enc = await encoder(encoding);
  return texts.map((t) => enc.encode(t, 'all').length);
}
