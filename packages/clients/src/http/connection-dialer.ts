import type { Socket } from 'node:net';
import { buildConnector } from 'undici';

/**
 * Most connection attempts of one pool at once. A server's listen backlog is 511 by default
 * (Node's); a burst of connects beyond it overflows the accept queue, the dropped SYNs are
 * retried by the kernel after 1 s, 3 s, …, and a load test that needed the connections
 * then stalls for seconds.
 */
const MAX_PENDING_CONNECTS = 64;

type Callback = buildConnector.Callback;
type ConnectOptions = buildConnector.Options;

/**
 * The connector of one undici pool: opens its TCP (and TLS) connections, at most
 * {@link MAX_PENDING_CONNECTS} at once, and can open them ahead of the requests
 * ({@link ConnectionDialer.preopen}) so that a load's requests do not wait for handshakes.
 *
 * @remarks
 * Connections opened ahead wait idle here until the pool asks for one (it does when every
 * connection it has is busy); one that the server closes or writes to meanwhile is dropped.
 * Connecting is undici's own `buildConnector` (keep-alive, no Nagle, TLS session reuse).
 *
 * @example
 * ```ts
 * const origin = new URL(baseUrl).origin;
 * const dialer = new ConnectionDialer(10_000);
 * const pool = new Pool(origin, { connect: dialer.connect });
 * await dialer.preopen(new URL(origin), 4); // 4 (connections opened)
 * dialer.spare; // 4 (idle until the pool asks for them)
 * await pool.close();
 * dialer.close();
 * ```
 */
export class ConnectionDialer {
  readonly #dial: buildConnector.connector;
  readonly #maxPending: number;
  #pending = 0;
  readonly #waiting: (() => void)[] = [];
  /** Connections opened ahead, idle, newest last. */
  readonly #spare: Socket[] = [];
  #closed = false;

  /**
   * @param connectMs - connect (and TLS handshake) timeout, ms
   * @param maxPending - most connection attempts at once
   */
  constructor(connectMs: number, maxPending: number = MAX_PENDING_CONNECTS) {
    this.#dial = buildConnector({ timeout: connectMs });
    this.#maxPending = maxPending;
  }

  /** Idle connections opened ahead and not yet taken by the pool. */
  get spare(): number {
    return this.#spare.length;
  }

  /** undici's `connect` option: a connection opened ahead if there is one, else a new one. */
  readonly connect: buildConnector.connector = (options, callback) => {
    let spare = this.#spare.pop();
    while (spare?.destroyed) spare = this.#spare.pop();
    if (spare !== undefined) {
      release(spare);
      // undici expects the callback after `connect` returns, as with a real dial
      queueMicrotask(() => callback(null, spare));
      return;
    }
    this.#gated(options, callback);
  };

  /**
   * Opens connections to `origin` until `count` are idle here, at most
   * {@link MAX_PENDING_CONNECTS} at a time.
   *
   * @param origin - the pool's origin
   * @param count - idle connections wanted
   * @returns how many are idle here afterwards (fewer where connects failed)
   */
  async preopen(origin: URL, count: number): Promise<number> {
    const options = connectOptions(origin);
    const wanted = Math.max(0, count - this.#spare.length);
    const opened = await Promise.all(
      Array.from(
        { length: wanted },
        () =>
          new Promise<Socket | null>((resolve) =>
            this.#gated(options, (error, socket) => resolve(error === null ? socket : null)),
          ),
      ),
    );
    for (const socket of opened) if (socket !== null) this.#keep(socket);
    return this.#spare.length;
  }

  /** Closes the idle connections; later ones are closed as they open. */
  close(): void {
    this.#closed = true;
    for (const socket of this.#spare.splice(0)) socket.destroy();
  }

  #gated(options: ConnectOptions, callback: Callback): void {
    if (this.#pending >= this.#maxPending) {
      this.#waiting.push(() => this.#gated(options, callback));
      return;
    }
    this.#pending++;
    let settled = false;
    const done: Callback = (...args) => {
      if (settled) return;
      settled = true;
      this.#pending--;
      this.#waiting.shift()?.();
      callback(...args);
    };
    try {
      this.#dial(options, done);
    } catch (error) {
      // a connector that throws (bad options) must not hold its place in the gate
      done(error as Error, null);
    }
  }

  #keep(socket: Socket): void {
    if (this.#closed || socket.destroyed) {
      socket.destroy();
      return;
    }
    const drop = (): void => {
      const at = this.#spare.indexOf(socket);
      if (at !== -1) this.#spare.splice(at, 1);
      release(socket);
      socket.destroy();
    };
    // read while idle, so that the server's FIN (or anything it sends before a request,
    // which makes the connection unusable for HTTP/1) is seen and the connection dropped
    socket.on('data', drop).on('end', drop).on('error', drop).on('close', drop).resume();
    (socket as SpareSocket)[DROP] = drop;
    this.#spare.push(socket);
  }
}

/**
 * The connector's options for an origin (an IPv6 host without its brackets).
 *
 * @param origin - e.g. `http://[::1]:8000`
 * @returns hostname, host, protocol and port
 * @example
 * connectOptions(new URL('http://[::1]:8000')).hostname; // '::1'
 */
export function connectOptions(origin: URL): ConnectOptions {
  return {
    hostname: origin.hostname.replace(/^\[(.*)\]$/, '$1'),
    host: origin.host,
    protocol: origin.protocol,
    port: origin.port,
  };
}

const DROP = Symbol('drop');
type SpareSocket = Socket & { [DROP]?: (() => void) | undefined };

/** Hands an idle connection over: our listeners off, reading paused for undici's parser. */
function release(socket: SpareSocket): void {
  const drop = socket[DROP];
  if (drop === undefined) return;
  socket[DROP] = undefined;
  socket.pause();
  socket.off('data', drop).off('end', drop).off('error', drop).off('close', drop);
}
