import type { ResolvedClientConfig } from '../config/client-config.js';

/**
 * The provider-specific request shape that is part of every cache key: the http-json
 * template, paths and request path (two endpoints asked differently never share answers).
 *
 * @param cfg - the validated configuration
 * @returns the shape, or undefined for providers whose shape is fixed
 * @example
 * ```ts
 * const { config } = resolveConfig({ provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'm' });
 * requestShape(config); // undefined (the shape of 'openai-chat' is fixed)
 * ```
 */
export function requestShape(cfg: ResolvedClientConfig): unknown {
  return cfg.provider === 'http-json'
    ? { template: cfg.template, paths: cfg.paths, requestPath: cfg.requestPath }
    : undefined;
}
