import type { Socket } from 'node:net';
import { errors } from 'undici';
import {
  type DeadlineEntry,
  type Expiring,
  trackDeadline,
  untrackDeadline,
} from './deadline-queue.js';
import type { ExchangeCarrier, Http1Exchange } from './http1-exchange.js';
import { Http1ResponseParser, type ResponseHead } from './http1-parser.js';

/** What a connection tells the pool that owns it. */
export interface ConnectionOwner {
  /** The exchange ended and the connection may carry the next request. */
  released(connection: Http1Connection): void;
  /** The connection closed (idle or busy); it is gone from the pool. */
  closed(connection: Http1Connection): void;
}

/** Most bytes of a response head, as undici's default `maxHeaderSize`. */
const MAX_HEAD_BYTES = 16_384;
/** How long before the server's announced keep-alive timeout an idle connection is dropped. */
const KEEP_ALIVE_MARGIN_MS = 2_000;

/**
 * The server's `Keep-Alive: timeout=N`, in ms, less a margin (a request sent just as the
 * server closes the connection would fail); undefined when the header does not say.
 */
function keepAliveHint(head: ResponseHead): number | undefined {
  const { headers } = head;
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] !== 'keep-alive') continue;
    const timeout = /(?:^|[,;\s])timeout\s*=\s*(\d+)/i.exec(headers[i + 1]!);
    if (timeout !== null) return Number(timeout[1]) * 1000 - KEEP_ALIVE_MARGIN_MS;
  }
  return undefined;
}

/**
 * One keep-alive HTTP/1.1 connection of the lean transport: writes each request in one
 * write, parses its response with {@link Http1ResponseParser} and hands it to the exchange.
 * Idle, it reads on: the server's FIN (or any byte, which makes it unusable) closes it, and it
 * closes itself before the server's announced keep-alive timeout.
 */
export class Http1Connection implements ExchangeCarrier, Expiring {
  deadline = 0;
  readonly #socket: Socket;
  readonly #owner: ConnectionOwner;
  readonly #parser: Http1ResponseParser;
  readonly #keepAliveMs: number;
  #idleMs: number;
  #exchange: Http1Exchange | undefined;
  #reusable = false;
  #closed = false;
  #idleEntry: DeadlineEntry | undefined;

  /**
   * @param socket - a connected socket (TCP or TLS)
   * @param owner - the pool
   * @param keepAliveMs - longest idle time before the connection is closed, ms
   */
  constructor(socket: Socket, owner: ConnectionOwner, keepAliveMs: number) {
    this.#socket = socket;
    this.#owner = owner;
    this.#keepAliveMs = keepAliveMs;
    this.#idleMs = keepAliveMs;
    this.#parser = new Http1ResponseParser(
      {
        onHead: (head) => {
          const hint = keepAliveHint(head);
          this.#idleMs = hint === undefined ? this.#keepAliveMs : Math.min(hint, this.#keepAliveMs);
          this.#exchange?.head(head);
        },
        onBody: (piece) => this.#exchange?.body(piece),
        onEnd: (reusable) => {
          this.#reusable = reusable;
        },
      },
      MAX_HEAD_BYTES,
    );
    socket
      .on('data', this.#onData)
      .on('end', this.#onEnd)
      .on('error', this.#onError)
      .on('close', this.#onClose);
    socket.setNoDelay(true);
    socket.resume();
  }

  /** Whether the socket is gone. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Writes `exchange`'s request; its response goes to it.
   *
   * @param exchange - the request, not yet sent
   */
  send(exchange: Http1Exchange): void {
    this.#stopIdle();
    this.#exchange = exchange;
    this.#parser.reset();
    exchange.sent(this);
    this.#socket.write(exchange.bytes);
  }

  /** Waits idle for the next request, at most the keep-alive time (see {@link keepAliveHint}). */
  idle(): void {
    if (this.#idleMs < 1000) {
      // too short to be worth the risk of sending on a connection the server is closing
      this.destroy(new errors.SocketError('keep-alive timeout'));
      return;
    }
    this.deadline = performance.now() + this.#idleMs;
    this.#idleEntry = trackDeadline(this, this.#idleMs);
  }

  /** The keep-alive time passed while idle. */
  expire(): void {
    this.#idleEntry = undefined;
    this.destroy(new errors.SocketError('keep-alive timeout'));
  }

  /**
   * Closes the connection; the exchange it carries, if any, fails with `error`.
   *
   * @param error - why
   */
  destroy(error: Error): void {
    const exchange = this.#exchange;
    this.#exchange = undefined;
    this.#socket.destroy();
    exchange?.fail(error);
    this.#gone();
  }

  readonly #onData = (data: Buffer): void => {
    const exchange = this.#exchange;
    if (exchange === undefined) {
      // bytes no request asked for: the connection is out of step
      this.destroy(new errors.SocketError('unexpected data on an idle connection'));
      return;
    }
    try {
      this.#parser.execute(data);
    } catch (error) {
      // bytes after a whole response: the response stands, the connection is out of step
      if (this.#parser.done && this.#exchange === exchange) this.#endExchange(exchange);
      this.destroy(error as Error);
      return;
    }
    // released after parsing, never during it: the next request's response must not be
    // parsed from this one's bytes
    if (this.#parser.done && this.#exchange === exchange) {
      this.#endExchange(exchange);
      if (this.#reusable) this.#owner.released(this);
      else this.destroy(new errors.SocketError('closed after its response'));
    }
  };

  #endExchange(exchange: Http1Exchange): void {
    this.#exchange = undefined;
    exchange.end();
  }

  readonly #onEnd = (): void => {
    this.#endBody();
    this.destroy(new errors.SocketError('other side closed'));
  };

  readonly #onError = (error: Error): void => {
    // a reset after a body that runs until close may be how the server closed it (as undici)
    if ((error as { code?: unknown }).code === 'ECONNRESET') this.#endBody();
    this.destroy(error);
  };

  /** The connection closed: that ends a body that runs until close. */
  #endBody(): void {
    const exchange = this.#exchange;
    if (exchange === undefined || !this.#parser.untilClose) return;
    this.#parser.finish();
    this.#endExchange(exchange);
  }

  readonly #onClose = (): void => {
    this.destroy(new errors.SocketError('other side closed'));
  };

  #stopIdle(): void {
    if (this.#idleEntry === undefined) return;
    untrackDeadline(this.#idleEntry);
    this.#idleEntry = undefined;
  }

  #gone(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopIdle();
    this.#owner.closed(this);
  }
}
