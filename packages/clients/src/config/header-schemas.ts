import { z } from 'zod';
import { looksLikeKey } from './key-shape.js';

/** The message of a header's value given in `headersFromEnv`; it never quotes the value. */
export const HEADER_ENV_HOLDS_VALUE =
  "must name an environment variable (e.g. GATEWAY_TOKEN), not hold the header's value itself; the value given is not shown (it looks like a key)";

/** An environment variable's name, as `apiKeyEnv` and `headersFromEnv` take it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `config.headers`: header names to values, written in the configuration. The names are any
 * strings, as they always were; `headersFromEnv` takes its names the same way.
 */
export const HeadersSchema = z
  .record(z.string(), z.string())
  .optional()
  .describe(
    'Extra headers on every request, part of the cache key (names and hashed values); their values are treated as secrets and redacted from answers, errors and warnings. For a token, use headersFromEnv instead, so that it is not written in the file.',
  );

/**
 * `config.headersFromEnv`: header names to the names of the environment variables holding
 * their values. A value that looks like a key is refused without being quoted.
 */
export const HeadersFromEnvSchema = z
  .record(
    z.string(),
    z
      .string()
      // a token pasted here must be refused without quoting it; abort: the regex would say less
      .refine((value) => !looksLikeKey(value), { message: HEADER_ENV_HOLDS_VALUE, abort: true })
      .regex(ENV_NAME, {
        message:
          "expected an environment variable name: letters, digits and '_', not starting with a digit (e.g. GATEWAY_TOKEN)",
      }),
  )
  .optional()
  .describe(
    "Extra headers whose values come from the environment, never from the file: header name to the name of the variable holding its value, e.g. { 'X-Gateway-Token': 'GATEWAY_TOKEN' }. Sent, redacted and kept out of caches like the API key; a variable that is unset or empty is refused before anything is sent.",
  );

/**
 * The message of a header named twice (in `headers` and `headersFromEnv`, or twice in
 * `headersFromEnv` in different case), after the path of the second name.
 *
 * @param otherPath - the full path of the first name, e.g. `'models[0].headers.x-gateway-token'`
 * @returns the clause, without a full stop
 * @example
 * ```ts
 * sameHeaderMessage('config.headers.x-gateway-token');
 * // 'names the same header as config.headers.x-gateway-token (header names are case-insensitive); give it once: in headers for a value written in the file, or in headersFromEnv for one read from the environment'
 * ```
 */
export function sameHeaderMessage(otherPath: string): string {
  return `names the same header as ${otherPath} (header names are case-insensitive); give it once: in headers for a value written in the file, or in headersFromEnv for one read from the environment`;
}

/** A plain object's own string-keyed entries; nothing for any other value. */
function entriesOf(value: unknown): [string, unknown][] {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value)
    : [];
}

/**
 * Adds an issue for each `headersFromEnv` name that `headers` (or an earlier `headersFromEnv`
 * name) already gives, in any case: the request would carry the header twice. The issue's
 * path is the second name's; `params.sameHeaderAs` is the first's, relative to the same
 * object, so that a formatter can name both in full. Reads the value defensively: it runs
 * even when other fields failed, so that every problem is reported at once.
 *
 * @param config - the client configuration (any value)
 * @param ctx - the refinement context
 * @example
 * ```ts
 * const parsed = ClientConfigSchema.safeParse({ provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1',
 *   model: 'm', headers: { 'X-Team': 'a' }, headersFromEnv: { 'x-team': 'TEAM_TOKEN' } });
 * parsed.error.issues[0].path; // ['headersFromEnv', 'x-team']
 * parsed.error.issues[0].params; // { sameHeaderAs: ['headers', 'X-Team'] }
 * ```
 */
export function refineHeaderClashes(config: unknown, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string[]>();
  for (const [name] of entriesOf((config as { headers?: unknown } | null)?.headers)) {
    if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), ['headers', name]);
  }
  for (const [name] of entriesOf((config as { headersFromEnv?: unknown } | null)?.headersFromEnv)) {
    const first = seen.get(name.toLowerCase());
    if (first === undefined) {
      seen.set(name.toLowerCase(), ['headersFromEnv', name]);
      continue;
    }
    ctx.addIssue({
      code: 'custom',
      path: ['headersFromEnv', name],
      message: sameHeaderMessage(first.join('.')),
      params: { sameHeaderAs: first },
    });
  }
}
