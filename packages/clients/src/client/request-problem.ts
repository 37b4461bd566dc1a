import type { CompletionRequest } from '../completion.js';
import { GenerationParamsSchema } from '../config/client-config.js';

const ROLES = new Set(['system', 'user', 'assistant']);

/**
 * The first problem of a request, or undefined when it is valid.
 *
 * @remarks
 * Messages are checked by hand (every request has them; this is the hot path); per-request
 * `params`, which are rare, go through the same zod schema as `config.params`.
 *
 * @param request - the request
 * @returns the config-style path at fault and a full-sentence message
 */
export function requestProblem(
  request: CompletionRequest,
): { path: string; message: string } | undefined {
  const messages = request.messages;
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
      const issue = parsed.error.issues[0]!;
      const path = ['request', 'params', ...issue.path.map(String)].join('.');
      return { path, message: `${path} is invalid: ${issue.message}.` };
    }
  }
  return undefined;
}
