import type { CompletionRequest } from '../completion.js';
import { GenerationParamsSchema } from '../config/client-config.js';
import { configIssues, joinIssues, unknownKeyMessage } from '../config/config-issues.js';

const ROLES = new Set(['system', 'user', 'assistant']);

/** The keys of a {@link CompletionRequest}, in the order messages list them. */
const REQUEST_KEYS: readonly string[] = ['messages', 'prompt', 'sampleIndex', 'params', 'headers'];
const REQUEST_KEY_SET: ReadonlySet<string> = new Set(REQUEST_KEYS);

/** The request's first unknown key (`promt`), named with a "did you mean". */
function unknownKeyProblem(
  request: CompletionRequest,
  noInput: boolean,
): { path: string; message: string } | undefined {
  for (const key in request) {
    if (REQUEST_KEY_SET.has(key)) continue;
    // a misspelt prompt is the likely reason the request seems to have none
    const lead = noInput ? 'The request has neither messages nor prompt' : 'The request is invalid';
    return {
      path: `request.${key}`,
      message: `${lead}: ${unknownKeyMessage('request', key, REQUEST_KEYS)}.`,
    };
  }
  return undefined;
}

/**
 * The first problem of a request, or undefined when it is valid.
 *
 * @remarks
 * Messages are checked by hand (every request has them; this is the hot path); per-request
 * `params`, which are rare, go through the same zod schema as `config.params`.
 *
 * @param request - the request
 * @returns the config-style path at fault and a full-sentence message; an unknown key
 *   (`promt`) is named first, with the key it most likely meant
 * @example
 * ```ts
 * requestProblem({ prompt: 'x' }); // undefined
 * requestProblem({ promt: 'x' }).message;
 * // "The request has neither messages nor prompt: request.promt is not a known key; did you mean 'prompt'? (request takes 'messages', …)."
 * ```
 */
export function requestProblem(
  request: CompletionRequest,
): { path: string; message: string } | undefined {
  const messages = request.messages;
  const unknown = unknownKeyProblem(
    request,
    messages === undefined && typeof request.prompt !== 'string',
  );
  if (unknown !== undefined) return unknown;
  if (messages !== undefined) {
    if (!Array.isArray(messages)) {
      return {
        path: 'request.messages',
        message: 'request.messages must be an array of { role, content }.',
      };
    }
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as { role?: unknown; content?: unknown } | null;
      if (
        m === null ||
        typeof m !== 'object' ||
        !ROLES.has(m.role as string) ||
        typeof m.content !== 'string'
      ) {
        return {
          path: `request.messages[${i}]`,
          message: `request.messages[${i}] must be { role: 'system' | 'user' | 'assistant', content: string }; got ${JSON.stringify(m)?.slice(0, 120)}.`,
        };
      }
    }
  } else if (typeof request.prompt !== 'string') {
    return {
      path: 'request',
      message:
        'The request has neither messages nor prompt; pass request.messages (chat) or request.prompt (a string).',
    };
  }
  if (request.params !== undefined) {
    const parsed = GenerationParamsSchema.partial().safeParse(request.params);
    if (!parsed.success) {
      const issues = configIssues(parsed.error.issues, GenerationParamsSchema, 'request.params');
      return {
        path: `request.params.${issues[0]!.path}`,
        message: `The request's params are invalid: ${joinIssues(issues)}`,
      };
    }
  }
  return undefined;
}
