import { isCredentialName } from '../config/url-credentials.js';
import { AttemptFailure, REDACTED, redact } from './attempt-failure.js';

/** The statuses that send a request elsewhere (`Location`); 300 and 304 are not redirects here. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Where a redirected request went and what it asked for. */
export interface RedirectContext {
  /** The URL the request was sent to (base URL and the provider's path, no query). */
  readonly endpoint: string;
  /** The provider's path appended to the base URL, e.g. `'/chat/completions'`. */
  readonly providerPath: string;
  /** The request as messages name it, e.g. `'POST http://host/v1/chat/completions'` (redacted). */
  readonly what: string;
  /** The call's secrets, redacted from the location. */
  readonly secrets: readonly string[];
}

/**
 * The location without anything secret: no user information, and the values of query and
 * fragment parameters named like a credential replaced by `[redacted]`.
 */
function safeLocation(url: URL): URL {
  const safe = new URL(url.href);
  safe.username = '';
  safe.password = '';
  for (const name of [...new Set(safe.searchParams.keys())]) {
    if (isCredentialName(name)) safe.searchParams.set(name, REDACTED);
  }
  if (safe.hash !== '') {
    const fragment = new URLSearchParams(safe.hash.slice(1));
    if ([...fragment.keys()].some(isCredentialName)) safe.hash = '';
  }
  return safe;
}

/** What to set `config.baseUrl` to: the location less the provider's path, if it ends so. */
function suggestedBaseUrl(location: URL, providerPath: string): string | undefined {
  const suffix = providerPath.split('?')[0]!.replace(/\/+$/, '');
  const path = location.pathname.replace(/\/+$/, '');
  if (suffix !== '' && !path.endsWith(suffix)) return undefined;
  const base = path.slice(0, path.length - suffix.length);
  const query = [...location.searchParams.keys()].some(isCredentialName) ? '' : location.search;
  return `${location.origin}${base}${query}`;
}

/**
 * The failure of an attempt the server answered with a redirect, which the client never
 * follows: following one to another origin would send the API key (and every configured
 * header) there, and a POST redirected with 301, 302 or 303 turns into a GET without its body.
 *
 * @remarks
 * The message names the status and the `Location` (resolved against the request's URL, its
 * user information dropped and credential-named parameters and the client's secrets
 * redacted) and, when the location ends with the provider's path, the base URL to configure.
 * It is an `http_status` failure (code `HTTP_STATUS`, `status` the 3xx), never retried.
 *
 * @param status - the 3xx status
 * @param location - the `Location` header, if any
 * @param ctx - the request's endpoint, provider path, description and secrets
 * @returns the failure to throw
 * @example
 * ```ts
 * const ctx = { endpoint: 'http://127.0.0.1:8000/v1/chat/completions', providerPath: '/chat/completions',
 *   what: 'POST http://127.0.0.1:8000/v1/chat/completions', secrets: [] };
 * const failure = redirectFailure(308, 'https://api.example.com/v1/chat/completions', ctx);
 * failure.errorClass; // 'http_status'
 * failure.message;
 * // "The server answered POST http://127.0.0.1:8000/v1/chat/completions with HTTP 308, a redirect to 'https://api.example.com/v1/chat/completions'; …: set config.baseUrl to 'https://api.example.com/v1' if that is the service you mean to call."
 * ```
 */
export function redirectFailure(
  status: number,
  location: string | undefined,
  ctx: RedirectContext,
): AttemptFailure {
  const head = `The server answered ${ctx.what} with HTTP ${status}, a redirect`;
  const why =
    'the client does not follow redirects, since following one to another origin would send the API key there';
  let target: URL | undefined;
  try {
    target =
      location === undefined || location === '' ? undefined : new URL(location, ctx.endpoint);
  } catch {
    target = undefined;
  }
  let message: string;
  if (target === undefined) {
    const given =
      location === undefined || location === ''
        ? 'without a Location header'
        : `to an unreadable Location '${redact(location, ctx.secrets).slice(0, 200)}'`;
    message = `${head} ${given}; ${why}. Check config.baseUrl: it should name the service's API itself.`;
  } else {
    const safe = safeLocation(target);
    const base = suggestedBaseUrl(safe, ctx.providerPath);
    const advice =
      base === undefined
        ? `which does not end with the provider's path '${ctx.providerPath}', so it is not the API's endpoint (a login page or a proxy's?); check config.baseUrl.`
        : `set config.baseUrl to '${redact(base, ctx.secrets)}' if that is the service you mean to call.`;
    const shown = redact(safe.href.replaceAll('%5Bredacted%5D', REDACTED), ctx.secrets);
    message = `${head} to '${shown}'; ${why}: ${advice}`;
  }
  // Only the location (the server's text) is redacted: the sentence around it is the client's.
  return new AttemptFailure('http_status', message, { status });
}
