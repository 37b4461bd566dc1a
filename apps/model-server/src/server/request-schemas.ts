import { z } from 'zod';

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
});

const streamOptions = z.looseObject({ include_usage: z.boolean().nullish() }).nullish();
const maxTokens = z.number().int().min(1).nullish();
const onlyOne = z
  .number()
  .int()
  .refine((n) => n === 1, 'only n=1 is supported by this server')
  .nullish();

/** `POST /v1/chat/completions` body; unknown fields (`top_p`, `user`, ...) are accepted and ignored. */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1),
  temperature: z.number().min(0).max(2).nullish(),
  seed: z.number().int().nullish(),
  messages: z.array(message).min(1),
  stream: z.boolean().nullish(),
  stream_options: streamOptions,
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  max_tokens: maxTokens,
  max_completion_tokens: maxTokens,
  ignore_eos: z.boolean().nullish(),
  n: onlyOne,
});

/** Parsed chat completion request. */
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
/** One parsed chat message. */
export type ChatMessage = z.infer<typeof message>;

/** `POST /v1/completions` body (legacy): one prompt string. */
export const completionRequestSchema = z.looseObject({
  model: z.string().min(1),
  prompt: z.union([z.string(), z.array(z.string()).length(1)]),
  stream: z.boolean().nullish(),
  stream_options: streamOptions,
  logprobs: z.number().int().min(0).max(5).nullish(),
  max_tokens: maxTokens,
  ignore_eos: z.boolean().nullish(),
  n: onlyOne,
});

/** Parsed legacy completion request. */
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

/** A 400 answer: message and the OpenAI `param` naming the field. */
export interface RequestProblem {
  readonly message: string;
  readonly param: string | null;
}

/**
 * Formats a zod path the way OpenAI names parameters: `messages[0].role`.
 *
 * @param path - zod issue path
 * @returns the dotted name, or `null` for the root
 */
export function paramName(path: readonly PropertyKey[]): string | null {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? null : out;
}

/**
 * Validates a parsed JSON body, returning the data or the first problem as a sentence.
 *
 * @param schema - the request schema
 * @param json - parsed body
 * @returns `{ ok: true, data }` or `{ ok: false, problem }`
 */
export function validateRequest<T>(
  schema: z.ZodType<T>,
  json: unknown,
): { ok: true; data: T } | { ok: false; problem: RequestProblem } {
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0]!;
  const param = paramName(issue.path);
  const where = param === null ? 'The request body' : `Invalid value for '${param}'`;
  return { ok: false, problem: { message: `${where}: ${issue.message}.`, param } };
}

/**
 * Parses a request body as JSON.
 *
 * @param raw - body text
 * @returns the value, or a problem naming the body
 */
export function parseJsonBody(
  raw: string,
): { ok: true; json: unknown } | { ok: false; problem: RequestProblem } {
  try {
    return { ok: true, json: JSON.parse(raw) };
  } catch (error) {
    return {
      ok: false,
      problem: {
        message: `We could not parse the JSON body of your request (${(error as Error).message}); send a JSON object.`,
        param: null,
      },
    };
  }
}
