import { createHash } from 'node:crypto';

/**
 * A seed drawn from `evaluation.seed` and names (what is resampled, the model's name, the
 * metric's name): the first 32 bits of the SHA-256 of their JSON, so the same names under the
 * same seed always give the same stream, wherever the model is listed and whichever models run
 * beside it. A seed from the model's position (`seed + 1 + i`) moved a model's interval when
 * the models were reordered or another was added (`f1_macro.ci_low` 0.6873 alone, 0.6896 listed
 * second), and with it any interval threshold.
 *
 * @param seed - `evaluation.seed`
 * @param names - what the stream is for, then the model's (and metric's) names
 * @returns an unsigned 32-bit seed
 * @example
 * namedSeed(0, 'metrics', 'nb') === namedSeed(0, 'metrics', 'nb'); // true
 * namedSeed(0, 'metrics', 'nb') === namedSeed(0, 'metrics', 'nb-v2'); // false
 */
export function namedSeed(seed: number, ...names: readonly string[]): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([seed >>> 0, ...names]))
    .digest();
  return digest.readUInt32BE(0);
}
