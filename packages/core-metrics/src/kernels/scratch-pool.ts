const releasers: Array<() => void> = [];

/**
 * Registers a function that drops one module's reusable scratch buffers.
 *
 * @param release - called by {@link releaseSortScratch}
 * @example
 * ```ts
 * let released = 0;
 * registerScratch(() => released++);
 * releaseSortScratch();
 * released; // 1
 * ```
 */
export function registerScratch(release: () => void): void {
  releasers.push(release);
}

/**
 * Frees the scratch buffers the score kernels and public score functions keep
 * between calls (the radix sort's ping-pong buffers, the class-split score
 * buffer and the encoded-label buffers). They grow to the largest input seen —
 * about 21 bytes a row without weights, 33 with — and are kept because touching
 * fresh memory is a large share of the cost at 10M rows. Each thread has its own.
 *
 * @example
 * ```ts
 * import { releaseSortScratch, rocAucScore } from '@assay/core-metrics';
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75 (grows the buffers)
 * releaseSortScratch(); // undefined (gives them back to the GC)
 * ```
 * @see {@link radixSortFloat64}
 */
export function releaseSortScratch(): void {
  for (const release of releasers) release();
}
