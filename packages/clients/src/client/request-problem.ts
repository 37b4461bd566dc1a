import { z } from 'zod';
import type { CompletionRequest } from '../completion.js';
import { GenerationParamsSchema } from '../config/client-config.js';
import { configIssues, joinIssues, unknownKeyMessage } from '../config/config-issues.js';
import { kindOf } from '../config/key-shape.js';

const ROLES = new Set(['system', 'user', 'assistant']);

/** The keys of a {@link CompletionRequest}, in the order messages list them. */
const REQUEST_KEYS: readonly string[] = ['messages', 'prompt', 'sampleIndex', 'params', 'headers'];
const REQUEST_KEY_SET: ReadonlySet<string> = new Set(REQUEST_KEYS);

/** `request.headers`: names to string values, as undici sends them. */
const RequestHeadersSchema = z.record(z.string(), z.string());

/** A problem of a request: the path at fault and a full-sentence message. */
type Problem = { path: string; message: string };

/** The request's first unknown key (`promt`), named with a "did you mean". */
function unknownKeyProblem(request: object, noInput: boolean): Problem | undefined {
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

/** The first problem of `request.messages` (checked by hand: every chat request has them). */
function messagesProblem(messages: unknown): Problem | undefined {
  if (!Array.isArray(messages)) {
    return {
      path: 'request.messages',
      message: `request.messages must be an array of { role, content }; got ${kindOf(messages)}.`,
    };
  }
  // an empty conversation has nothing to answer; servers refuse it with a 400 anyway
  if (messages.length === 0) {
    return {
      path: 'request.messages',
      message:
        "request.messages is empty; give at least one message, e.g. [{ role: 'user', content: 'Hello' }], or a request.prompt.",
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
  return undefined;
}

/** The problem of the request's input: one of messages or prompt, of the right type. */
function inputProblem(messages: unknown, prompt: unknown): Problem | undefined {
  if (messages !== undefined && prompt !== undefined) {
    return {
      path: 'request',
      message:
        'The request has both messages and prompt; give one: request.messages (chat) or request.prompt (a string).',
    };
  }
  if (messages !== undefined) return messagesProblem(messages);
  if (prompt === undefined) {
    return {
      path: 'request',
      message:
        'The request has neither messages nor prompt; pass request.messages (chat) or request.prompt (a string).',
    };
  }
  if (typeof prompt !== 'string') {
    return {
      path: 'request.prompt',
      message: `request.prompt must be a string; got ${kindOf(prompt)}.`,
    };
  }
  return undefined;
}

/** The problem of `sampleIndex`, `headers` or `params`, which most requests leave out. */
function optionsProblem(request: Record<string, unknown>): Problem | undefined {
  const index = request.sampleIndex;
  if (index !== undefined && !(Number.isInteger(index) && (index as number) >= 0)) {
    const got = typeof index === 'number' ? String(index) : kindOf(index);
    return {
      path: 'request.sampleIndex',
      message: `request.sampleIndex must be an integer of 0 or more (which sample of a prompt this is); got ${got}.`,
    };
  }
  if (request.headers !== undefined) {
    const parsed = RequestHeadersSchema.safeParse(request.headers);
    if (!parsed.success) {
      const name = parsed.error.issues[0]?.path[0];
      // names only the header, never its value (a header may carry a credential)
      return name === undefined
        ? {
            path: 'request.headers',
            message: `request.headers must be an object of header names to string values; got ${kindOf(request.headers)}.`,
          }
        : {
            path: `request.headers.${String(name)}`,
            message: `request.headers['${String(name)}'] must be a string; got ${kindOf((request.headers as Record<string, unknown>)[name as string])}.`,
          };
    }
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

/**
 * The first problem of a request, or undefined when it is valid.
 *
 * @remarks
 * Messages are checked by hand (every request has them; this is the hot path); per-request
 * `headers` and `params`, which are rare, go through zod schemas (`params` the same as
 * `config.params`). A wrong type is named with its path and the type given, never the value.
 *
 * @param request - the request, as the caller passed it (any value)
 * @returns the path at fault and a full-sentence message; an unknown key (`promt`) is named
 *   first, with the key it most likely meant
 * @example
 * ```ts
 * requestProblem({ prompt: 'x' }); // undefined
 * requestProblem({ prompt: 42 }).message; // 'request.prompt must be a string; got a number.'
 * requestProblem({ promt: 'x' }).message;
 * // "The request has neither messages nor prompt: request.promt is not a known key; did you mean 'prompt'? (request takes 'messages', …)."
 * ```
 */
export function requestProblem(request: unknown): Problem | undefined {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return {
      path: 'request',
      message: `The request must be an object such as { prompt: 'Hello' } or { messages: [{ role: 'user', content: 'Hello' }] }; got ${kindOf(request)}.`,
    };
  }
  const r = request as Record<string, unknown>;
  const unknown = unknownKeyProblem(r, r.messages === undefined && r.prompt === undefined);
  return unknown ?? inputProblem(r.messages, r.prompt) ?? optionsProblem(r);
}
