/**
 * Deterministic uniform numbers in [0, 1) (xorshift32), for large test inputs that must be
 * the same on every run.
 *
 * @param seed - any non-zero integer
 * @returns the generator
 */
export function uniform(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
