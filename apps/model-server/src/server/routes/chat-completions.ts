import type { IncomingMessage, ServerResponse } from 'node:http';
import { countChatPromptTokens } from '../../tokens/count-tokens.js';
import { type Answer, answerEmail, extractEmail } from '../answer.js';
import type { ServerContext } from '../context.js';
import { deliver } from '../deliver.js';
import { sendError } from '../http-io.js';
import {
  type ChatCompletionRequest,
  type ChatMessage,
  chatCompletionRequestSchema,
  parseJsonBody,
  validateRequest,
} from '../request-schemas.js';
import { resolveFaults } from '../resolve-faults.js';
import type { StreamEvents } from '../sse.js';

const EXPLAIN = /\b(explain|explanation|evidence)\b/i;
const NO_EXPLAIN =
  /\b(no|not|don't|do not|never|without)\s+(any\s+)?(explain|explanation|evidence)\b/i;
/** A system prompt asks for evidence only when the budget allows more than a label. */
const MIN_EXPLAIN_BUDGET = 16;

/**
 * Whether to answer with evidence: header `x-assay-explain: 1`, or a system/developer message
 * asking to explain (not "do not explain") with no `max_tokens` below 16.
 */
function wantsExplanation(
  req: IncomingMessage,
  messages: readonly ChatMessage[],
  texts: readonly string[],
  maxTokens: number,
): boolean {
  const header = req.headers['x-assay-explain'];
  if (header !== undefined) return header === '1' || header === 'true';
  if (maxTokens < MIN_EXPLAIN_BUDGET) return false;
  for (let i = 0; i < messages.length; i++) {
    const role = messages[i]!.role;
    if (role !== 'system' && role !== 'developer') continue;
    const text = texts[i]!;
    if (EXPLAIN.test(text) && !NO_EXPLAIN.test(text)) return true;
  }
  return false;
}

function messageText(m: ChatMessage): string {
  const c = m.content;
  if (typeof c === 'string') return c;
  if (c === null || c === undefined) return '';
  let out = '';
  for (const part of c) {
    if (part.type === 'text' && part.text !== undefined)
      out += out === '' ? part.text : `\n${part.text}`;
  }
  return out;
}

function utf8Bytes(token: string): number[] {
  return [...Buffer.from(token, 'utf8')];
}

/** OpenAI `logprobs.content` entries for the answer's tokens. */
function logprobContent(answer: Answer, topK: number): unknown[] {
  const p = answer.prediction;
  const alternatives = [
    { token: 'spam', logprob: p.logProbSpam, bytes: utf8Bytes('spam') },
    { token: 'ham', logprob: p.logProbHam, bytes: utf8Bytes('ham') },
  ].sort((a, b) => b.logprob - a.logprob);
  return answer.tokens.map((token, i) => {
    if (i === 0) {
      const logprob = token === 'spam' ? p.logProbSpam : p.logProbHam;
      return { token, logprob, bytes: utf8Bytes(token), top_logprobs: alternatives.slice(0, topK) };
    }
    const bytes = utf8Bytes(token);
    return {
      token,
      logprob: 0,
      bytes,
      top_logprobs: topK > 0 ? [{ token, logprob: 0, bytes }] : [],
    };
  });
}

/**
 * `POST /v1/chat/completions`: classifies the last user message; stream and non-stream.
 *
 * @param ctx - server context
 * @param req - the request
 * @param res - the response
 * @param raw - request body
 * @returns resolves once the answer (or error) has been written
 */
export async function handleChatCompletions(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  raw: string,
): Promise<void> {
  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return sendError(res, 400, parsed.problem.message, { param: null });
  const valid = validateRequest(chatCompletionRequestSchema, parsed.json);
  if (!valid.ok) return sendError(res, 400, valid.problem.message, { param: valid.problem.param });
  const body: ChatCompletionRequest = valid.data;
  let userIndex = -1;
  for (let i = body.messages.length - 1; i >= 0; i--) {
    if (body.messages[i]!.role === 'user') {
      userIndex = i;
      break;
    }
  }
  if (userIndex === -1) {
    return sendError(
      res,
      400,
      "Invalid value for 'messages': at least one message with role 'user' (holding the e-mail) is required.",
      { param: 'messages' },
    );
  }
  if (body.top_logprobs != null && body.top_logprobs > 0 && body.logprobs !== true) {
    return sendError(
      res,
      400,
      "Invalid value for 'top_logprobs': it needs 'logprobs' set to true.",
      { param: 'top_logprobs' },
    );
  }
  const faults = resolveFaults(ctx, req);
  if (!faults.ok) return sendError(res, 400, faults.message, { param: 'x-assay-fault' });
  ctx.stats.completions++;
  const plan = ctx.injector.plan(faults.faults);

  const texts = body.messages.map(messageText);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? Number.POSITIVE_INFINITY;
  const explain = wantsExplanation(req, body.messages, texts, maxTokens);
  const answer = answerEmail(ctx, extractEmail(texts[userIndex]!), explain, maxTokens);
  const promptTokens = countChatPromptTokens(
    body.messages.map((m, i) => ({ role: m.role, content: texts[i]!, name: m.name })),
  );
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: answer.completionTokens,
    total_tokens: promptTokens + answer.completionTokens,
  };
  const id = ctx.nextId('chatcmpl-');
  const created = Math.floor(Date.now() / 1000);
  const wantLogprobs = body.logprobs === true;
  const topK = body.top_logprobs ?? 0;

  if (body.stream === true) {
    const includeUsage = body.stream_options?.include_usage === true;
    const events = (): StreamEvents => {
      const head = `{"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(ctx.modelName)},"system_fingerprint":null,`;
      const tail = includeUsage ? ',"usage":null}' : '}';
      const content = wantLogprobs ? logprobContent(answer, topK) : undefined;
      const choice = (delta: unknown, logprobs: unknown, finish: string | null): string =>
        `${head}"choices":[${JSON.stringify({ index: 0, delta, logprobs, finish_reason: finish })}]${tail}`;
      const last = [choice({}, null, answer.finishReason)];
      if (includeUsage) last.push(`${head}"choices":[],"usage":${JSON.stringify(usage)}}`);
      return {
        first: choice({ role: 'assistant', content: '', refusal: null }, null, null),
        tokens: answer.tokens.map((token, i) =>
          choice(
            { content: token },
            content === undefined ? null : { content: [content[i]], refusal: null },
            null,
          ),
        ),
        last,
      };
    };
    return deliver(req, res, plan, { stream: true, events });
  }
  const render = (): string =>
    JSON.stringify({
      id,
      object: 'chat.completion',
      created,
      model: ctx.modelName,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: answer.content, refusal: null, annotations: [] },
          logprobs: wantLogprobs ? { content: logprobContent(answer, topK), refusal: null } : null,
          finish_reason: answer.finishReason,
        },
      ],
      usage,
      system_fingerprint: null,
    });
  return deliver(req, res, plan, { stream: false, body: render });
}
