import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so equal
 * values always give equal text regardless of key order.
 *
 * @param value - a JSON-compatible value
 * @returns canonical JSON text
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] }); // '{"a":[{"d":2}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Everything that identifies a response, for {@link cacheKey}. */
export interface CacheKeyInput {
  readonly provider: string;
  readonly baseUrl: string;
  readonly model: string;
  /** Every generation parameter, merged (config + request). */
  readonly params: Record<string, unknown>;
  readonly messages?: unknown;
  readonly prompt?: string | undefined;
  readonly sampleIndex?: number | undefined;
  /** Provider-specific request shape (http-json template and paths). */
  readonly shape?: unknown;
  /**
   * The headers sent beside the body (configured, then the request's own), which may change
   * the answer (`anthropic-beta`, routing headers). Only their names and a hash of each value
   * enter the key; none or an empty object keys exactly as a request had before headers counted.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * The headers of `config.headersFromEnv` sent beside the body: header name to the name of
   * the variable that holds its value. Only the names enter the key, never the value (as the
   * API key never does), so that a key needs no environment and a renewed token keeps the
   * answers; none or an empty object keys as before.
   */
  readonly envHeaders?: Readonly<Record<string, string>> | undefined;
}

/**
 * Header names lower-cased (HTTP names are case-insensitive; the later of two spellings
 * wins, as the later one is what a caller meant) with each value's SHA-256: a header value
 * may be a secret, and the key must never hold one in clear. Undefined when there are none,
 * so a request without headers keys as before.
 */
function headerIdentity(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  const out: Record<string, string> = {};
  let any = false;
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = createHash('sha256').update(String(value)).digest('hex');
    any = true;
  }
  return any ? out : undefined;
}

/** `envHeaders` with the header names lower-cased; undefined when there are none. */
function envHeaderIdentity(
  envHeaders: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  const entries = Object.entries(envHeaders ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([name, variable]) => [name.toLowerCase(), variable]));
}

/**
 * SHA-256 (hex) of the canonical JSON of a request's identity.
 *
 * @remarks
 * `sampleIndex` is part of the key unless `params.temperature === 0`: at temperature 0 every
 * sample is the same answer and may share an entry, otherwise (an unset temperature means
 * the server's default, usually 1) sample k and sample j are different draws. Headers are
 * part of it as their lower-cased names and a SHA-256 of each value (never the value in
 * clear); a request without headers keys as it did before headers counted. The API key is
 * never part of the input, nor is a `headersFromEnv` value: such a header is keyed by its
 * name and its variable's name (`envHeaders`).
 *
 * @param input - provider, base URL, model, parameters, messages or prompt, sample index, headers
 * @returns 64 hex characters
 * @example
 * ```ts
 * import { cacheKey } from '@assay/clients';
 * const input = { provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm',
 *   params: { temperature: 0 }, prompt: 'hi' };
 * cacheKey(input).length; // 64 (hex characters)
 * cacheKey({ ...input, sampleIndex: 3 }) === cacheKey(input); // true (at temperature 0 samples share)
 * cacheKey({ ...input, params: {}, sampleIndex: 3 }) === cacheKey({ ...input, params: {} }); // false
 * cacheKey({ ...input, headers: {} }) === cacheKey(input); // true (no headers: the key of old)
 * cacheKey({ ...input, headers: { 'x-assay-explain': '1' } }) === cacheKey(input); // false
 * cacheKey({ ...input, envHeaders: { 'X-Gateway-Token': 'GATEWAY_TOKEN' } }) === cacheKey(input); // false
 * ```
 */
export function cacheKey(input: CacheKeyInput): string {
  const deterministic = input.params.temperature === 0;
  const identity = {
    v: 1,
    provider: input.provider,
    baseUrl: input.baseUrl,
    model: input.model,
    params: input.params,
    messages: input.messages,
    prompt: input.prompt,
    sampleIndex: deterministic ? undefined : (input.sampleIndex ?? 0),
    shape: input.shape,
    // canonicalJson drops an undefined member, so no headers leave the text (and key) unchanged
    headers: headerIdentity(input.headers),
    envHeaders: envHeaderIdentity(input.envHeaders),
  };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
