import type { CompletionRequest, Usage } from '../completion.js';
import { type ParsedCompletion, toMessages } from '../providers/provider.js';
import { countChatTokens } from './chat-tokens.js';
import { countTokens, encodingFor, type TokenizerChoice } from './token-counter.js';

/**
 * The server's usage when it reported both input and output tokens (synchronous fast path).
 *
 * @param parsed - the decoded response
 * @returns usage with source `'server'`, or undefined when a count is missing
 */
export function serverUsage(parsed: ParsedCompletion): Usage | undefined {
  const u = parsed.usage;
  if (u?.inputTokens === undefined || u.outputTokens === undefined) return undefined;
  const usage: { -readonly [K in keyof Usage]: Usage[K] } = {
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    source: 'server',
  };
  if (u.reasoningTokens !== undefined) usage.reasoningTokens = u.reasoningTokens;
  if (u.cachedTokens !== undefined) usage.cachedTokens = u.cachedTokens;
  if (u.cacheWriteTokens !== undefined) usage.cacheWriteTokens = u.cacheWriteTokens;
  return usage;
}

/**
 * The usage of a completion: the server's counts when it reported both input and output,
 * else local counts (tokenizer or chars/4 estimate, labelled) for whichever is missing.
 *
 * @remarks
 * A chat request (`chatFormat`: the OpenAI Chat Completions wire format) counts its input by
 * OpenAI's per-message formula ({@link countChatTokens}); any other counts its prompt text.
 *
 * @param parsed - the decoded response
 * @param request - the request (its messages or prompt are counted)
 * @param model - model name (chooses the tokenizer under `'auto'`)
 * @param tokenizer - configured tokenizer choice
 * @param chatFormat - whether the request went out as OpenAI chat messages
 * @returns usage with its source
 */
export async function resolveUsage(
  parsed: ParsedCompletion,
  request: CompletionRequest,
  model: string,
  tokenizer: TokenizerChoice,
  chatFormat = false,
): Promise<Usage> {
  const complete = serverUsage(parsed);
  if (complete !== undefined) return complete;
  const u = parsed.usage;
  // Missing counts are filled locally; the whole usage then carries the local source.
  const encoding = encodingFor(model, tokenizer);
  const chat = chatFormat && u?.inputTokens === undefined;
  const prompt =
    chat || u?.inputTokens !== undefined
      ? ''
      : (request.prompt ?? (request.messages ?? []).map((m) => m.content).join('\n'));
  const answer = parsed.text + (parsed.reasoning ?? '');
  const [inputTokens, outputTokens] = await countTokens(
    [prompt, u?.outputTokens === undefined ? answer : ''],
    encoding,
  );
  return {
    inputTokens:
      u?.inputTokens ??
      (chat ? await countChatTokens(toMessages(request), encoding) : inputTokens!),
    outputTokens: u?.outputTokens ?? outputTokens!,
    source: encoding === 'estimate' ? 'estimate' : 'tokenizer',
  };
}
