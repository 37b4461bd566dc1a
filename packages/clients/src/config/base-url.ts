import { ClientError } from '../errors.js';
import { redact } from '../http/attempt-failure.js';
import { refuseUrlCredentials } from './url-credentials.js';
import { missingSchemeProblem } from './url-scheme.js';

/**
 * Parses `config.baseUrl` and the http-json `config.requestPath` appended to it.
 *
 * @param baseUrl - `config.baseUrl` as written
 * @param requestPath - `config.requestPath` (empty for the other providers)
 * @returns the base URL
 * @throws ClientError `INVALID_BASE_URL` for a URL that does not parse, is not http(s) or
 *   carries a credential; `INVALID_CONFIG` for a request path that carries one
 * @example
 * ```ts
 * parseBaseUrl('http://127.0.0.1:8000/v1', '').pathname; // '/v1'
 * try {
 *   parseBaseUrl('https://api.example.com/v1?api_key=abc', '');
 * } catch (error) {
 *   error.code; // 'INVALID_BASE_URL'
 *   error.message; // "config.baseUrl carries a credential in its parameter 'api_key'; …"
 * }
 * ```
 */
export function parseBaseUrl(baseUrl: string, requestPath: string): URL {
  const noScheme = missingSchemeProblem(baseUrl);
  if (noScheme !== undefined) {
    throw new ClientError('INVALID_BASE_URL', `config.baseUrl ${noScheme}`, { path: 'baseUrl' });
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ClientError(
      'INVALID_BASE_URL',
      `config.baseUrl ${JSON.stringify(redact(baseUrl, []))} is not a valid URL; expected e.g. 'http://127.0.0.1:8000/v1'.`,
      { path: 'baseUrl' },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClientError(
      'INVALID_BASE_URL',
      `config.baseUrl uses protocol '${url.protocol}'; expected 'http:' or 'https:'.`,
      { path: 'baseUrl' },
    );
  }
  refuseUrlCredentials(url, 'baseUrl');
  if (requestPath !== '') {
    // Requests go to base path + request path + the base URL's query; messages quote the path.
    refuseUrlCredentials(new URL(`http://h/${requestPath}`), 'requestPath');
  }
  return url;
}

/**
 * The base URL with `/v1` added to its path, for advice after a 404: OpenAI-compatible
 * servers serve under `/v1`, and a base URL without it is the most common cause. Undefined
 * when the path already names a version (`/v1`, `/v1beta/openai`, `/api/v2`), where adding
 * another would be no advice, or when it is no URL.
 *
 * @param baseUrl - the base URL as written
 * @returns the URL with `/v1` in its path (before any query), or undefined
 * @example
 * ```ts
 * versionedBaseUrl('http://127.0.0.1:8080'); // 'http://127.0.0.1:8080/v1'
 * versionedBaseUrl('http://127.0.0.1:8080/?x=1'); // 'http://127.0.0.1:8080/v1?x=1'
 * versionedBaseUrl('https://host/v1beta/openai'); // undefined
 * ```
 */
export function versionedBaseUrl(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (/(^|\/)v\d+[a-z]*(\/|$)/i.test(url.pathname)) return undefined;
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1`;
  return url.toString();
}
