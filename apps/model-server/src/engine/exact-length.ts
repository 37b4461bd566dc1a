import type { Reply } from '../server/reply.js';

/**
 * Words that pad an `ignore_eos` answer to its `max_tokens`: each is one `cl100k_base` token
 * (a leading space and a common English word), so the count stays exact.
 */
export const FILLER_WORDS: readonly string[] = [
  ' the',
  ' message',
  ' was',
  ' read',
  ' and',
  ' the',
  ' words',
  ' were',
  ' weighed',
  ' again',
];

/**
 * An `ignore_eos` reply: exactly `maxTokens` tokens, as vLLM answers with `ignore_eos: true`.
 *
 * @remarks
 * The reply's own tokens come first (the label, then its evidence words), cut at `maxTokens`,
 * then {@link FILLER_WORDS} in turn. The finish reason is `'length'`, as a server that ignores
 * the end-of-sequence token stops only at the budget. Filler tokens carry log-probability 0.
 *
 * @param reply - the model's reply (for the spam filter, the answer with evidence)
 * @param maxTokens - the request's `max_tokens`
 * @returns the reply with exactly `maxTokens` tokens
 * @example
 * ```ts
 * const padded = exactLengthReply(reply, 64);
 * padded.completionTokens; // 64
 * ```
 */
export function exactLengthReply(reply: Reply, maxTokens: number): Reply {
  const own = reply.tokens.slice(0, maxTokens);
  const tokens = exactLengthTokens(reply.tokens, maxTokens);
  return {
    model: reply.model,
    tokens,
    content: tokens.join(''),
    finishReason: 'length',
    completionTokens: maxTokens,
    logprobs(topK) {
      const head = reply.logprobs(topK).slice(0, own.length);
      for (let i = own.length; i < tokens.length; i++) {
        const token = tokens[i]!;
        const bytes = [...Buffer.from(token, 'utf8')];
        head.push({
          token,
          logprob: 0,
          bytes,
          top_logprobs: topK > 0 ? [{ token, logprob: 0, bytes }] : [],
        });
      }
      return head;
    },
  };
}

/**
 * The first `maxTokens` of `tokens`, then {@link FILLER_WORDS} in turn up to `maxTokens`.
 *
 * @param tokens - the answer's own tokens
 * @param maxTokens - the exact length wanted
 * @returns exactly `maxTokens` tokens
 * @example
 * ```ts
 * exactLengthTokens(['spam'], 3); // ['spam', ' the', ' message']
 * ```
 */
export function exactLengthTokens(tokens: readonly string[], maxTokens: number): string[] {
  const out = tokens.slice(0, maxTokens);
  for (let i = 0; out.length < maxTokens; i++) out.push(FILLER_WORDS[i % FILLER_WORDS.length]!);
  return out;
}
