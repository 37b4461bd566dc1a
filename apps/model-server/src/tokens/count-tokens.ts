import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';

/** Name of the BPE ranks used for every count (GPT-4 / GPT-3.5-turbo family). */
export const TOKENIZER_NAME = 'cl100k_base';

/** Per-message overhead of the chat format: `<|start|>{role}\n{content}<|end|>\n`. */
export const TOKENS_PER_MESSAGE = 3;
/** Extra token when a message carries a `name`. */
export const TOKENS_PER_NAME = 1;
/** Every reply is primed with `<|start|>assistant<|message|>`. */
export const REPLY_PRIMING_TOKENS = 3;

const MAX_PIECES = 500_000;
const MAX_TEXTS = 8_192;

let encoder: Tiktoken | undefined;
let piecePattern: RegExp | undefined;
const pieceCounts = new Map<string, number>();
const textCounts = new Map<string, number>();

function tokenizer(): Tiktoken {
  if (encoder === undefined) {
    encoder = new Tiktoken(cl100kBase);
    piecePattern = new RegExp(cl100kBase.pat_str, 'gu');
  }
  return encoder;
}

/**
 * Builds the tokenizer now (about 0.4 s) so the first request does not pay for it.
 *
 * @returns nothing; idempotent
 */
export function warmTokenizer(): void {
  tokenizer();
}

/**
 * Counts `cl100k_base` tokens of a text, exactly as tiktoken's `encode_ordinary` would.
 *
 * @remarks
 * tiktoken splits text with a regex, then runs BPE on each piece independently; we memoize the
 * BPE count per piece (bounded at 500 000 pieces) and the total per text (last 8 192 texts), which
 * makes repeated or similar e-mails cost a regex pass or a map lookup instead of ~1 MB/s of BPE.
 * Special-token strings such as `<|endoftext|>` are counted as ordinary text.
 *
 * @param text - any string
 * @returns the token count
 * @example
 * ```ts
 * countTokens('spam'); // 1
 * ```
 */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const cached = textCounts.get(text);
  if (cached !== undefined) return cached;
  const enc = tokenizer();
  const pattern = piecePattern!;
  let n = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const piece = m[0];
    let c = pieceCounts.get(piece);
    if (c === undefined) {
      c = enc.encode(piece, [], []).length;
      if (pieceCounts.size >= MAX_PIECES) pieceCounts.clear();
      pieceCounts.set(piece, c);
    }
    n += c;
  }
  if (textCounts.size >= MAX_TEXTS) textCounts.delete(textCounts.keys().next().value!);
  textCounts.set(text, n);
  return n;
}

/**
 * Splits a text into its `cl100k_base` tokens, each decoded back to a string (for streaming).
 *
 * @param text - the completion text
 * @returns one string per token; they concatenate to `text` for ASCII and whole UTF-8 sequences
 */
export function splitTokens(text: string): string[] {
  const enc = tokenizer();
  return enc.encode(text, [], []).map((id) => enc.decode([id]));
}

/** A completion text cut into streamable pieces. */
export interface TokenPieces {
  /** Consecutive slices of the text, one per token, or per run of tokens that together make whole characters. */
  readonly pieces: readonly string[];
  /** `cl100k_base` tokens kept (what `completion_tokens` reports). */
  readonly tokens: number;
  /** Whether `maxTokens` cut the text short. */
  readonly truncated: boolean;
}

/**
 * Cuts a completion into the pieces a stream sends, one per token, keeping characters whole.
 *
 * @remarks
 * A character that BPE splits over several tokens (many non-Latin letters) goes out in the piece
 * of its last token, so every piece is valid text and the pieces concatenate to the (possibly
 * truncated) text. With `maxTokens`, the first `maxTokens` tokens are kept, and a character cut in
 * half by the limit is dropped.
 *
 * @param text - the completion
 * @param maxTokens - token budget (default unlimited)
 * @returns the pieces, the tokens kept and whether the text was cut
 * @example
 * ```ts
 * import { tokenPieces } from '@assay/model-server';
 * tokenPieces('Hello world').pieces; // ['Hello', ' world']
 * ```
 */
export function tokenPieces(text: string, maxTokens = Number.POSITIVE_INFINITY): TokenPieces {
  const enc = tokenizer();
  const ids = enc.encode(text, [], []);
  const kept = ids.length > maxTokens ? ids.slice(0, maxTokens) : ids;
  const pieces: string[] = [];
  let emitted = 0;
  for (let i = 1; i <= kept.length; i++) {
    const prefix = enc.decode(kept.slice(0, i));
    if (prefix.length > emitted && text.startsWith(prefix)) {
      pieces.push(prefix.slice(emitted));
      emitted = prefix.length;
    }
  }
  return { pieces, tokens: kept.length, truncated: kept.length < ids.length };
}

/** One chat message as the token counter sees it. */
export interface CountableMessage {
  readonly role: string;
  readonly content: string;
  readonly name?: string | undefined;
}

/**
 * Counts prompt tokens of a chat request with OpenAI's published approximation.
 *
 * @remarks
 * `sum over messages (3 + tokens(role) + tokens(content) + (name ? tokens(name) + 1 : 0)) + 3`
 * (OpenAI cookbook "How to count tokens with tiktoken", gpt-3.5-turbo / gpt-4 format). Content
 * parts are joined without separator before counting.
 *
 * @param messages - the request's messages
 * @returns the prompt token count
 * @example
 * ```ts
 * import { countChatPromptTokens } from '@assay/model-server';
 * countChatPromptTokens([{ role: 'user', content: 'Hello there' }]); // 9
 * ```
 */
export function countChatPromptTokens(messages: readonly CountableMessage[]): number {
  let n = REPLY_PRIMING_TOKENS;
  for (const m of messages) {
    n += TOKENS_PER_MESSAGE + countTokens(m.role) + countTokens(m.content);
    if (m.name !== undefined) n += TOKENS_PER_NAME + countTokens(m.name);
  }
  return n;
}
