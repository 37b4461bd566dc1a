import type { IncomingMessage, ServerResponse } from 'node:http';
import { exactLengthTokens } from '../../engine/exact-length.js';
import { countTokens } from '../../tokens/count-tokens.js';
import { type Answer, answerEmail, extractEmail } from '../answer.js';
import type { ServerContext } from '../context.js';
import { deliver, engineJob } from '../deliver.js';
import { sendError } from '../http-io.js';
import { completionRequestSchema, parseJsonBody, validateRequest } from '../request-schemas.js';
import { resolveFaults } from '../resolve-faults.js';
import { GENERATIVE_MODEL_IDS } from '../served-models.js';
import type { StreamEvents } from '../sse.js';

/** OpenAI's default `max_tokens` for legacy completions. */
const DEFAULT_MAX_TOKENS = 16;

/** Legacy logprobs for tokens `from..to` of the answer, offsets counted from `offset`. */
function legacyLogprobs(answer: Answer, k: number, from: number, to: number, offset: number) {
  const p = answer.prediction;
  const tokens = answer.tokens.slice(from, to);
  const textOffset: number[] = [];
  let at = offset;
  for (const t of tokens) {
    textOffset.push(at);
    at += t.length;
  }
  return {
    tokens,
    token_logprobs: tokens.map((t, i) =>
      from + i === 0 ? (t === 'spam' ? p.logProbSpam : p.logProbHam) : 0,
    ),
    top_logprobs:
      k === 0
        ? null
        : tokens.map((t, i) =>
            from + i === 0
              ? p.logProbSpam >= p.logProbHam
                ? { spam: p.logProbSpam, ham: p.logProbHam }
                : { ham: p.logProbHam, spam: p.logProbSpam }
              : { [t]: 0 },
          ),
    text_offset: textOffset,
  };
}

/** An `ignore_eos` answer: the label, its evidence, then filler, exactly `maxTokens` tokens. */
function exactLengthAnswer(answer: Answer, maxTokens: number): Answer {
  const tokens = exactLengthTokens(answer.tokens, maxTokens);
  return {
    ...answer,
    tokens,
    content: tokens.join(''),
    finishReason: 'length',
    completionTokens: maxTokens,
  };
}

/**
 * `POST /v1/completions` (legacy): classifies the prompt; stream and non-stream. The generative
 * models are chat-only here (404, as OpenAI answers for a chat model).
 *
 * @param ctx - server context
 * @param req - the request
 * @param res - the response
 * @param raw - request body
 * @returns resolves once the answer (or error) has been written
 */
export async function handleCompletions(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  raw: string,
): Promise<void> {
  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return sendError(res, 400, parsed.problem.message, { param: null });
  const valid = validateRequest(completionRequestSchema, parsed.json);
  if (!valid.ok) return sendError(res, 400, valid.problem.message, { param: valid.problem.param });
  const body = valid.data;
  if (GENERATIVE_MODEL_IDS.includes(body.model)) {
    // as OpenAI answers a chat model on the legacy endpoint
    return sendError(
      res,
      404,
      `'${body.model}' is a chat model and not supported on /v1/completions; send it to /v1/chat/completions.`,
      { param: 'model', code: 'model_not_supported' },
    );
  }
  const faults = resolveFaults(ctx, req);
  if (!faults.ok) return sendError(res, 400, faults.message, { param: 'x-assay-fault' });
  ctx.stats.completions++;
  const plan = ctx.injector.plan(faults.faults);

  const prompt = typeof body.prompt === 'string' ? body.prompt : body.prompt[0]!;
  const explain =
    req.headers['x-assay-explain'] === '1' || req.headers['x-assay-explain'] === 'true';
  const answer =
    body.ignore_eos === true
      ? exactLengthAnswer(
          answerEmail(ctx, extractEmail(prompt), true, Number.POSITIVE_INFINITY),
          body.max_tokens ?? DEFAULT_MAX_TOKENS,
        )
      : answerEmail(ctx, extractEmail(prompt), explain, body.max_tokens ?? DEFAULT_MAX_TOKENS);
  const promptTokens = countTokens(prompt);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: answer.completionTokens,
    total_tokens: promptTokens + answer.completionTokens,
  };
  const id = ctx.nextId('cmpl-');
  const created = Math.floor(Date.now() / 1000);
  const k = body.logprobs;

  if (body.stream === true) {
    const includeUsage = body.stream_options?.include_usage === true;
    const events = (): StreamEvents => {
      const head = `{"id":"${id}","object":"text_completion","created":${created},"model":${JSON.stringify(ctx.modelName)},`;
      const tail = includeUsage ? ',"usage":null}' : '}';
      const choice = (text: string, logprobs: unknown, finish: string | null): string =>
        `${head}"choices":[${JSON.stringify({ text, index: 0, logprobs, finish_reason: finish })}]${tail}`;
      let offset = 0;
      const chunks = answer.tokens.map((t, i) => {
        const lp = k == null ? null : legacyLogprobs(answer, k, i, i + 1, offset);
        offset += t.length;
        return choice(t, lp, null);
      });
      const last = [choice('', null, answer.finishReason)];
      if (includeUsage) last.push(`${head}"choices":[],"usage":${JSON.stringify(usage)}}`);
      return { first: chunks[0]!, tokens: chunks.slice(1), last };
    };
    return deliver(req, res, plan, { stream: true, events }, engineJob(ctx, promptTokens, answer));
  }
  const render = (): string =>
    JSON.stringify({
      id,
      object: 'text_completion',
      created,
      model: ctx.modelName,
      choices: [
        {
          text: answer.content,
          index: 0,
          logprobs: k == null ? null : legacyLogprobs(answer, k, 0, answer.tokens.length, 0),
          finish_reason: answer.finishReason,
        },
      ],
      usage,
    });
  return deliver(
    req,
    res,
    plan,
    { stream: false, body: render },
    engineJob(ctx, promptTokens, answer),
  );
}
