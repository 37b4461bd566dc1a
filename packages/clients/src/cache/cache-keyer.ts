import { mergeParams } from '../client/merge-params.js';
import { requestShape } from '../client/request-shape.js';
import type { CompletionRequest, GenerationParams } from '../completion.js';
import type { ClientConfig, ResolvedClientConfig } from '../config/client-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import { cacheKey } from './cache-key.js';

/**
 * The cache key of one call, from what a client fixes at creation and the call itself: the
 * one definition both a live client and {@link cacheKeyer} use.
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
  return cacheKey({
    provider: cfg.provider,
    baseUrl: url.href,
    model: cfg.model,
    params: params as Record<string, unknown>,
    messages: request.messages,
    prompt: request.prompt,
    sampleIndex: request.sampleIndex,
    shape,
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
 * Validates the configuration and reads the API key exactly as `createClient` does, so a
 * configuration it accepts is one `createClient` accepts.
 *
 * @param config - the client configuration
 * @param env - environment to read `apiKeyEnv` from (default `process.env`)
 * @returns whether the client would read the cache, and its key of a request
 * @throws ClientError `UNKNOWN_PROVIDER`, `INVALID_CONFIG`, `INVALID_BASE_URL`, `MISSING_API_KEY`
 * @example
 * ```ts
 * import { cacheKeyer } from '@assay/clients';
 * const keyer = cacheKeyer({ provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm' });
 * keyer.key({ messages: [{ role: 'user', content: 'hi' }] }); // 64 hex characters
 * ```
 */
export function cacheKeyer(config: ClientConfig, env?: NodeJS.ProcessEnv): CacheKeyer {
  // a cache key never holds the API key, so keying needs none (a dry run may have none yet)
  const { config: cfg, url } = resolveConfig(config, env, { requireKey: false });
  const shape = requestShape(cfg);
  return {
    usesCache: !cfg.benchmarkMode,
    key: (request) => callKey(cfg, url, shape, request, mergeParams(cfg.params, request.params)),
  };
}
