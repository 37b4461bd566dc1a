import type { Answer } from './answer.js';
import type { LogprobEntry } from './sequence-logprobs.js';

/** A chat completion from any served model, ready to render. */
export interface Reply {
  /** Model id named in the response. */
  readonly model: string;
  /** The streamed pieces (one per token, or per run of tokens making whole characters). */
  readonly tokens: readonly string[];
  /** All pieces joined. */
  readonly content: string;
  readonly finishReason: 'stop' | 'length';
  /** `cl100k_base` tokens of the completion (usage). */
  readonly completionTokens: number;
  /** OpenAI `logprobs.content`, one entry per piece, with `topK` alternatives each. */
  logprobs(topK: number): LogprobEntry[];
}

function utf8Bytes(token: string): number[] {
  return [...Buffer.from(token, 'utf8')];
}

/**
 * The spam filter's answer as a {@link Reply}: the label carries log P(spam) / log P(ham), the
 * evidence tokens logprob 0.
 *
 * @param model - model id named in the response
 * @param answer - the classification and its tokens
 * @returns the reply
 */
export function spamReply(model: string, answer: Answer): Reply {
  const p = answer.prediction;
  return {
    model,
    tokens: answer.tokens,
    content: answer.content,
    finishReason: answer.finishReason,
    completionTokens: answer.completionTokens,
    logprobs(topK) {
      const alternatives = [
        { token: 'spam', logprob: p.logProbSpam, bytes: utf8Bytes('spam') },
        { token: 'ham', logprob: p.logProbHam, bytes: utf8Bytes('ham') },
      ].sort((a, b) => b.logprob - a.logprob);
      return answer.tokens.map((token, i) => {
        if (i === 0) {
          const logprob = token === 'spam' ? p.logProbSpam : p.logProbHam;
          const top_logprobs = alternatives.slice(0, topK);
          return { token, logprob, bytes: utf8Bytes(token), top_logprobs };
        }
        const bytes = utf8Bytes(token);
        return {
          token,
          logprob: 0,
          bytes,
          top_logprobs: topK > 0 ? [{ token, logprob: 0, bytes }] : [],
        };
      });
    },
  };
}
