import { type ChatMessage, countTokens } from '@assay/clients';
import { loadSpamCorpus } from '@assay/spam-assassin';
import { createRng } from '@assay/splitters';
import { LoadTestError } from '../errors.js';

/** The prompts of a load test, used in turn; `labels[i]` is prompt i's reference, when known. */
export interface Workload {
  readonly prompts: readonly string[];
  readonly labels: readonly (string | undefined)[];
  /** Where the prompts came from, for the summary. */
  readonly source: string;
  /** Chat messages per prompt (sent instead of `prompts[i]` when given, e.g. from a run config). */
  readonly messages?: readonly (readonly ChatMessage[])[] | undefined;
}

/** The instruction of the built-in SpamAssassin workload (what the model server answers). */
export const SPAM_INSTRUCTION = 'Classify this e-mail as spam or ham:';

/**
 * Parses `--prompt-tokens 512[:sd]`.
 *
 * @param text - the flag's value
 * @returns mean and standard deviation (0 when not given)
 * @throws {@link LoadTestError} `INVALID_OPTION` for anything else
 * @example
 * ```ts
 * parsePromptTokens('512:64'); // { mean: 512, sd: 64 }
 * ```
 */
export function parsePromptTokens(text: string): { mean: number; sd: number } {
  if (/^\d+:-/.test(text))
    throw new LoadTestError(
      'INVALID_OPTION',
      `--prompt-tokens is '${text}'; the sd after ':' cannot be negative (e.g. 512:64, or 512 for none).`,
      'prompt-tokens',
    );
  const m = /^(\d+)(?::(\d+(?:\.\d+)?))?$/.exec(text);
  const mean = m === null ? Number.NaN : Number(m[1]);
  if (m === null || !(mean >= 1)) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `--prompt-tokens is '${text}'; expected <mean>[:<sd>] with a mean of at least 1 token (e.g. 512 or 512:64).`,
      'prompt-tokens',
    );
  }
  return { mean, sd: m[2] === undefined ? 0 : Number(m[2]) };
}

/**
 * Synthetic prompts of real words (drawn from the SpamAssassin corpus) with token counts drawn
 * from a normal distribution, `--prompt-tokens mean[:sd]` (`cl100k_base` tokens, at least 1).
 *
 * @param mean - mean prompt tokens
 * @param sd - standard deviation of prompt tokens
 * @param count - how many distinct prompts (used in turn)
 * @param seed - seed of the draws
 * @returns the workload
 * @example
 * ```ts
 * (await syntheticWorkload(64, 0, 4, 1)).prompts.length; // 4
 * ```
 */
export async function syntheticWorkload(
  mean: number,
  sd: number,
  count: number,
  seed: number,
): Promise<Workload> {
  const words = await corpusWords();
  const rng = createRng(seed >>> 0);
  const prompts: string[] = [];
  for (let p = 0; p < count; p++) {
    const u = 1 - rng.nextFloat();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
    const target = Math.max(1, Math.round(mean + sd * z));
    let tokens = 0;
    const parts: string[] = [];
    while (tokens < target) {
      const w = words[rng.nextInt(words.length)]!;
      const piece = parts.length === 0 ? w.text : ` ${w.text}`;
      const cost = parts.length === 0 ? w.bare : w.tokens;
      if (tokens + cost > target && tokens > 0) break;
      parts.push(piece);
      tokens += cost;
    }
    prompts.push(parts.join(''));
  }
  return { prompts, labels: prompts.map(() => undefined), source: `synthetic:${mean}:${sd}` };
}

interface Word {
  readonly text: string;
  /** Tokens after a space. */
  readonly tokens: number;
  /** Tokens at the start of a prompt. */
  readonly bare: number;
}

let cachedWords: Promise<Word[]> | undefined;

/** Distinct lowercase words of the first training e-mails, with their `cl100k_base` token counts. */
function corpusWords(): Promise<Word[]> {
  cachedWords ??= (async () => {
    const seen = new Set<string>();
    for (const m of loadSpamCorpus(['easy-ham-1']).slice(0, 300)) {
      for (const w of m.text.toLowerCase().match(/\b[a-z]{2,12}\b/g) ?? []) seen.add(w);
    }
    const texts = [...seen].sort();
    const spaced = await countTokens(
      texts.map((t) => ` ${t}`),
      'cl100k_base',
    );
    const bare = await countTokens(texts, 'cl100k_base');
    return texts.map((text, i) => ({ text, tokens: spaced[i]!, bare: bare[i]! }));
  })();
  return cachedWords;
}
