import type { ResponseCache } from '../cache/response-cache.js';
import type { ClientConfig, ResolvedClientConfig } from '../config/client-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import { credentialsOf, redact, secretsOf } from '../http/attempt-failure.js';
import { PoolRegistry, type Transport } from '../http/pool-registry.js';
import type { ResponseLimits } from '../http/response-limits.js';
import { AdaptiveConcurrency } from '../policies/adaptive-concurrency.js';
import { ConcurrencyLimiter } from '../policies/concurrency.js';
import { RateLimiter } from '../policies/rate-limit.js';
import { RetryPolicy } from '../policies/retry.js';
import type { ProviderAdapter } from '../providers/provider.js';
import { type Price, priceFor } from '../usage/price-table.js';
import { makeProvider } from './make-provider.js';
import { requestShape } from './request-shape.js';

/**
 * Everything a client fixes at creation and shares between its calls: the validated
 * configuration, where requests go, the HTTP pools, the policies, the cache and prebuilt headers.
 *
 * @remarks
 * The API key appears only in `secrets` and `credentials` (to redact what the client returns)
 * and `authHeaders`/`defaultHeaders` (to send it); nothing else here holds it. The values of
 * `headersFromEnv` are kept the same way: in `secrets` and `credentials`, and in
 * `baseHeaders`/`defaultHeaders` to send them; `cfg` holds only their variables' names.
 */
export interface ClientContext {
  /** The validated configuration. */
  readonly cfg: ResolvedClientConfig;
  /** The base URL. */
  readonly url: URL;
  /** Strings to redact from the external text in everything the client returns or emits
   * (server bodies and messages, locations, answers): the API key and the configured
   * header values, those of `headersFromEnv` included (see `secretsOf`). */
  readonly secrets: readonly string[];
  /** The credentials among them (the API key, the values of `headersFromEnv`, credential
   * headers: see `credentialsOf`), redacted from whole messages, the client's own words
   * included, as a last defence. */
  readonly credentials: readonly string[];
  /** Builds bodies and parses answers for the configured provider. */
  readonly provider: ProviderAdapter;
  /** Path (with query) each request is sent to. */
  readonly requestPath: string;
  /** The request as messages name it, e.g. `'POST http://host/v1/chat/completions'` (the
   * configured URL, so `secrets` are redacted from it). */
  readonly what: string;
  /** The URL requests go to, without the query, e.g. `'http://host/v1/chat/completions'`. */
  readonly endpoint: string;
  /** Bounds on each response body (size, idle time). */
  readonly limits: ResponseLimits;
  /** Owns the HTTP pools; closed by `close()`. */
  readonly pools: PoolRegistry;
  /** Sends to the base URL's origin (undici, or the lean transport in benchmark mode). */
  readonly transport: Transport;
  /** Concurrency slots. */
  readonly limiter: ConcurrencyLimiter;
  /** Moves the limiter's limit on overload; undefined unless `concurrency.adaptive`. */
  readonly adaptive: AdaptiveConcurrency | undefined;
  /** Requests/tokens per minute; undefined when neither is configured. */
  readonly rateLimiter: RateLimiter | undefined;
  /** Which failures to retry and how long to wait. */
  readonly retry: RetryPolicy;
  /** The response cache; undefined when none was given or in benchmark mode. */
  readonly cache: ResponseCache | undefined;
  /** The model's price; undefined when it is not known. */
  readonly price: Price | undefined;
  /** Content negotiation and configured headers (`headers`, then `headersFromEnv`'s), without auth. */
  readonly baseHeaders: Readonly<Record<string, string>>;
  /** The provider's auth headers (they hold the key). */
  readonly authHeaders: Readonly<Record<string, string>>;
  /** `baseHeaders` and `authHeaders` merged once, for requests without headers of their own. */
  readonly defaultHeaders: Record<string, string>;
  /** Whether `stream()` calls go over SSE. */
  readonly canStream: boolean;
  /** The http-json request shape, part of the cache key; undefined for other providers. */
  readonly shape: unknown;
  /** Set by `close()`: from then on no attempt starts (the pools are gone). */
  readonly closed: { value: boolean };
}

