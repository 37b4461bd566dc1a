/**
 * A map that exists only while {@link ScopedCache.within} runs: the per-preparation caches
 * of column profiles (a caller may change a loaded column between two jobs, so nothing is
 * remembered outside one preparation). Nested `within` calls share the outer map.
 */
export class ScopedCache<K extends object, V> {
  private map: Map<K, V> | undefined;

  /**
   * Runs `work` with the cache on, and forgets what it remembered afterwards.
   *
   * @param work - synchronous work over columns that do not change while it runs
   * @returns what `work` returns
   * @example
   * const value = cache.within(() => compute());
   */
  within<T>(work: () => T): T {
    const outer = this.map;
    this.map = outer ?? new Map();
    try {
      return work();
    } finally {
      this.map = outer;
    }
  }

  /** Whether the cache is on (inside {@link ScopedCache.within}). */
  get active(): boolean {
    return this.map !== undefined;
  }

  /** The value remembered for `key`, or undefined (always outside `within`). */
  get(key: K): V | undefined {
    return this.map?.get(key);
  }

  /** Remembers `value` for `key` inside `within`; does nothing outside it. */
  set(key: K, value: V): void {
    this.map?.set(key, value);
  }

  /** Forgets `key`. */
  delete(key: K): void {
    this.map?.delete(key);
  }
}
