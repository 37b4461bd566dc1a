import { isCredentialName } from '../config/url-credentials.js';
import type { ErrorClass } from '../records/request-record.js';

/**
 * Internal: why one HTTP attempt failed. The client turns the last one into a `ClientError`.
 * `headers` are kept only to read retry hints; they are never copied into records or errors.
 */
export class AttemptFailure extends Error {
  /**
   * @param errorClass - the record's error class
   * @param message - full sentence (already redacted)
   * @param details - status, response headers (for retry hints), whether overload, cause
   */
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    readonly details: {
      status?: number;
      headers?: Record<string, string | string[] | undefined>;
      overloaded?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(message);
  }
}

/** What a secret is replaced by. */
export const REDACTED = '[redacted]';

/**
 * The shortest value treated as a secret. Shorter configured values are flags and
 * placeholders (`1`, `EMPTY`, `none`): replacing them everywhere would blank out ordinary
 * words of the answers, and a value that short protects nothing anyway.
 */
export const MIN_SECRET_LENGTH = 8;

// Secret shapes, redacted whatever their value: OpenAI and Anthropic keys (`sk-…`,
// `sk-proj-…`, `sk-ant-…`), a bearer token (with a digit, so that "Bearer instruments" is
// prose), and a long value after a parameter named like a key (`key=`, `api_key=`,
// `access_token=`, `X-Amz-Signature=`, `sig=`, …). The parameter's prefix is left out of the
// pattern on purpose: matching `[\w-]*` before the name made the scan several times slower.
const SECRET_SHAPES =
  /\bsk-[A-Za-z0-9_-]{16,}|\b(bearer\s+)(?=[\w.~+/=-]*\d)[\w.~+/=-]{16,}|((?:key|token|secret|signature|sig|password)=)[\w.~+/%=-]{16,}/gi;
// What every shape contains: texts without it (almost every answer and delta) skip the scan.
const SHAPE_HINT = /sk-|=|bearer/i;

function redactShape(_match: string, bearer?: string, parameter?: string): string {
  return `${bearer ?? parameter ?? ''}${REDACTED}`;
}

/**
 * The values a client treats as secrets: its API key and the values of its credential
 * headers ({@link isCredentialHeader}), at least {@link MIN_SECRET_LENGTH} characters long,
 * longest first (so a secret containing another is replaced whole).
 *
 * @remarks
 * Other header values are not secrets: a mode or routing header (`x-mode: overloaded`) holds
 * ordinary words, and redacting them turned a server's `overloaded_error` into
 * `[redacted]_error`. A credential sent under a header named like a credential is caught by
 * its name; any header value shaped like a key (`sk-…`, a bearer token) by `redact`'s shapes.
 *
 * @param apiKey - the key read from `apiKeyEnv`, if any
 * @param headers - `config.headers` or `request.headers`, if any
 * @param everyHeader - treat every header value as a secret: so for `config.headers`, which a
 *   deployment fills with organisation ids and proxy tokens under any name; a request's own
 *   headers (modes, routing, faults) are secrets only when named like a credential
 * @returns the secrets to pass to {@link redact}
 * @example
 * ```ts
 * secretsOf('sk-test-0123456789', { 'x-api-key': 'k-4f9a8b7c', 'x-mode': 'overloaded', 'x-debug': '1' });
 * // ['sk-test-0123456789', 'k-4f9a8b7c']
 * ```
 */
export function secretsOf(
  apiKey: string | undefined,
  headers: Readonly<Record<string, string>> | undefined,
  everyHeader = false,
): string[] {
  const values = [apiKey ?? ''];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (everyHeader || isCredentialHeader(name)) values.push(value);
  }
  const secrets = values.filter((value) => value.length >= MIN_SECRET_LENGTH);
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

// Headers whose value is a credential wherever it appears, whatever the header's name says
// otherwise; names with a credential word (`x-api-key`, `x-auth-token`) are found by
// `isCredentialName` as well.
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
]);

// Any part of a header name that marks a credential (`x-auth-token`, `x-session-cookie`,
// `x-goog-api-key`, `x-amz-signature`); a few innocent names match too, which only redacts more.
const CREDENTIAL_HEADER_PART = /key|token|secret|auth|cookie|passw|signature/i;

/**
 * Whether a header carries a credential by its name: `authorization`, `proxy-authorization`,
 * `cookie`, `x-api-key`, `api-key`, or any name with a credential word in it (`key`, `token`,
 * `secret`, `auth`, `cookie`, `password`, `signature`, ...).
 *
 * @param name - the header name, any case
 * @returns true for a credential header
 * @example
 * ```ts
 * isCredentialHeader('Authorization'); // true
 * isCredentialHeader('x-assay-fault'); // false
 * ```
 */
