type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Parses an OpenAI-style reset duration: `'1s'`, `'20ms'`, `'6m0s'`, `'1h2m3.5s'`, or a bare
 * number of seconds.
 *
 * @param text - the header value
 * @returns milliseconds, or undefined when it is not a duration
 * @example
 * ```ts
 * parseResetDuration('6m0s'); // 360000
 * ```
 */
export function parseResetDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (const m of trimmed.matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n;
    matched += m[0].length;
  }
  return matched > 0 && matched === trimmed.length ? total : undefined;
}

/**
 * The wait a response asks for explicitly: `retry-after-ms`, else `Retry-After` (seconds or
 * an HTTP date). These mean "wait this long" whatever the status.
 *
 * @param headers - response headers, lower-case names (as undici gives them)
 * @param nowMs - current Unix time in ms (for dates)
 * @returns milliseconds to wait (≥ 0), or undefined when neither header says
 * @example
 * ```ts
 * explicitRetryAfterMs({ 'retry-after-ms': '150', 'retry-after': '9' }); // 150
 * ```
 */
export function explicitRetryAfterMs(
  headers: Headers,
  nowMs: number = Date.now(),
): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const after = header(headers, 'retry-after');
  if (after === undefined) return undefined;
  const t = after.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const date = Date.parse(t);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** A limit is exhausted when its remaining count says 0, or says nothing at all. */
function exhausted(headers: Headers, remainingName: string): boolean {
  const remaining = header(headers, remainingName);
  return remaining === undefined || Number(remaining.trim()) <= 0;
}

/**
 * The longest time until an exhausted rate limit refills, from `x-ratelimit-reset-requests` /
 * `-tokens` (durations like `'1s'`) and `anthropic-ratelimit-{requests,tokens,input-tokens,
 * output-tokens}-reset` (RFC 3339 times).
 *
 * @remarks
 * Providers send these headers on every response: they say when a window refills, not how long
 * to wait. Only a limit whose `…-remaining` header is 0 (or absent) can be what refused the
 * request, so the others are ignored: a 2-minute token window with millions left must not
 * hold up a retry.
 *
 * @param headers - response headers, lower-case names
 * @param nowMs - current Unix time in ms (for dates)
 * @returns milliseconds until the exhausted limits refill, or undefined when none is
 * @example
 * ```ts
 * rateLimitResetMs({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s' }); // 1000
 * rateLimitResetMs({ 'x-ratelimit-remaining-tokens': '900', 'x-ratelimit-reset-tokens': '2m0s' }); // undefined
 * ```
 */
export function rateLimitResetMs(headers: Headers, nowMs: number = Date.now()): number | undefined {
  let longest: number | undefined;
  for (const kind of ['requests', 'tokens']) {
    const v = header(headers, `x-ratelimit-reset-${kind}`);
    const d = v === undefined ? undefined : parseResetDuration(v);
    if (d !== undefined && exhausted(headers, `x-ratelimit-remaining-${kind}`)) {
      longest = Math.max(longest ?? 0, d);
    }
  }
  for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    const v = header(headers, `anthropic-ratelimit-${kind}-reset`);
    const date = v === undefined ? Number.NaN : Date.parse(v);
    if (!Number.isNaN(date) && exhausted(headers, `anthropic-ratelimit-${kind}-remaining`)) {
      longest = Math.max(longest ?? 0, date - nowMs);
    }
  }
  return longest === undefined ? undefined : Math.max(0, longest);
}

/**
 * The wait a response asks for before retrying: {@link explicitRetryAfterMs} for any status,
 * else, for a 429 (or when `status` is not given), {@link rateLimitResetMs} of the exhausted
 * limits.
 *
 * @param headers - response headers, lower-case names (as undici gives them)
 * @param nowMs - current Unix time in ms (for dates)
 * @param status - the response's HTTP status; reset headers count only for 429
 * @returns milliseconds to wait (≥ 0), or undefined when no header says
 * @example
 * ```ts
 * retryAfterMs({ 'retry-after': '2' }); // 2000
 * retryAfterMs({ 'x-ratelimit-reset-tokens': '2m0s', 'x-ratelimit-remaining-tokens': '5' }, Date.now(), 429); // undefined
 * ```
 */
export function retryAfterMs(
  headers: Headers,
  nowMs: number = Date.now(),
  status?: number,
): number | undefined {
  const explicit = explicitRetryAfterMs(headers, nowMs);
  if (explicit !== undefined) return explicit;
  return status === undefined || status === 429 ? rateLimitResetMs(headers, nowMs) : undefined;
}
