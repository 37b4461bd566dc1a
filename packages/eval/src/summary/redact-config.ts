import type { RunConfig } from '../config/run-config-schema.js';

/**
 * The configuration as `results.json` keeps it: header values replaced by
 * `<redacted>` (they may carry tokens), names kept.
 *
 * @param config - the validated configuration
 * @returns a plain JSON copy
 * @example
 * const withToken = { ...config, models: [{ ...config.models[0], headers: { authorization: 'Bearer sk-secret' } }] };
 * redactConfig(withToken).models[0].headers; // { authorization: '<redacted>' }
 */
export function redactConfig(config: RunConfig): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(config, (key, value) =>
      key === 'headers' && value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).map((k) => [k, '<redacted>']))
        : value,
    ),
  ) as Record<string, unknown>;
}
