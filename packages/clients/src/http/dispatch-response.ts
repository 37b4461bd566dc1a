import type { IncomingHttpHeaders } from 'node:http';
import { type Dispatcher, errors, type Pool } from 'undici';
import type { AbortScope } from './abort-scope.js';
import { BodyRelay, type ChunkReader } from './body-relay.js';

/** What {@link dispatchRequest} sends. */
export interface DispatchOptions {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

export type { ChunkReader } from './body-relay.js';

/**
 * A response whose headers have arrived: its body is read once, with {@link read}, as undici
 * hands over each piece (no stream, no async iterator, no promise per piece).
 */
export interface DispatchedResponse {
  readonly statusCode: number;
  /** Every response header (lower-case names), parsed on first use. */
  readonly headers: IncomingHttpHeaders;
  /**
   * One response header, read without parsing the others (the success path needs two).
   *
   * @param name - a lower-case header name
   * @returns its value (several joined by `,`, as `String()` of the `headers` entry), or undefined
   */
  header(name: string): string | undefined;
  /**
   * Reads the body to its end (or until `reader` returns `false`).
   *
   * @param reader - called synchronously with every piece, in order
   * @returns resolves at the end of the body; rejects with undici's error (timeout, size, reset)
   */
  read(reader: ChunkReader): Promise<void>;
  /** Stops the response: undici closes the connection if the body has not ended. */
  destroy(): void;
  /** Whether the body ended or was destroyed. */
  readonly destroyed: boolean;
}

function parseHeaders(raw: readonly Buffer[] | null): IncomingHttpHeaders {
  const out: Record<string, string | string[]> = {};
  if (raw === null) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out as IncomingHttpHeaders;
}

/**
 * The undici handler of one request: headers resolve {@link dispatchRequest}'s promise; body
 * pieces are buffered until a reader attaches, then handed over as they arrive.
 */
class ResponseHandler implements DispatchedResponse {
  statusCode = 0;
  destroyed = false;
  #raw: Buffer[] | null = null;
  #headers: IncomingHttpHeaders | undefined;
  #abort: ((reason?: Error) => void) | undefined;
  readonly #body = new BodyRelay();
  #ended = false;
  readonly #started: { resolve: (r: DispatchedResponse) => void; reject: (e: Error) => void };
  #headersDone = false;
  readonly #scope: AbortScope;

  constructor(
    scope: AbortScope,
    started: { resolve: (r: DispatchedResponse) => void; reject: (e: Error) => void },
  ) {
    this.#scope = scope;
    this.#started = started;
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    const scope = this.#scope;
    scope.onAbort(() => {
      if (!this.destroyed) abort(abortReason(scope.reason));
    });
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | null): boolean {
    this.statusCode = statusCode;
    this.#raw = rawHeaders;
    this.#headersDone = true;
    this.#started.resolve(this);
    return true;
  }

  get headers(): IncomingHttpHeaders {
    this.#headers ??= parseHeaders(this.#raw);
    return this.#headers;
  }

  header(name: string): string | undefined {
    const raw = this.#raw;
    if (raw === null) return undefined;
    let value: string | undefined;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i]!;
      // header names are ASCII: compare lengths first, then the lower-cased text
      if (key.length === name.length && key.toString('latin1').toLowerCase() === name) {
        const v = raw[i + 1]!.toString('latin1');
        value = value === undefined ? v : `${value},${v}`;
      }
    }
    return value;
  }

  onData(chunk: Buffer): boolean {
    if (this.destroyed) return false;
    if (!this.#body.push(chunk)) this.destroy();
    return true;
  }

  onComplete(): void {
    this.#ended = true;
    this.destroyed = true;
    this.#body.end();
  }

  onError(error: Error): void {
    if (!this.#headersDone) {
      this.#headersDone = true;
      this.#started.reject(error);
      return;
    }
    if (this.#ended) return;
    this.destroyed = true;
    this.#body.fail(error);
  }

  read(reader: ChunkReader): Promise<void> {
    return this.#body.read(reader, () => this.destroy());
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.#abort?.(new errors.RequestAbortedError('The response was not read to its end.'));
    this.#body.stop();
  }
}

/**
 * The error a request aborted by its scope fails with: the scope's reason when it is an error.
 *
 * @param reason - the scope's reason
 * @returns the reason, or undici's `RequestAbortedError`
 * @example
 * abortReason(new Error('stop')).message; // 'stop'
 * abortReason(undefined).name; // 'AbortError'
 */
export function abortReason(reason: unknown): Error {
  return reason instanceof Error ? reason : new errors.RequestAbortedError();
}

/**
 * Sends a POST through an undici pool with `dispatch` and a handler of its own, resolving
 * once the response headers arrive.
 *
 * @remarks
 * Cheaper per request than `pool.request()`, which wraps every body in a Node `Readable`
 * read through an async iterator (a promise per piece): here undici calls the reader
 * directly from its parser. The pool's timeouts (connect, headers, body idle) and
 * `maxResponseSize` apply as with `request()`; aborting `scope` aborts the request with its
 * reason, as `request()` does with a signal.
 *
 * @param pool - the origin's pool
 * @param options - path, headers and body
 * @param scope - the attempt's abort scope
 * @returns the response, body unread
 * @throws undici's error when no response headers arrive (connect, timeout, reset, abort)
 */
export function dispatchRequest(
  pool: Pool,
  options: DispatchOptions,
  scope: AbortScope,
): Promise<DispatchedResponse> {
  return new Promise((resolve, reject) => {
    const handler = new ResponseHandler(scope, { resolve, reject });
    pool.dispatch(
      { path: options.path, method: 'POST', headers: options.headers, body: options.body },
      handler as unknown as Dispatcher.DispatchHandler,
    );
  });
}
