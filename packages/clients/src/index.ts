// Clients

// Cache
export type { CacheKeyInput } from './cache/cache-key.js';
export { cacheKey, canonicalJson } from './cache/cache-key.js';
export type { CacheKeyer } from './cache/cache-keyer.js';
export { cacheKeyer } from './cache/cache-keyer.js';
export { cachedKeys, openSqliteSnapshot } from './cache/cached-keys.js';
export type { CachedCompletion, ResponseCacheOptions } from './cache/response-cache.js';
export { ResponseCache } from './cache/response-cache.js';
export { budgetLeftUnretried } from './client/attempt-loop.js';
export type { ClientStats } from './client/client-stats.js';
export type { CallOptions, CreateClientOptions, ModelClient } from './client/create-client.js';
export { createClient } from './client/create-client.js';
// Requests and completions
export type {
  ChatMessage,
  Completion,
  CompletionRequest,
  Cost,
  GenerationParams,
  RecordedTiming,
  StreamEvent,
  TokenLogprob,
  Usage,
} from './completion.js';
export { versionedBaseUrl } from './config/base-url.js';
// Configuration
export type { ClientConfig, ProviderKind, ResolvedClientConfig } from './config/client-config.js';
export { ClientConfigSchema, GenerationParamsSchema, PROVIDERS } from './config/client-config.js';
export { sameHeaderMessage } from './config/header-schemas.js';
export { looksLikeKey } from './config/key-shape.js';
export { refuseKeyInUrls } from './config/url-credentials.js';
// Errors and warnings
export type { ClientErrorCode } from './errors.js';
export { ClientError, codeForErrorClass } from './errors.js';
export { isCredentialHeader } from './http/attempt-failure.js';
export { isConnectTimeoutMessage } from './http/classify-error.js';
export { sameServedModel } from './models/same-served-model.js';
// Policies (usable on their own)
export type { AdaptiveConcurrencyOptions } from './policies/adaptive-concurrency.js';
export { AdaptiveConcurrency } from './policies/adaptive-concurrency.js';
export { ConcurrencyLimiter } from './policies/concurrency.js';
export type { RateLimitOptions } from './policies/rate-limit.js';
export { RateLimiter } from './policies/rate-limit.js';
export type { FailureInfo, RetryDecision, RetryOptions } from './policies/retry.js';
export { isTransient, RetryPolicy } from './policies/retry.js';
export {
  explicitRetryAfterMs,
  parseResetDuration,
  rateLimitResetMs,
  retryAfterMs,
} from './policies/retry-after.js';
export { TokenBucket } from './policies/token-bucket.js';
export { compileJsonPath } from './providers/json-path.js';
// Records
export type {
  AttemptRecord,
  ErrorClass,
  RequestRecord,
  UsageSource,
} from './records/request-record.js';
// Usage and cost
export type { CachePricing, Price } from './usage/price-table.js';
export {
  ANTHROPIC_CACHE_RATES,
  BUILT_IN_PRICES,
  computeCost,
  openAICachePricing,
  priceFor,
} from './usage/price-table.js';
export type { TokenizerChoice } from './usage/token-counter.js';
export { countTokens, encodingFor } from './usage/token-counter.js';
export type { ClientWarning } from './warnings.js';
export { CLIENT_WARNING_CHANNEL, onClientWarning } from './warnings.js';
