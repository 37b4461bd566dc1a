import type { ChatMessage } from '../completion.js';
import { countTokens } from './token-counter.js';

/** Tokens of chat framing per message (`<|start|>`, role separator, `<|end|>`). */
export const TOKENS_PER_MESSAGE = 3;
/** Tokens added by a message's `name` field, on top of the name's own tokens. */
export const TOKENS_PER_NAME = 1;
/** Tokens that prime the reply (`<|start|>assistant<|message|>`). */
export const REPLY_PRIMING_TOKENS = 3;

/**
 * The input tokens of a chat request by OpenAI's documented formula (the cookbook's
 * `num_tokens_from_messages` for gpt-3.5-turbo-0613 and later, GPT-4, GPT-4o and newer): for
 * every message 3 tokens plus the tokens of its role, its content and, when it has one, its
 * name plus 1; then 3 for the reply priming.
 *
 * @remarks
 * An estimate: OpenAI says the formula may drift from what a future model bills, and a
 * non-OpenAI model behind an OpenAI-compatible server has a chat template of its own. With
 * `'estimate'` each text is counted as ceil(chars / 4) inside the same formula.
 *
 * @param messages - the messages as sent (a prompt is sent as one user message)
 * @param encoding - an encoding name or `'estimate'`
 * @returns the number of input tokens
 * @example
 * ```ts
 * // 3 + 'user' (1) + 'hello world' (2) + 3
 * await countChatTokens([{ role: 'user', content: 'hello world' }], 'o200k_base'); // 9
 * ```
 */
export async function countChatTokens(
  messages: readonly ChatMessage[],
  encoding: 'o200k_base' | 'cl100k_base' | 'estimate',
): Promise<number> {
  const texts: string[] = [];
  let overhead = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    overhead += TOKENS_PER_MESSAGE;
    texts.push(message.role, message.content);
    // a `name` the caller added is sent with the message, so it is counted
    const name = (message as { name?: unknown }).name;
    if (typeof name === 'string') {
      texts.push(name);
      overhead += TOKENS_PER_NAME;
    }
  }
  const counts = await countTokens(texts, encoding);
  return counts.reduce((sum, n) => sum + n, overhead);
}
