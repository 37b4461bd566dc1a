import type { Socket } from 'node:net';
import { errors } from 'undici';
import type { AbortScope } from './abort-scope.js';
import { type ConnectionDialer, connectOptions } from './connection-dialer.js';
import { abortReason, type DispatchedResponse, type DispatchOptions } from './dispatch-response.js';
import { type ConnectionOwner, Http1Connection } from './http1-connection.js';
import { type ExchangeLimits, Http1Exchange } from './http1-exchange.js';
import { http1RequestBytes } from './http1-request.js';
import { LinkedList } from './linked-list.js';

/** How the lean pool connects and bounds its exchanges. */
export interface Http1PoolSettings extends ExchangeLimits {
  /** Most connections open at once. */
  readonly connections: number;
  /** Longest idle time of a kept-alive connection, ms (less where the server says less). */
  readonly keepAliveMs: number;
}

/**
 * The lean HTTP/1.1 transport of one origin: keep-alive connections, one request at a time on
 * each (no pipelining), FIFO for requests that find every connection busy. Benchmark mode
 * sends through it instead of undici (see the clients README, "Benchmark mode").
 *
 * @remarks
 * It keeps undici's contract where the client depends on it: the same timeouts (connect
 * through the {@link ConnectionDialer}, which is undici's connector; head; body idle), the
 * same response size bound, and undici's error classes and codes, so that every failure is
 * classified as before. What it drops is what a load generator pays for and does not use:
 * a request object and handler chain per request, the `llhttp` WebAssembly parser for
 * responses of a few headers, and a head and body written apart.
 *
 * @example
 * ```ts
 * const origin = new URL(baseUrl).origin;
 * const dialer = new ConnectionDialer(10_000);
 * const pool = new Http1Pool(new URL(origin), dialer, {
 *   connections: 4, keepAliveMs: 30_000, headersMs: 60_000, idleMs: 60_000,
 *   maxResponseBytes: 1 << 20,
 * });
 * const scope = new AbortScope(undefined, 60_000);
 * const body = Buffer.from(JSON.stringify({ model: 'assay-spam-nb',
 *   messages: [{ role: 'user', content: 'WIN A FREE PRIZE' }] }));
 * const res = await pool.dispatch({ path: '/v1/chat/completions',
 *   headers: { 'content-type': 'application/json' }, body }, scope);
 * res.statusCode; // 200
 * let text = '';
 * await res.read((piece) => { text += piece; return true; });
 * JSON.parse(text).choices[0].message.content; // 'spam'
 * scope.dispose();
 * await pool.close();
 * ```
 */
export class Http1Pool implements ConnectionOwner {
  readonly #host: string;
  readonly #connect: Parameters<ConnectionDialer['connect']>[0];
  readonly #dialer: ConnectionDialer;
  readonly #settings: Http1PoolSettings;
  readonly #idle: Http1Connection[] = [];
  readonly #queue = new LinkedList<Http1Exchange>();
  /** Connections open or being dialled. */
  #open = 0;
  /** Connections carrying an exchange. */
  #busy = 0;
  #closed = false;
  #closing: Promise<void> | undefined;
  #drained: (() => void) | undefined;

  /**
   * @param origin - the origin, e.g. `http://127.0.0.1:8000`
   * @param dialer - opens the connections
   * @param settings - connection count, keep-alive, timeouts and size bound
   */
  constructor(origin: URL, dialer: ConnectionDialer, settings: Http1PoolSettings) {
    this.#host = origin.host;
    this.#connect = connectOptions(origin);
    this.#dialer = dialer;
    this.#settings = settings;
  }

  /** Connections open, or being opened, now. */
  get connections(): number {
    return this.#open;
  }

  /**
   * Sends a POST, resolving once the response head arrives (the {@link DispatchedResponse}
   * contract of the undici transport).
   *
   * @param options - path, headers and body
   * @param scope - the attempt's abort scope: aborting it fails the request with its reason
   * @returns the response, body unread
   */
  dispatch(options: DispatchOptions, scope: AbortScope): Promise<DispatchedResponse> {
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new errors.ClientClosedError());
        return;
      }
      const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
      const bytes = http1RequestBytes(options.path, this.#host, options.headers, body);
      const exchange = new Http1Exchange(bytes, this.#settings, { resolve, reject });
      scope.onAbort(() => this.#abort(exchange, abortReason(scope.reason)));
      if (exchange.destroyed) return;
      const connection = this.#idle.pop();
      if (connection !== undefined) {
        this.#busy++;
        connection.send(exchange);
        return;
      }
      exchange.queued = this.#queue.push(exchange);
      if (this.#open < this.#settings.connections) this.#dial();
    });
  }

  /**
   * Closes the pool once the requests it holds have ended; later requests are refused.
   *
   * @returns resolves when every connection is closed
   */
  close(): Promise<void> {
    // a second call gets the first one's promise
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    if (this.#busy > 0 || this.#queue.first !== undefined) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
      });
    }
    // each leaves the idle list through closed()
    for (const connection of [...this.#idle]) connection.destroy(new errors.ClientClosedError());
  }

  released(connection: Http1Connection): void {
    this.#busy--;
    this.#available(connection);
  }

  closed(connection: Http1Connection): void {
    this.#open--;
    const at = this.#idle.indexOf(connection);
    if (at === -1) this.#busy--;
    else this.#idle.splice(at, 1);
    if (this.#queue.first !== undefined && this.#open < this.#settings.connections) this.#dial();
    this.#checkDrained();
  }

  #available(connection: Http1Connection): void {
    const next = this.#queue.first;
    if (next !== undefined) {
      this.#queue.remove(next);
      next.value.queued = undefined;
      this.#busy++;
      connection.send(next.value);
      return;
    }
    if (this.#closed) {
      // counted busy until closed(), which takes it off again
      this.#busy++;
      connection.destroy(new errors.ClientClosedError());
      return;
    }
    this.#idle.push(connection);
    connection.idle();
  }

  #dial(): void {
    this.#open++;
    this.#dialer.connect(this.#connect, (error: Error | null, socket: Socket | null) => {
      if (error !== null || socket === null) {
        this.#open--;
        // the request that waited longest learns why; the others wait for the next dial
        const first = this.#queue.first;
        if (first !== undefined) {
          this.#queue.remove(first);
          first.value.queued = undefined;
          first.value.fail(error ?? new errors.SocketError('no socket'));
        }
        if (this.#queue.first !== undefined && this.#open < this.#settings.connections) {
          this.#dial();
        }
        this.#checkDrained();
        return;
      }
      this.#available(new Http1Connection(socket, this, this.#settings.keepAliveMs));
    });
  }

  #abort(exchange: Http1Exchange, reason: Error): void {
    if (exchange.destroyed) return;
    if (exchange.queued !== undefined) {
      this.#queue.remove(exchange.queued);
      exchange.queued = undefined;
      exchange.fail(reason);
      this.#checkDrained();
      return;
    }
    exchange.abort(reason);
  }

  #checkDrained(): void {
    if (this.#drained === undefined || this.#busy > 0 || this.#queue.first !== undefined) return;
    const drained = this.#drained;
    this.#drained = undefined;
    drained();
  }
}
