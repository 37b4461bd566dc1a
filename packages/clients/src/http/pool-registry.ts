import { Pool } from 'undici';
import { ConnectionDialer } from './connection-dialer.js';

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
 * anyway and a slow generation would head-of-line-block pipelined requests), each connecting
 * through a {@link ConnectionDialer} (at most 64 connects at once; connections opened ahead).
 */
export class PoolRegistry {
  readonly #pools = new Map<string, Pool>();
  readonly #dialers = new Map<string, ConnectionDialer>();
  readonly #settings: PoolSettings;

  /** @param settings - timeouts and connection count for new pools */
  constructor(settings: PoolSettings) {
    this.#settings = settings;
  }

  /** The pool for `origin`, created on first use. */
  get(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      const dialer = new ConnectionDialer(this.#settings.connectMs);
      pool = new Pool(origin, {
        connections: this.#settings.connections,
        pipelining: 1,
        connect: dialer.connect,
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
      this.#dialers.set(origin, dialer);
    }
    return pool;
  }

  /**
   * Opens connections to `origin` ahead of the requests, until the pool has `count` (at most
   * its `connections`), connected or idle and ready.
   *
   * @param origin - an origin, e.g. `http://127.0.0.1:8000`
   * @param count - connections wanted
   * @returns how many the pool has, connected or ready
   */
  async preconnect(origin: string, count: number): Promise<number> {
    const pool = this.get(origin);
    const dialer = this.#dialers.get(origin)!;
    const connected = pool.stats.connected;
    const wanted = Math.min(count, this.#settings.connections) - connected;
    const ready = await dialer.preopen(new URL(origin), wanted);
    return connected + ready;
  }

  /** Closes every pool, waiting for in-flight requests. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    for (const dialer of this.#dialers.values()) dialer.close();
    this.#dialers.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
