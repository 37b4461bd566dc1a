import type { IncomingMessage, ServerResponse } from 'node:http';
import { exactLengthReply } from '../../engine/exact-length.js';
import { countChatPromptTokens } from '../../tokens/count-tokens.js';
import { answerEmail, extractEmail } from '../answer.js';
import type { ServerContext } from '../context.js';
import { deliver, engineJob } from '../deliver.js';
import { judgeReply, subjectReply } from '../generative-replies.js';
import { sendError } from '../http-io.js';
import { type Reply, spamReply } from '../reply.js';
import {
  type ChatCompletionRequest,
  type ChatMessage,
  chatCompletionRequestSchema,
  parseJsonBody,
  validateRequest,
} from '../request-schemas.js';
import { resolveFaults } from '../resolve-faults.js';
import { servedModel } from '../served-models.js';
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

/** OpenAI's default sampling temperature, used when a request gives none. */
const DEFAULT_TEMPERATURE = 1;

/**
 * The reply of the model the request names; with `ignore_eos` and a token budget, exactly that
 * many tokens (the spam filter then answers with its evidence before the filler).
 */
function replyFor(
  ctx: ServerContext,
  req: IncomingMessage,
  body: ChatCompletionRequest,
  texts: readonly string[],
  userIndex: number,
): Reply {
  const budget = body.max_completion_tokens ?? body.max_tokens;
  if (body.ignore_eos !== true || budget == null)
    return modelReply(ctx, req, body, texts, userIndex);
  const full = { ...body, max_tokens: undefined, max_completion_tokens: undefined };
  const reply =
    servedModel(body.model) === 'spam'
      ? spamReply(
          ctx.modelName,
          answerEmail(ctx, extractEmail(texts[userIndex]!), true, Number.POSITIVE_INFINITY),
        )
      : modelReply(ctx, req, full, texts, userIndex);
  return exactLengthReply(reply, budget);
}

/** The reply of the model the request names (any unknown name gets the spam filter). */
function modelReply(
  ctx: ServerContext,
  req: IncomingMessage,
  body: ChatCompletionRequest,
  texts: readonly string[],
  userIndex: number,
): Reply {
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? Number.POSITIVE_INFINITY;
  const user = texts[userIndex]!;
  switch (servedModel(body.model)) {
    case 'subject':
      return subjectReply(ctx, extractEmail(user), {
        temperature: body.temperature ?? DEFAULT_TEMPERATURE,
        seed: body.seed ?? undefined,
        maxTokens,
      });
    case 'judge':
      return judgeReply(user, maxTokens);
    default: {
      const explain = wantsExplanation(req, body.messages, texts, maxTokens);
      return spamReply(ctx.modelName, answerEmail(ctx, extractEmail(user), explain, maxTokens));
    }
  }
}

/**
 * `POST /v1/chat/completions`: answers the last user message with the model the request names
 * (the spam filter, `assay-subject-extractive` or `assay-overlap-judge`); stream and non-stream.
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
      "Invalid value for 'messages': at least one message with role 'user' is required (it holds the e-mail, or the grading prompt for assay-overlap-judge).",
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
  const answer = replyFor(ctx, req, body, texts, userIndex);
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
      const head = `{"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(answer.model)},"system_fingerprint":null,`;
      const tail = includeUsage ? ',"usage":null}' : '}';
      const content = wantLogprobs ? answer.logprobs(topK) : undefined;
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
    return deliver(req, res, plan, { stream: true, events }, engineJob(ctx, promptTokens, answer));
  }
  const render = (): string =>
    JSON.stringify({
      id,
      object: 'chat.completion',
      created,
      model: answer.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: answer.content, refusal: null, annotations: [] },
          logprobs: wantLogprobs ? { content: answer.logprobs(topK), refusal: null } : null,
          finish_reason: answer.finishReason,
        },
      ],
      usage,
      system_fingerprint: null,
    });
  return deliver(
    req,
    res,
    plan,
    { stream: false, body: render },
    engineJob(ctx, promptTokens, answer),
  );
}
