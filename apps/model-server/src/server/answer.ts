import { predictSpam, type SpamPrediction, spamEvidence } from '../model/naive-bayes.js';
import { splitTokens } from '../tokens/count-tokens.js';
import type { ServerContext } from './context.js';

const MAX_CACHED_PREDICTIONS = 8_192;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]/;

/**
 * Picks the e-mail out of a prompt.
 *
 * @remarks
 * A prompt whose first paragraph is one line ending in `:` (and not a header such as
 * `Subject: x:`), followed by a blank line, is an instruction (`Classify this e-mail as spam or
 * ham:`) and is dropped; everything else is classified whole.
 *
 * @param prompt - last user message or legacy prompt
 * @returns the text to classify
 * @example
 * ```ts
 * import { extractEmail } from '@assay/model-server';
 * extractEmail('Classify this e-mail as spam or ham:\n\nSubject: hi\n\nLunch?');
 * // 'Subject: hi\n\nLunch?'
 * ```
 */
export function extractEmail(prompt: string): string {
  const gap = prompt.indexOf('\n\n');
  if (gap <= 0 || gap > 500) return prompt;
  const first = prompt.slice(0, gap).trimEnd();
  if (first.includes('\n') || !first.endsWith(':') || HEADER_LINE.test(first)) return prompt;
  return prompt.slice(gap + 2);
}

/**
 * Classifies, remembering the last 8 192 e-mails (benchmarks replay the same prompts).
 *
 * @param ctx - server context
 * @param email - text to classify
 * @returns the prediction
 */
export function classify(ctx: ServerContext, email: string): SpamPrediction {
  let prediction = ctx.predictions.get(email);
  if (prediction === undefined) {
    prediction = predictSpam(ctx.model, email);
    if (ctx.predictions.size >= MAX_CACHED_PREDICTIONS) {
      ctx.predictions.delete(ctx.predictions.keys().next().value!);
    }
    ctx.predictions.set(email, prediction);
  }
  return prediction;
}

/** The generated completion, token by token. */
export interface Answer {
  readonly prediction: SpamPrediction;
  /** `cl100k_base` tokens after `max_tokens` truncation; `tokens[0]` is the label (one token each). */
  readonly tokens: readonly string[];
  readonly content: string;
  readonly finishReason: 'stop' | 'length';
  readonly completionTokens: number;
}

const LABEL_TOKENS = { spam: ['spam'], ham: ['ham'] } as const;

/**
 * Builds the completion for an e-mail: the label, or with `explain` the label, a newline and
 * `Evidence: f1, f2, ...` (the 8 features that pushed hardest towards the label).
 *
 * @param ctx - server context
 * @param email - text to classify
 * @param explain - produce the multi-token answer
 * @param maxTokens - completion token budget
 * @returns the answer
 */
export function answerEmail(
  ctx: ServerContext,
  email: string,
  explain: boolean,
  maxTokens: number,
): Answer {
  const prediction = classify(ctx, email);
  let tokens: readonly string[] = LABEL_TOKENS[prediction.label];
  if (explain) {
    const evidence = spamEvidence(ctx.model, email, prediction.label);
    const rest = `\nEvidence: ${evidence.length > 0 ? evidence.join(', ') : '(none)'}`;
    tokens = [prediction.label, ...splitTokens(rest)];
  }
  const finishReason = tokens.length > maxTokens ? 'length' : 'stop';
  if (finishReason === 'length') tokens = tokens.slice(0, maxTokens);
  const content = tokens.length === 1 ? tokens[0]! : tokens.join('');
  return {
    prediction,
    tokens,
    content,
    finishReason,
    completionTokens: tokens.length,
  };
}
