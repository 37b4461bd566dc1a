import type { IncomingHttpHeaders } from 'node:http';
import { errors } from 'undici';
import { BodyRelay } from './body-relay.js';
import {
  type DeadlineEntry,
  type Expiring,
  trackDeadline,
  untrackDeadline,
} from './deadline-queue.js';
import type { ChunkReader, DispatchedResponse } from './dispatch-response.js';
import type { ResponseHead } from './http1-parser.js';
import type { ListNode } from './linked-list.js';

/** The bounds one exchange is held to. */
export interface ExchangeLimits {
  /** Time from the request's write to the response head, ms. */
  readonly headersMs: number;
  /** Longest wait for the next byte of the body, ms. */
  readonly idleMs: number;
  /** Most bytes of the body (framing excluded). */
  readonly maxResponseBytes: number;
}

/** What an exchange tells the connection carrying it. */
export interface ExchangeCarrier {
  /** Ends the connection (its response cannot be read on), failing the exchange with `error`. */
  destroy(error: Error): void;
}

interface Settle<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One request and its response on the lean HTTP/1.1 transport: the request's bytes, the
 * response as a {@link DispatchedResponse} (the same contract as the undici handler's), and
 * its timers. Timers are places in the shared deadline queues (no timer per request): the
 * head timeout from the write, then the body idle timeout, renewed as each piece arrives.
 */
export class Http1Exchange implements DispatchedResponse, Expiring {
  statusCode = 0;
  destroyed = false;
  deadline = 0;
  /** Its place in the pool's queue while it waits for a connection. */
  queued: ListNode<Http1Exchange> | undefined;
  readonly bytes: Buffer;
  readonly #limits: ExchangeLimits;
  readonly #started: Settle<DispatchedResponse>;
  #carrier: ExchangeCarrier | undefined;
  #raw: readonly string[] = [];
  #headers: IncomingHttpHeaders | undefined;
  #headDone = false;
  readonly #body = new BodyRelay();
  #entry: DeadlineEntry | undefined;
  #received = 0;

  /**
   * @param bytes - the request's bytes
   * @param limits - timeouts and size bound
   * @param started - settled when the head arrives, or with the failure before it
   */
  constructor(bytes: Buffer, limits: ExchangeLimits, started: Settle<DispatchedResponse>) {
    this.bytes = bytes;
    this.#limits = limits;
    this.#started = started;
  }

  /** The request was written on `carrier`: the head timeout starts. */
  sent(carrier: ExchangeCarrier): void {
    this.#carrier = carrier;
    this.#track(this.#limits.headersMs);
  }

  /** The response head arrived. */
  head(head: ResponseHead): void {
    this.statusCode = head.statusCode;
    this.#raw = head.headers;
    this.#headDone = true;
    this.#track(this.#limits.idleMs);
    this.#started.resolve(this);
  }

  /** A piece of the body arrived. */
  body(piece: Buffer): void {
    if (this.destroyed) return;
    this.#received += piece.length;
    if (this.#received > this.#limits.maxResponseBytes) {
      this.#carrier?.destroy(new errors.ResponseExceededMaxSizeError());
      return;
    }
    this.#track(this.#limits.idleMs);
    if (!this.#body.push(piece)) this.destroy();
  }

  /** The body ended. */
  end(): void {
    this.#untrack();
    this.destroyed = true;
    this.#body.end();
  }

  /** The exchange failed (connection, timeout, abort, parse, size). */
  fail(error: Error): void {
    this.#untrack();
    if (!this.#headDone) {
      this.#headDone = true;
      this.destroyed = true;
      this.#started.reject(error);
      return;
    }
    // after the head, a response the reader destroyed has settled already
    if (this.destroyed) return;
    this.destroyed = true;
    this.#body.fail(error);
  }

  /**
   * Aborts the exchange: a request on a connection ends the connection.
   *
   * @param reason - the error it fails with
   */
  abort(reason: Error): void {
    if (this.destroyed) return;
    if (this.#carrier === undefined) this.fail(reason);
    else this.#carrier.destroy(reason);
  }

  /** A timeout passed ({@link trackDeadline}). */
  expire(): void {
    this.#entry = undefined;
    const error = this.#headDone ? new errors.BodyTimeoutError() : new errors.HeadersTimeoutError();
    if (this.#carrier === undefined) this.fail(error);
    else this.#carrier.destroy(error);
  }

  get headers(): IncomingHttpHeaders {
    if (this.#headers !== undefined) return this.#headers;
    const out: Record<string, string | string[]> = {};
    const raw = this.#raw;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i]!;
      const seen = out[key];
      if (seen === undefined) out[key] = raw[i + 1]!;
      else if (Array.isArray(seen)) seen.push(raw[i + 1]!);
      else out[key] = [seen, raw[i + 1]!];
    }
    this.#headers = out as IncomingHttpHeaders;
    return this.#headers;
  }

  header(name: string): string | undefined {
    const raw = this.#raw;
    let value: string | undefined;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (raw[i] === name) value = value === undefined ? raw[i + 1] : `${value},${raw[i + 1]}`;
    }
    return value;
  }

  read(reader: ChunkReader): Promise<void> {
    return this.#body.read(reader, () => this.destroy());
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.#untrack();
    const error = new errors.RequestAbortedError('The response was not read to its end.');
    // a read() under way resolves; a later one learns why there is no more body
    this.#body.stop();
    this.#body.fail(error);
    // the rest of the body is unread: the connection cannot carry another request
    this.#carrier?.destroy(error);
  }

  #track(ms: number): void {
    if (this.#entry !== undefined) untrackDeadline(this.#entry);
    this.deadline = performance.now() + ms;
    this.#entry = trackDeadline(this, ms);
  }

  #untrack(): void {
    if (this.#entry === undefined) return;
    untrackDeadline(this.#entry);
    this.#entry = undefined;
  }
}
