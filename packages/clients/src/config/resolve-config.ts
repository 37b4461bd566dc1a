import { ClientError } from '../errors.js';
import { redact } from '../http/attempt-failure.js';
import { unknownPlaceholders } from '../providers/template.js';
import { parseBaseUrl } from './base-url.js';
import {
  type ClientConfig,
  ClientConfigSchema,
  type ResolvedClientConfig,
} from './client-config.js';
import { configIssues, joinIssues } from './config-issues.js';
import { missingKeyError, readHeadersFromEnv, refuseBadProvider } from './config-values.js';
import { refuseKeyInUrls } from './url-credentials.js';

/** A validated configuration plus what was derived from it (never the key itself in config). */
export interface ResolvedConfig {
  readonly config: ResolvedClientConfig;
  readonly url: URL;
  readonly apiKey: string | undefined;
  /**
   * The headers of `config.headersFromEnv` with their values read from the environment
   * (secrets, like `apiKey`); `{}` when there are none. Without `requireKey`, a header whose
   * variable is unset or empty is left out.
   */
  readonly envHeaders: Readonly<Record<string, string>>;
}

/**
 * Validates a client configuration and reads its API key and its `headersFromEnv` values from
 * the environment.
 *
 * @param input - the configuration as written
 * @param env - environment to read `apiKeyEnv` and `headersFromEnv` from (default `process.env`)
 * @param options - `requireKey` (default true): false for work that never sends a request
 *   (keying the response cache, a dry run), where a missing key leaves `apiKey` undefined
 *   and a missing header variable leaves its header out of `envHeaders`
 * @returns the parsed config, base URL, key and headers read from the environment
 * @throws ClientError `UNKNOWN_PROVIDER`, `INVALID_CONFIG`, `INVALID_BASE_URL` or `MISSING_API_KEY`
 *   (also for a `headersFromEnv` variable that is unset or empty, with its header's path);
 *   an unknown key is named with its path and the valid key it most likely meant; secret
 *   shapes are redacted from every message, and a value that looks like a key is never echoed
 * @example
 * ```ts
 * resolveConfig({ provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm' }).url.host; // '127.0.0.1:8000'
 * try {
 *   resolveConfig({ provider: 'openai-chat', base_url: 'http://127.0.0.1:8000/v1', model: 'm' });
 * } catch (error) {
 *   error.code; // 'INVALID_CONFIG'
 *   error.message; // "The client configuration is invalid: config.base_url is not a known key; did you mean 'baseUrl'?"
 * }
 * ```
 */
export function resolveConfig(
  input: ClientConfig,
  env: NodeJS.ProcessEnv = process.env,
  options: { readonly requireKey?: boolean } = {},
): ResolvedConfig {
  try {
    return resolveUnchecked(input, env, options);
  } catch (error) {
    // A config error may name a value (an unknown key, a placeholder, a path) that holds a
    // key pasted in the wrong place: secret shapes never leave in a message.
    if (!(error instanceof ClientError)) throw error;
    const message = redact(error.message, []);
    if (message === error.message) throw error;
    throw new ClientError(error.code, message, { path: error.path ?? '' });
  }
}

function resolveUnchecked(
  input: ClientConfig,
  env: NodeJS.ProcessEnv,
  options: { readonly requireKey?: boolean },
): ResolvedConfig {
  refuseBadProvider(input);
  const parsed = ClientConfigSchema.safeParse(input);
  if (!parsed.success) {
    const onlyUrlCredentials = parsed.error.issues.every(
      (issue) =>
        issue.code === 'custom' &&
        (issue.params?.urlCredential === true || issue.params?.baseUrl === true),
    );
    // throws the URL's own error: INVALID_BASE_URL for baseUrl, naming what to do instead
    if (onlyUrlCredentials) parseBaseUrl(String(input.baseUrl), String(input.requestPath ?? ''));
    const issues = configIssues(parsed.error.issues, ClientConfigSchema, 'config');
    throw new ClientError(
      'INVALID_CONFIG',
      `The client configuration is invalid: ${joinIssues(issues)}`,
      { path: issues[0]?.path ?? '' },
    );
  }
  const config = parsed.data;
  const url = parseBaseUrl(config.baseUrl, config.requestPath);
  if (config.concurrency.min > config.concurrency.max) {
    throw new ClientError(
      'INVALID_CONFIG',
      `config.concurrency.min (${config.concurrency.min}) must not exceed config.concurrency.max (${config.concurrency.max}).`,
      { path: 'concurrency.min' },
    );
  }
  if (config.provider === 'http-json') {
    if (config.template === undefined || config.paths === undefined) {
      throw new ClientError(
        'INVALID_CONFIG',
        "The 'http-json' provider needs config.template (request body with {{placeholders}}) and config.paths (e.g. { text: '$.output.text' }).",
        { path: config.template === undefined ? 'template' : 'paths' },
      );
    }
    const unknown = unknownPlaceholders(config.template);
    if (unknown.length > 0) {
      throw new ClientError(
        'INVALID_CONFIG',
        `config.template uses unknown placeholders (${unknown.join(', ')}); expected {{prompt}}, {{messages}}, {{model}}, {{temperature}}, {{maxTokens}}, {{topP}}, {{stop}}, {{seed}}, {{stream}} or {{sampleIndex}}.`,
        { path: 'template' },
      );
    }
  }
  let apiKey: string | undefined;
  if (config.apiKeyEnv !== undefined) {
    apiKey = env[config.apiKeyEnv];
    if ((apiKey === undefined || apiKey === '') && options.requireKey !== false) {
      throw missingKeyError(config.apiKeyEnv, apiKey);
    }
  }
  const envHeaders = readHeadersFromEnv(config.headersFromEnv, env, options.requireKey !== false);
  refuseKeyInUrls(
    { baseUrl: config.baseUrl, requestPath: config.requestPath },
    apiKey,
    config.apiKeyEnv,
  );
  return { config, url, apiKey, envHeaders };
}
