import { Pool } from 'undici';

/** Connection settings shared by every pool of a client. */
export interface PoolSettings {
  /** TCP/TLS connect timeout, ms. */
  readonly connectMs: number;
  /** Time to response headers (first byte), ms. */
  readonly headersMs: number;
  /** Most connections per origin. */
  readonly connections: number;
  /** Most bytes of one response body; undici destroys the socket past it. */
  readonly maxResponseBytes: number;
  /** Longest wait for the next byte of a response body, ms. */
  readonly idleMs: number;
}

/**
 * One undici `Pool` per origin, keep-alive, pipelining 1 (model servers answer in order
 * anyway and a slow generation would head-of-line-block pipelined requests).
 */
export class PoolRegistry {
  readonly #pools = new Map<string, Pool>();
  readonly #settings: PoolSettings;

  /** @param settings - timeouts and connection count for new pools */
  constructor(settings: PoolSettings) {
    this.#settings = settings;
  }

  /** The pool for `origin`, created on first use. */
  get(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: this.#settings.connections,
        pipelining: 1,
        connect: { timeout: this.#settings.connectMs },
        headersTimeout: this.#settings.headersMs,
        // undici's body timeout is an idle timeout: its timer is refreshed as each piece of the
        // body arrives (no per-chunk work of ours) and paused while the reader applies
        // backpressure, so a slow consumer is never mistaken for a stalled server.
        bodyTimeout: this.#settings.idleMs,
        // Counted by undici's parser as the bytes arrive (streamed or not, chunk framing
        // excluded): no per-chunk work of ours, and a hostile body is never buffered whole.
        maxResponseSize: this.#settings.maxResponseBytes,
        keepAliveTimeout: 30_000,
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  /** Closes every pool, waiting for in-flight requests. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
