import { mergeParams } from '../client/merge-params.js';
import { requestShape } from '../client/request-shape.js';
import type { CompletionRequest, GenerationParams } from '../completion.js';
import type { ClientConfig, ResolvedClientConfig } from '../config/client-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import { cacheKey } from './cache-key.js';

/**
 * The headers a call sends beside its body, auth excepted: the configured ones, then the
 * request's own (which win, as they do on the wire). Undefined when there are none.
 */
function sentHeaders(
  cfg: ResolvedClientConfig,
  request: CompletionRequest,
): Readonly<Record<string, string>> | undefined {
  if (request.headers === undefined) return cfg.headers;
  return cfg.headers === undefined ? request.headers : { ...cfg.headers, ...request.headers };
}

/**
 * The `headersFromEnv` headers a call sends (header name to variable name), those the request
 * sets itself excepted (its own value wins on the wire). Undefined when there are none.
 */
function sentEnvHeaders(
  cfg: ResolvedClientConfig,
  request: CompletionRequest,
): Readonly<Record<string, string>> | undefined {
  if (cfg.headersFromEnv === undefined || request.headers === undefined) return cfg.headersFromEnv;
  const own = new Set(Object.keys(request.headers).map((name) => name.toLowerCase()));
  return Object.fromEntries(
    Object.entries(cfg.headersFromEnv).filter(([name]) => !own.has(name.toLowerCase())),
  );
}

/** Providers whose body holds `request.prompt` as the one user message it is sent as. */
const PROMPT_AS_USER_MESSAGE = new Set(['openai-chat', 'anthropic']);

/**
 * The cache key of one call, from what a client fixes at creation and the call itself: the
 * one definition both a live client and {@link cacheKeyer} use.
 *
 * @remarks
 * A chat provider (`openai-chat`, `anthropic`) sends `{ prompt: p }` as
 * `messages: [{ role: 'user', content: p }]`, the very body a request with that one message
 * gets, so the prompt is keyed as that message and the two share an entry. Keys of requests
 * with `messages` are unchanged; a prompt's key from before is {@link legacyCallKey}. The
 * configured and per-request headers are part of the key (hashed, see `cacheKey`); the
 * headers of `headersFromEnv` by name and variable only, never their values.
 *
 * @param cfg - the validated configuration
 * @param url - the parsed base URL
 * @param shape - the provider's request shape ({@link requestShape})
 * @param request - the caller's request
 * @param params - the merged generation parameters
 * @returns the key
 */
export function callKey(
  cfg: ResolvedClientConfig,
  url: URL,
  shape: unknown,
  request: CompletionRequest,
  params: GenerationParams,
): string {
  const asMessages =
    request.messages === undefined &&
    request.prompt !== undefined &&
    PROMPT_AS_USER_MESSAGE.has(cfg.provider);
  return cacheKey({
    provider: cfg.provider,
    baseUrl: url.href,
    model: cfg.model,
    params: params as Record<string, unknown>,
    messages: asMessages ? [{ role: 'user', content: request.prompt }] : request.messages,
    prompt: asMessages ? undefined : request.prompt,
    sampleIndex: request.sampleIndex,
    shape,
    headers: sentHeaders(cfg, request),
    envHeaders: sentEnvHeaders(cfg, request),
  });
}

/**
 * The key a prompt request of a chat provider had before prompts were keyed as their user
 * message ({@link callKey}), so that entries written then are still found; undefined for any
 * other request, whose key did not change.
 *
 * @param cfg - the validated configuration
 * @param url - the parsed base URL
 * @param shape - the provider's request shape
 * @param request - the caller's request
 * @param params - the merged generation parameters
 * @returns the earlier key, or undefined
 */
export function legacyCallKey(
  cfg: ResolvedClientConfig,
  url: URL,
  shape: unknown,
  request: CompletionRequest,
  params: GenerationParams,
): string | undefined {
  if (request.messages !== undefined || !PROMPT_AS_USER_MESSAGE.has(cfg.provider)) {
    return undefined;
  }
  return cacheKey({
    provider: cfg.provider,
    baseUrl: url.href,
    model: cfg.model,
    params: params as Record<string, unknown>,
    prompt: request.prompt,
    sampleIndex: request.sampleIndex,
    shape,
    headers: sentHeaders(cfg, request),
    envHeaders: sentEnvHeaders(cfg, request),
  });
}

/** The cache keys a client of one configuration would use; from {@link cacheKeyer}. */
export interface CacheKeyer {
  /** Whether such a client reads the cache at all (not in `benchmarkMode`). */
  readonly usesCache: boolean;
  /** The key `complete(request)` would look up and store its answer under. */
  key(request: CompletionRequest): string;
}

/**
 * The response-cache keys of a configuration, without creating a client: for planning
 * (which requests a cache already answers) with no pool, timer or connection.
 *
 * @remarks
 * Validates the configuration exactly as `createClient` does, so a configuration it accepts
 * is one `createClient` accepts; it needs neither the API key nor the `headersFromEnv`
 * values, which no key holds (a dry run may have none yet).
 *
 * @param config - the client configuration
 * @param env - the environment, as `createClient` takes it (default `process.env`); neither the
 *   key nor a `headersFromEnv` value need be in it
 * @returns whether the client would read the cache, and its key of a request
 * @throws ClientError `UNKNOWN_PROVIDER`, `INVALID_CONFIG`, `INVALID_BASE_URL`, `MISSING_API_KEY`
 * @example
 * ```ts
 * import { cacheKeyer } from '@assay/clients';
 * const keyer = cacheKeyer({ provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm' });
 * keyer.usesCache; // true
 * keyer.key({ messages: [{ role: 'user', content: 'hi' }] }).length; // 64 (hex characters)
 * ```
 */
export function cacheKeyer(config: ClientConfig, env?: NodeJS.ProcessEnv): CacheKeyer {
  // a cache key never holds the API key or a headersFromEnv value, so keying needs none (a dry
  // run may have none yet)
  const { config: cfg, url } = resolveConfig(config, env, { requireKey: false });
  const shape = requestShape(cfg);
  return {
    usesCache: !cfg.benchmarkMode,
    key: (request) => callKey(cfg, url, shape, request, mergeParams(cfg.params, request.params)),
  };
}