/**
 * What a call that cannot be sent because its client was closed says.
 *
 * @param what - the request as messages name it (`ClientContext.what`)
 * @returns the message
 * @example
 * ```ts
 * closedMessage('POST http://h/v1/chat/completions');
 * // 'The request POST http://h/v1/chat/completions was not sent: its client was closed (client.close()); create a new client to send more requests.'
 * ```
 */
export function closedMessage(what: string): string {
  return `The request ${what} was not sent: its client was closed (client.close()); create a new client to send more requests.`;
}

/**
 * Validates a configuration, reads its API key and builds the client's shared context.
 *
 * @param config - the client configuration
 * @param cache - a response cache shared by clients, if any
 * @param env - environment to read `apiKeyEnv` and `headersFromEnv` from (default `process.env`)
 * @returns the context
 * @throws ClientError `UNKNOWN_PROVIDER`, `INVALID_CONFIG`, `INVALID_BASE_URL`, `MISSING_API_KEY`
 */
export function createClientContext(
  config: ClientConfig,
  cache: ResponseCache | undefined,
  env: NodeJS.ProcessEnv | undefined,
): ClientContext {
  const { config: cfg, url, apiKey, envHeaders } = resolveConfig(config, env);
  const provider = makeProvider(cfg);
  const basePath = url.pathname.replace(/\/+$/, '');
  const pools = new PoolRegistry({
    connectMs: cfg.timeouts.connectMs,
    headersMs: cfg.timeouts.headersMs,
    connections: cfg.concurrency.max,
    maxResponseBytes: cfg.maxResponseBytes,
    idleMs: cfg.timeouts.idleMs,
    // a load test measures the service against the client's own cost per request
    lean: cfg.benchmarkMode,
  });
  const limiter = new ConcurrencyLimiter(cfg.concurrency.max);
  // headersFromEnv's go where the configured headers go: no name is in both (the schema
  // refuses that), and the client's own headers are merged with them the same way
  const configured = { ...cfg.headers, ...envHeaders };
  const baseHeaders: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...configured,
  };
  const authHeaders = provider.authHeaders(apiKey);
  const secrets = secretsOf(apiKey, configured, true);
  return {
    cfg,
    url,
    secrets,
    // values from the environment are credentials whatever their header is called, as the key is
    credentials: credentialsOf(apiKey, cfg.headers, Object.values(envHeaders)),
    provider,
    requestPath: `${basePath}${provider.path}${url.search}`,
    what: redact(`POST ${url.origin}${basePath}${provider.path}`, secrets),
    endpoint: `${url.origin}${basePath}${provider.path}`,
    limits: {
      maxResponseBytes: cfg.maxResponseBytes,
      idleMs: cfg.timeouts.idleMs,
      connectMs: cfg.timeouts.connectMs,
      headersMs: cfg.timeouts.headersMs,
      totalMs: cfg.timeouts.totalMs,
    },
    pools,
    transport: pools.get(url.origin),
    limiter,
    adaptive: cfg.concurrency.adaptive
      ? new AdaptiveConcurrency(limiter, {
          min: cfg.concurrency.min,
          max: cfg.concurrency.max,
          increaseAfter: cfg.concurrency.increaseAfter,
        })
      : undefined,
    rateLimiter:
      cfg.rateLimit !== undefined &&
      (cfg.rateLimit.rpm !== undefined || cfg.rateLimit.tpm !== undefined)
        ? new RateLimiter(cfg.rateLimit)
        : undefined,
    retry: new RetryPolicy(cfg.retry),
    // Benchmark mode measures the service, so it never answers from the cache.
    cache: cfg.benchmarkMode ? undefined : cache,
    price: priceFor(cfg.model, cfg.price),
    baseHeaders,
    authHeaders,
    defaultHeaders: { ...baseHeaders, ...authHeaders },
    // An http-json endpoint without a stream text path is called without SSE; stream() then
    // yields its answer as one delta.
    canStream: cfg.provider !== 'http-json' || cfg.paths?.streamText !== undefined,
    shape: requestShape(cfg),
    closed: { value: false },
  };
}
