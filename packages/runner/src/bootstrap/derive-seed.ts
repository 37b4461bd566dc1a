/**
 * A well-mixed 32-bit seed for stream `stream`, item `index` of a run seeded
 * with `seed` (murmur3's finaliser over the three words), so that every
 * bootstrap batch has its own generator and results do not depend on which
 * worker runs which batch.
 *
 * @param seed - the run's seed
 * @param stream - which kind of draw (e.g. 1 = multinomial, 2 = row resampling)
 * @param index - item within the stream (selection, replicate)
 * @returns a seed in [0, 2^32)
 */
export function deriveSeed(seed: number, stream: number, index: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
