/**
 * A seeded pseudo-random generator (mulberry32) for reproducible fault runs.
 *
 * @param seed - any 32-bit integer
 * @returns a function giving uniform numbers in [0, 1)
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws one standard normal variate (Box-Muller).
 *
 * @param random - uniform source
 * @returns a sample of N(0, 1)
 */
export function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