export function isCredentialHeader(name: string): boolean {
  return (
    CREDENTIAL_HEADERS.has(name.toLowerCase()) ||
    CREDENTIAL_HEADER_PART.test(name) ||
    isCredentialName(name)
  );
}

/**
 * The values that are credentials for certain: the API key, the values of `headersFromEnv`
 * and the values of credential headers ({@link isCredentialHeader}), at least
 * {@link MIN_SECRET_LENGTH} characters long, longest first. These are redacted from whole
 * messages, the client's own words included, as a last line of defence (the values of
 * {@link secretsOf} for the same key and headers).
 *
 * @param apiKey - the key read from `apiKeyEnv`, if any
 * @param headers - configured or per-request headers, if any
 * @param fromEnv - the values of `config.headersFromEnv`: credentials whatever their header's
 *   name, as they are kept out of the file for being secret
 * @returns the credentials to pass to {@link redact}
 * @example
 * ```ts
 * credentialsOf('sk-test-0123456789', { 'x-api-key': 'k-0123456789', 'x-assay-fault': 'truncate' });
 * // ['sk-test-0123456789', 'k-0123456789']
 * credentialsOf(undefined, undefined, ['gw-route-0123', 'short']); // ['gw-route-0123']
 * ```
 */
export function credentialsOf(
  apiKey: string | undefined,
  headers: Readonly<Record<string, string>> | undefined,
  fromEnv: readonly string[] = [],
): string[] {
  // the same values as secretsOf since only credential headers are secrets; kept apart so the
  // two roles (quoted text, whole messages) can still differ
  const named = secretsOf(apiKey, headers);
  if (fromEnv.length === 0) return named;
  const all = [...named, ...fromEnv.filter((value) => value.length >= MIN_SECRET_LENGTH)];
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of each secret, and every secret-shaped token, in `text`: the one
 * place the client redacts, for error messages, warnings, answers and cache entries.
 *
 * @param text - text that may contain a secret
 * @param secrets - the values to hide (from {@link secretsOf}; empty strings are ignored)
 * @returns the text with each secret replaced by `[redacted]`; `text` itself when it had none
 * @example
 * ```ts
 * redact('key sk-test-0123456789 echoed', ['sk-test-0123456789']); // 'key [redacted] echoed'
 * redact('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30', []); // 'Authorization: Bearer [redacted]'
 * redact('GET /v1?api_key=0123456789abcdef0123', []); // 'GET /v1?api_key=[redacted]'
 * ```
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return SHAPE_HINT.test(out) ? out.replace(SECRET_SHAPES, redactShape) : out;
}

/**
 * Where the secrets and secret shapes that {@link redact} replaces lie in `text`: for texts
 * cut into pieces (log-probability tokens), whose pieces are redacted by the spans they touch.
 *
 * @param text - text that may contain a secret
 * @param secrets - the values to hide (from {@link secretsOf})
 * @returns `[start, end)` character spans, sorted by start (they may overlap)
 * @example
 * ```ts
 * secretSpans('a sk-test-0123456789 b', ['sk-test-0123456789']); // [[2, 20]]
 * ```
 */
export function secretSpans(text: string, secrets: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      spans.push([at, at + secret.length]);
    }
  }
  if (SHAPE_HINT.test(text)) {
    for (const match of text.matchAll(SECRET_SHAPES)) {
      // the bearer or parameter prefix stays, as redact() keeps it
      const prefix = (match[1] ?? match[2] ?? '').length;
      spans.push([match.index + prefix, match.index + match[0].length]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Quotes the first `max` characters of a body for an error message, secrets redacted.
 *
 * @remarks
 * Redacting before cutting matters: a cut through the middle of a key would leave a prefix
 * that no longer matches the key.
 *
 * @param text - the body
 * @param secrets - the client's secrets (see {@link redact})
 * @param max - most characters kept (default 200)
 * @returns the text with white space folded, cut to `max` characters with `…`
 * @example
 * ```ts
 * excerpt('{"error":\n  "bad key sk-test-0123456789"}', ['sk-test-0123456789']);
 * // '{"error": "bad key [redacted]"}'
 * ```
 */
export function excerpt(text: string, secrets: readonly string[], max = 200): string {
  // Only the head can be quoted; redacting a megabyte body to quote 200 characters is waste.
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  const flat = redact(head, secrets).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
