import { ClientError } from '../errors.js';

// Words that make a query parameter a credential: `key`, `api_key`, `apiKey`, `x-api-key`,
// `access_token`, `X-Amz-Signature`, `sig` (Azure SAS), `client_secret`, `password`, ...
const CREDENTIAL_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'signature',
  'sig',
  'password',
  'passwd',
  'pwd',
  'auth',
  'credential',
  'credentials',
  'bearer',
  'jwt',
]);

/**
 * Whether a query parameter name says it holds a credential.
 *
 * @param name - the parameter's name as written
 * @returns true for names such as `key`, `api_key`, `apiKey`, `access_token`, `sig`
 * @example
 * ```ts
 * isCredentialName('api_key'); // true
 * isCredentialName('X-Amz-Signature'); // true
 * isCredentialName('api-version'); // false
 * ```
 */
export function isCredentialName(name: string): boolean {
  if (CREDENTIAL_WORDS.has(name.toLowerCase().replace(/[^a-z0-9]/gi, ''))) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => CREDENTIAL_WORDS.has(word));
}

function credentialParameter(url: URL): string | undefined {
  for (const name of url.searchParams.keys()) if (isCredentialName(name)) return name;
  // A fragment is never sent, but it is written down with the URL all the same.
  const fragment = new URLSearchParams(url.hash.slice(1));
  for (const name of fragment.keys()) if (isCredentialName(name)) return name;
  return undefined;
}

const WHERE_KEYS_GO =
  "URLs are copied into configs, logs and result files, so a key never belongs in one: put it in an environment variable named by config.apiKeyEnv (for the 'http-json' provider, config.apiKeyHeader and config.apiKeyPrefix choose the header that carries it).";

/**
 * What makes a URL carry a credential: user information (`user:pass@`) or a query or
 * fragment parameter named like one ({@link isCredentialName}); never the value itself.
 *
 * @param url - the parsed URL
 * @returns e.g. `carries a credential in its parameter 'key'`, or undefined for a clean URL
 * @example
 * ```ts
 * urlCredentialProblem(new URL('https://api.example.com/v1?api_key=abc'));
 * // "carries a credential in its parameter 'api_key'"
 * ```
 */
export function urlCredentialProblem(url: URL): string | undefined {
  if (url.username !== '' || url.password !== '') return 'contains credentials (user:password@)';
  const parameter = credentialParameter(url);
  return parameter === undefined
    ? undefined
    : `carries a credential in its parameter '${parameter}'`;
}

/**
 * The advice of a configuration issue about a credential in a URL (relative field names, as
 * the path already says where it is).
 */
export const URL_CREDENTIAL_ADVICE =
  "a key never belongs in a URL, which is copied into configs, logs and result files: name the environment variable that holds it in apiKeyEnv (for the 'http-json' provider, apiKeyHeader and apiKeyPrefix choose the header that carries it)";

/**
 * Refuses a URL of the configuration that carries a credential: user information
 * (`user:pass@`) or a query or fragment parameter named like one ({@link isCredentialName}).
 *
 * @remarks
 * The message names the config path and the parameter, never its value.
 *
 * @param url - the parsed URL
 * @param path - its config path, e.g. `'baseUrl'`
 * @throws ClientError `INVALID_BASE_URL` for `baseUrl`, `INVALID_CONFIG` for any other path
 * @example
 * ```ts
 * refuseUrlCredentials(new URL('https://api.example.com/v1'), 'baseUrl'); // undefined (no credential)
 * try {
 *   refuseUrlCredentials(new URL('https://api.example.com/v1?key=abc'), 'baseUrl');
 * } catch (error) {
 *   error.code; // 'INVALID_BASE_URL'
 *   error.message; // "config.baseUrl carries a credential in its parameter 'key'; …"
 * }
 * ```
 */
export function refuseUrlCredentials(url: URL, path: string): void {
  const code = path === 'baseUrl' ? 'INVALID_BASE_URL' : 'INVALID_CONFIG';
  const problem = urlCredentialProblem(url);
  if (problem !== undefined) {
    throw new ClientError(code, `config.${path} ${problem}; ${WHERE_KEYS_GO}`, { path });
  }
}

/** A URL with its percent-escapes decoded (as written when one is malformed). */
function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Shortest key value looked for in URLs: shorter ones match ordinary text by chance. */
const MIN_KEY_CHARS = 8;

/**
 * Refuses a base URL or request path that holds the API key's value itself, under a
 * parameter not named like a credential (`?k=sk-...`) or in the path, which
 * {@link refuseUrlCredentials} cannot see by name: the URL is written into `results.json`, the
 * run journal and reports, where the key would then be in plain text.
 *
 * @param urls - the config's URLs by config path (`baseUrl`, `requestPath`)
 * @param apiKey - the key's value, read from the environment (undefined when not set)
 * @param apiKeyEnv - the variable's name, for the message (never the value)
 * @throws ClientError `INVALID_BASE_URL` for `baseUrl`, `INVALID_CONFIG` for another path
 * @example
 * ```ts
 * import { refuseKeyInUrls } from '@assay/clients';
 * try {
 *   refuseKeyInUrls({ baseUrl: 'http://h/v1?k=sk-SECRET-1' }, 'sk-SECRET-1', 'KEY');
 * } catch (error) {
 *   error.code; // 'INVALID_BASE_URL'
 *   error.message; // 'config.baseUrl holds the value of the API key (the environment variable KEY); …'
 * }
 * ```
 */
export function refuseKeyInUrls(
  urls: Readonly<Record<string, string | undefined>>,
  apiKey: string | undefined,
  apiKeyEnv: string | undefined,
): void {
  if (apiKey === undefined || apiKey.length < MIN_KEY_CHARS) return;
  for (const [path, value] of Object.entries(urls)) {
    // percent-encoded in the URL (`%2B` for a key's `+`) it is the same key
    if (value === undefined || !(value.includes(apiKey) || decoded(value).includes(apiKey)))
      continue;
    const code = path === 'baseUrl' ? 'INVALID_BASE_URL' : 'INVALID_CONFIG';
    throw new ClientError(
      code,
      `config.${path} holds the value of the API key (the environment variable ${apiKeyEnv ?? 'named by apiKeyEnv'}); remove it from the URL, the client sends the key in its header. ${WHERE_KEYS_GO}`,
      { path },
    );
  }
}
