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
 * The wait a response asks for before retrying, from (in order of precedence)
 * `retry-after-ms`, `Retry-After` (seconds or an HTTP date), then the longest of the
 * rate-limit reset headers: `x-ratelimit-reset-requests` / `-tokens` (durations like `'1s'`)
 * and `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-reset` (RFC 3339 times).
 *
 * @param headers - response headers, lower-case names (as undici gives them)
 * @param nowMs - current Unix time in ms (for dates)
 * @returns milliseconds to wait (≥ 0), or undefined when no header says
 * @example
 * ```ts
 * retryAfterMs({ 'retry-after': '2' }); // 2000
 * ```
 */
export function retryAfterMs(headers: Headers, nowMs: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const after = header(headers, 'retry-after');
  if (after !== undefined) {
    const t = after.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
    const date = Date.parse(t);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  let longest: number | undefined;
  for (const name of ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']) {
    const v = header(headers, name);
    const d = v === undefined ? undefined : parseResetDuration(v);
    if (d !== undefined) longest = Math.max(longest ?? 0, d);
  }
  for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    const v = header(headers, `anthropic-ratelimit-${kind}-reset`);
    const date = v === undefined ? Number.NaN : Date.parse(v);
    if (!Number.isNaN(date)) longest = Math.max(longest ?? 0, date - nowMs);
  }
  return longest;
}
