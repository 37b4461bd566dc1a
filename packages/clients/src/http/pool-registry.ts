import { Pool } from 'undici';
import type { AbortScope } from './abort-scope.js';
import { ConnectionDialer } from './connection-dialer.js';
import {
  type DispatchedResponse,
  type DispatchOptions,
  dispatchRequest,
} from './dispatch-response.js';
import { Http1Pool } from './http1-pool.js';

/** Sends one request of a client and hands back its response once the head has arrived. */
export interface Transport {
  /**
   * @param options - path, headers and body of the POST
   * @param scope - the attempt's abort scope
   * @returns the response, body unread
   * @throws undici's error (or the lean transport's, of the same classes) when no head arrives
   */
  dispatch(options: DispatchOptions, scope: AbortScope): Promise<DispatchedResponse>;
}

/** Keep-alive time of an idle connection (less where the server announces less). */
const KEEP_ALIVE_MS = 30_000;

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
  /**
   * Send through the lean HTTP/1.1 transport ({@link Http1Pool}) instead of undici: benchmark
   * mode does, where the client's own cost per request is what a load test measures against.
   */
  readonly lean: boolean;
}

interface Origin {
  readonly transport: Transport;
  readonly dialer: ConnectionDialer;
  /** Connections open or ready now. */
  connected(): number;
  close(): Promise<void>;
}

/**
 * One pool per origin, keep-alive, pipelining 1 (model servers answer in order anyway and a
 * slow generation would head-of-line-block pipelined requests), each connecting through a
 * {@link ConnectionDialer} (at most 64 connects at once; connections opened ahead). The pool
 * is undici's, or the lean {@link Http1Pool} when `settings.lean`.
 */
export class PoolRegistry {
  readonly #origins = new Map<string, Origin>();
  readonly #settings: PoolSettings;

  /** @param settings - timeouts and connection count for new pools */
  constructor(settings: PoolSettings) {
    this.#settings = settings;
  }

  /** The transport for `origin`, created on first use. */
  get(origin: string): Transport {
    return this.#origin(origin).transport;
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
    const entry = this.#origin(origin);
    const connected = entry.connected();
    const wanted = Math.min(count, this.#settings.connections) - connected;
    const ready = await entry.dialer.preopen(new URL(origin), wanted);
    return connected + ready;
  }

  /** Closes every pool, waiting for in-flight requests. */
  async close(): Promise<void> {
    const origins = [...this.#origins.values()];
    this.#origins.clear();
    for (const origin of origins) origin.dialer.close();
    await Promise.all(origins.map((origin) => origin.close()));
  }

  #origin(origin: string): Origin {
    let entry = this.#origins.get(origin);
    if (entry === undefined) {
      const dialer = new ConnectionDialer(this.#settings.connectMs);
      entry = this.#settings.lean ? this.#lean(origin, dialer) : this.#undici(origin, dialer);
      this.#origins.set(origin, entry);
    }
    return entry;
  }

  #lean(origin: string, dialer: ConnectionDialer): Origin {
    const s = this.#settings;
    const pool = new Http1Pool(new URL(origin), dialer, {
      connections: s.connections,
      keepAliveMs: KEEP_ALIVE_MS,
      headersMs: s.headersMs,
      idleMs: s.idleMs,
      maxResponseBytes: s.maxResponseBytes,
    });
    return {
      transport: pool,
      dialer,
      connected: () => pool.connections,
      close: () => pool.close(),
    };
  }

  #undici(origin: string, dialer: ConnectionDialer): Origin {
    const s = this.#settings;
    const pool = new Pool(origin, {
      connections: s.connections,
      pipelining: 1,
      connect: dialer.connect,
      headersTimeout: s.headersMs,
      // undici's body timeout is an idle timeout: its timer is refreshed as each piece of the
      // body arrives (no per-chunk work of ours) and paused while the reader applies
      // backpressure, so a slow consumer is never mistaken for a stalled server.
      bodyTimeout: s.idleMs,
      // Counted by undici's parser as the bytes arrive (streamed or not, chunk framing
      // excluded): no per-chunk work of ours, and a hostile body is never buffered whole.
      maxResponseSize: s.maxResponseBytes,
      keepAliveTimeout: KEEP_ALIVE_MS,
    });
    return {
      transport: { dispatch: (options, scope) => dispatchRequest(pool, options, scope) },
      dialer,
      connected: () => pool.stats.connected,
      close: () => pool.close(),
    };
  }
}
