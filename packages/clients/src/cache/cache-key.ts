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
}

/**
 * SHA-256 (hex) of the canonical JSON of a request's identity.
 *
 * @remarks
 * `sampleIndex` is part of the key unless `params.temperature === 0`: at temperature 0 every
 * sample is the same answer and may share an entry, otherwise (an unset temperature means
 * the server's default, usually 1) sample k and sample j are different draws. API keys and
 * headers are never part of the input.
 *
 * @param input - provider, base URL, model, parameters, messages or prompt, sample index
 * @returns 64 hex characters
 * @example
 * ```ts
 * import { cacheKey } from '@assay/clients';
 * const input = { provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm',
 *   params: { temperature: 0 }, prompt: 'hi' };
 * cacheKey(input).length; // 64 (hex characters)
 * cacheKey({ ...input, sampleIndex: 3 }) === cacheKey(input); // true (at temperature 0 samples share)
 * cacheKey({ ...input, params: {}, sampleIndex: 3 }) === cacheKey({ ...input, params: {} }); // false
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
  };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
