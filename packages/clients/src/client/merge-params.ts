import type { GenerationParams } from '../completion.js';

/**
 * A request's generation parameters over the configured ones.
 *
 * @remarks
 * Returns the configured object itself when the request has none (the common case), so no
 * copy is made on the hot path. `extra` is merged one level deep so a request can add a
 * provider field without dropping the configured ones.
 *
 * @param configured - `config.params`
 * @param requested - the request's `params`, if any
 * @returns the parameters to send
 */
export function mergeParams(
  configured: GenerationParams,
  requested: Partial<GenerationParams> | undefined,
): GenerationParams {
  if (requested === undefined) return configured;
  const merged: GenerationParams = { ...configured, ...requested };
  if (configured.extra !== undefined && requested.extra !== undefined) {
    merged.extra = { ...configured.extra, ...requested.extra };
  }
  return merged;
}
