import { ClientError } from '../errors.js';
import { PROVIDERS } from './client-config.js';
import { kindOf, looksLikeKey } from './key-shape.js';

const PROVIDER_LIST = PROVIDERS.map((p) => `'${p}'`).join(', ');

/**
 * Refuses a configuration that is not an object, or whose `provider` is not one of
 * {@link PROVIDERS}; a provider value that is not a short identifier is not echoed (a key
 * pasted into the wrong field must not reach a log).
 *
 * @param input - the configuration as given
 * @throws ClientError `INVALID_CONFIG` (not an object) or `UNKNOWN_PROVIDER`
 * @example
 * ```ts
 * refuseBadProvider({ provider: 'openai-chat' }); // passes
 * try {
 *   refuseBadProvider(null);
 * } catch (error) {
 *   error.message; // "The client configuration must be an object such as { provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm' }; got null."
 * }
 * ```
 */
export function refuseBadProvider(input: unknown): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ClientError(
      'INVALID_CONFIG',
      `The client configuration must be an object such as { provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm' }; got ${kindOf(input)}.`,
      { path: '' },
    );
  }
  const provider = (input as { provider?: unknown }).provider;
  if (typeof provider === 'string' && (PROVIDERS as readonly string[]).includes(provider)) return;
  let said: string;
  if (provider === undefined) said = 'config.provider is missing';
  else if (typeof provider !== 'string')
    said = `config.provider must be a string; got ${kindOf(provider)}`;
  else if (/^[A-Za-z][\w.-]{0,39}$/.test(provider) && !looksLikeKey(provider))
    said = `config.provider is ${JSON.stringify(provider)}`;
  else
    said = 'config.provider is not a provider name (the value given is not shown: it may be a key)';
  throw new ClientError('UNKNOWN_PROVIDER', `${said}; expected one of ${PROVIDER_LIST}.`, {
    path: 'provider',
  });
}

/**
 * The error of an `apiKeyEnv` whose variable is unset or empty, naming the variable (the
 * schema has refused a value that looks like a key, so the name is safe to show).
 *
 * @param name - the variable's name (`config.apiKeyEnv`)
 * @param value - its value in the environment
 * @returns the error to throw
 * @example
 * ```ts
 * missingKeyError('OPENAI_API_KEY', '').message;
 * // 'The environment variable OPENAI_API_KEY (named by config.apiKeyEnv) is set but empty; …'
 * ```
 */
export function missingKeyError(name: string, value: string | undefined): ClientError {
  const state = value === undefined ? 'is not set' : 'is set but empty';
  return new ClientError(
    'MISSING_API_KEY',
    `The environment variable ${name} (named by config.apiKeyEnv) ${state}; export it with the API key, or remove apiKeyEnv for a server without authentication.`,
    { path: 'apiKeyEnv' },
  );
}

/**
 * The error of a `headersFromEnv` variable that is unset or empty, naming the header's config
 * path and the variable (the schema has refused a value that looks like a key, so the name is
 * safe to show); never a value.
 *
 * @param header - the header's name as configured (`X-Gateway-Token`)
 * @param name - the variable's name (`config.headersFromEnv[header]`)
 * @param value - its value in the environment
 * @returns the error to throw
 * @example
 * ```ts
 * missingHeaderEnvError('X-Gateway-Token', 'GATEWAY_TOKEN', undefined).message;
 * // 'The environment variable GATEWAY_TOKEN (named by config.headersFromEnv.X-Gateway-Token) is not set, so nothing was sent; …'
 * missingHeaderEnvError('X-Gateway-Token', 'GATEWAY_TOKEN', '').path; // 'headersFromEnv.X-Gateway-Token'
 * ```
 */
export function missingHeaderEnvError(
  header: string,
  name: string,
  value: string | undefined,
): ClientError {
  const state = value === undefined ? 'is not set' : 'is set but empty';
  return new ClientError(
    'MISSING_API_KEY',
    `The environment variable ${name} (named by config.headersFromEnv.${header}) ${state}, so nothing was sent; export it with the value of the ${header} header, or remove ${header} from config.headersFromEnv.`,
    { path: `headersFromEnv.${header}` },
  );
}

/**
 * The values of `config.headersFromEnv`, read from the environment: header name to value.
 *
 * @param headersFromEnv - header names to variable names, as validated
 * @param env - the environment
 * @param required - throw for a variable that is unset or empty (else leave its header out:
 *   for work that sends nothing, as `requireKey: false` does for the key)
 * @returns the headers to send
 * @throws ClientError `MISSING_API_KEY` naming the header's path and the variable
 * @example
 * ```ts
 * readHeadersFromEnv({ 'X-Gateway-Token': 'GATEWAY_TOKEN' }, { GATEWAY_TOKEN: 'gw-0123456789' }, true);
 * // { 'X-Gateway-Token': 'gw-0123456789' }
 * readHeadersFromEnv({ 'X-Gateway-Token': 'GATEWAY_TOKEN' }, {}, false); // {}
 * ```
 */
export function readHeadersFromEnv(
  headersFromEnv: Readonly<Record<string, string>> | undefined,
  env: NodeJS.ProcessEnv,
  required: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, name] of Object.entries(headersFromEnv ?? {})) {
    const value = env[name];
    if (value !== undefined && value !== '') out[header] = value;
    else if (required) throw missingHeaderEnvError(header, name, value);
  }
  return out;
}
