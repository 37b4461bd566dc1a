import { errors } from 'undici';
import { HEADER_TOKEN, HEADER_VALUE_INVALID } from './header-syntax.js';

/** A response's status line and headers. */
export interface ResponseHead {
  readonly statusCode: number;
  /** `1` for HTTP/1.1, `0` for HTTP/1.0. */
  readonly minorVersion: number;
  /** Header names (lower-cased) and values, alternating, in the order received. */
  readonly headers: readonly string[];
}

/** What the parser hands over as it reads a response. */
export interface ParserEvents {
  /** The head of the final (non-1xx) response arrived. */
  onHead(head: ResponseHead): void;
  /** A piece of the body (framing removed): a view of the bytes given to `execute`. */
  onBody(piece: Buffer): void;
  /**
   * The body ended. `reusable`: the connection may carry another request (HTTP keep-alive,
   * a delimited body and no byte after it).
   */
  onEnd(reusable: boolean): void;
}

/** Where the parser is in a response. */
const State = {
  Head: 0,
  Length: 1,
  ChunkSize: 2,
  ChunkData: 3,
  ChunkEnd: 4,
  Trailers: 5,
  UntilClose: 6,
  Done: 7,
} as const;
type State = (typeof State)[keyof typeof State];

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [^\r\n]*)?$/;
/** Optional whitespace around a header value: space and tab only (RFC 9110 5.6.3). */
const EDGE_WHITESPACE = /^[ \t]+|[ \t]+$/g;
/** Longest chunk-size line (size and extensions) accepted. */
const MAX_SIZE_LINE = 1024;

function parseError(message: string, code: string): Error {
  // undici's constructor prefixes `HPE_` at run time; its type does not declare the code
  return Object.assign(new errors.HTTPParserError(message), { code });
}

/**
 * An incremental HTTP/1.x response parser (RFC 9112): status line, headers, then the body as
 * its framing says (`Content-Length`, `chunked`, or until the connection closes). One parser
 * reads one response at a time; {@link Http1ResponseParser.reset} readies it for the next.
 *
 * @remarks
 * Written for the lean benchmark transport, where undici's parser and request machinery cost
 * more per request than the client's own work. It hands body pieces over as views of the
 * bytes it is given (no copy), skips 1xx interim responses, and throws undici's error classes
 * (`HTTPParserError` with an `HPE_` code, `HeadersOverflowError`) so that failures are
 * classified as undici's are. Lenient only where RFC 9112 allows: chunk extensions and
 * trailers are read and dropped.
 *
 * @example
 * ```ts
 * const seen = [];
 * const parser = new Http1ResponseParser({
 *   onHead: (head) => seen.push(`status ${head.statusCode}`),
 *   onBody: (piece) => seen.push(piece.toString()),
 *   onEnd: (reusable) => seen.push(`end ${reusable}`),
 * }, 16_384);
 * parser.execute(Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\nspam\r\n0\r\n\r\n'));
 * seen; // ['status 200', 'spam', 'end true']
 * ```
 */
export class Http1ResponseParser {
  readonly #events: ParserEvents;
  readonly #maxHeadBytes: number;
  #state: State = State.Head;
  /** Bytes of a head, chunk-size line or trailer section that did not end in one piece. */
  #held: Buffer | undefined;
  #remaining = 0;
  #keepAlive = true;

  /**
   * @param events - receives the head, body pieces and end
   * @param maxHeadBytes - most bytes of a response head (status line and headers)
   */
  constructor(events: ParserEvents, maxHeadBytes: number) {
    this.#events = events;
    this.#maxHeadBytes = maxHeadBytes;
  }

  /** Whether a response ended (and {@link reset} has not been called since). */
  get done(): boolean {
    return this.#state === State.Done;
  }

  /** Whether the body runs until the connection closes (then {@link finish} ends it). */
  get untilClose(): boolean {
    return this.#state === State.UntilClose;
  }

  /** Readies the parser for the next response on the same connection. */
  reset(): void {
    this.#state = State.Head;
    this.#held = undefined;
    this.#remaining = 0;
    this.#keepAlive = true;
  }

  /**
   * Reads the next bytes of the connection.
   *
   * @param data - bytes as they arrived
   * @throws undici's `HTTPParserError` or `HeadersOverflowError` on a malformed response, or
   *   on bytes after the response's end
   */
  execute(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      switch (this.#state) {
        case State.Head:
          at = this.#head(data, at);
          break;
        case State.Length:
          at = this.#length(data, at);
          break;
        case State.ChunkSize:
          at = this.#chunkSize(data, at);
          break;
        case State.ChunkData:
          at = this.#chunkData(data, at);
          break;
        case State.ChunkEnd:
          at = this.#chunkEnd(data, at);
          break;
        case State.Trailers:
          at = this.#trailers(data, at);
          break;
        case State.UntilClose:
          this.#events.onBody(at === 0 ? data : data.subarray(at));
          return;
        case State.Done:
          throw parseError('Data after the end of the response', 'HPE_DATA_AFTER_END');
      }
    }
  }

  /**
   * The connection closed: ends a body that runs until close.
   *
   * @throws undici's `SocketError` ('other side closed') when the response was not complete
   */
  finish(): void {
    if (this.#state === State.UntilClose) {
      this.#state = State.Done;
      this.#events.onEnd(false);
      return;
    }
    if (this.#state !== State.Done) throw new errors.SocketError('other side closed');
  }

  /**
   * The bytes from `data[at]` (after any held from earlier pieces) up to `end`, and where
   * reading goes on in `data`; undefined when `end` has not come yet (the bytes are held).
   */
  #until(data: Buffer, at: number, end: Buffer, max: number, what: string): Block | undefined {
    const held = this.#held;
    const bytes = held === undefined ? data.subarray(at) : Buffer.concat([held, data.subarray(at)]);
    const from = held === undefined ? 0 : Math.max(0, held.length - end.length + 1);
    const found = bytes.indexOf(end, from);
    if (found === -1) {
      // the last bytes may be the start of the terminator: they do not count against the limit
      if (bytes.length - (end.length - 1) > max) throw overflow(what);
      // lines must end in CRLF; a bare LF would be held until a timeout, so fail it now
      if (bareLineFeed(bytes))
        throw parseError(`Expected CRLF in the response ${what}`, 'HPE_LF_EXPECTED');
      this.#held = bytes;
      return undefined;
    }
    if (found > max) throw overflow(what);
    this.#held = undefined;
    return { block: bytes.subarray(0, found), next: at + found + end.length - (held?.length ?? 0) };
  }

  #head(data: Buffer, at: number): number {
    const read = this.#until(data, at, HEAD_END, this.#maxHeadBytes, 'head');
    if (read === undefined) return data.length;
    const head = parseHead(read.block.toString('latin1'));
    // 1xx: an interim response (100 Continue, 103 Early Hints); the final one follows
    if (head.statusCode < 200) return read.next;
    this.#events.onHead(head);
    this.#frame(head);
    if (this.#state === State.Done) this.#events.onEnd(this.#keepAlive);
    return read.next;
  }

  /** Decides how the body is delimited (RFC 9112 section 6.3). */
  #frame(head: ResponseHead): void {
    const { statusCode, headers } = head;
    let connection = '';
    let encoding: string | undefined;
    let length: string | undefined;
    for (let i = 0; i < headers.length; i += 2) {
      const name = headers[i]!;
      const value = headers[i + 1]!;
      if (name === 'connection') connection += `,${value.toLowerCase()}`;
      else if (name === 'transfer-encoding')
        encoding = encoding === undefined ? value : `${encoding},${value}`;
      else if (name === 'content-length')
        length = length === undefined ? value : `${length},${value}`;
    }
    this.#keepAlive =
      head.minorVersion === 1
        ? !/(^|,)\s*close\s*(,|$)/.test(connection)
        : /(^|,)\s*keep-alive\s*(,|$)/.test(connection);
    if (statusCode === 204 || statusCode === 304) {
      this.#state = State.Done;
      return;
    }
    if (encoding !== undefined) {
      const codings = encoding.toLowerCase().split(',');
      if (codings[codings.length - 1]!.trim() === 'chunked') this.#state = State.ChunkSize;
      else this.#untilClose();
      // both framings: the length is ignored, and the connection must not be reused (RFC 9112 6.1)
      if (length !== undefined) this.#keepAlive = false;
      return;
    }
    if (length === undefined) {
      this.#untilClose();
      return;
    }
    this.#remaining = contentLength(length);
    this.#state = this.#remaining === 0 ? State.Done : State.Length;
  }

  #untilClose(): void {
    this.#keepAlive = false;
    this.#state = State.UntilClose;
  }

  #length(data: Buffer, at: number): number {
    const take = Math.min(this.#remaining, data.length - at);
    this.#events.onBody(at === 0 && take === data.length ? data : data.subarray(at, at + take));
    this.#remaining -= take;
    if (this.#remaining === 0) this.#end();
    return at + take;
  }

  #chunkSize(data: Buffer, at: number): number {
    const read = this.#until(data, at, CRLF, MAX_SIZE_LINE, 'chunk size');
    if (read === undefined) return data.length;
    const line = read.block.toString('latin1');
    const semicolon = line.indexOf(';');
    const digits = (semicolon === -1 ? line : line.slice(0, semicolon)).trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(digits)) {
      throw parseError(
        `Invalid character in chunk size: ${JSON.stringify(line.slice(0, 40))}`,
        'HPE_INVALID_CHUNK_SIZE',
      );
    }
    this.#remaining = Number.parseInt(digits, 16);
    this.#state = this.#remaining === 0 ? State.Trailers : State.ChunkData;
    return read.next;
  }

  #chunkData(data: Buffer, at: number): number {
    const take = Math.min(this.#remaining, data.length - at);
    this.#events.onBody(data.subarray(at, at + take));
    this.#remaining -= take;
    if (this.#remaining === 0) {
      this.#state = State.ChunkEnd;
      this.#remaining = 2;
    }
    return at + take;
  }

  /** The CRLF after a chunk's data (it may come split over two pieces). */
  #chunkEnd(data: Buffer, at: number): number {
    let i = at;
    for (; this.#remaining > 0 && i < data.length; this.#remaining--, i++) {
      const want = this.#remaining === 2 ? 0x0d : 0x0a;
      if (data[i] !== want)
        throw parseError('Expected CRLF after chunk data', 'HPE_INVALID_CHUNK_SIZE');
    }
    if (this.#remaining === 0) this.#state = State.ChunkSize;
    return i;
  }

  /** The trailer section after the last chunk: header lines, then an empty line. */
  #trailers(data: Buffer, at: number): number {
    // no trailer at all is the common case: the empty line comes at once
    if (
      this.#held === undefined &&
      data.length - at >= 2 &&
      data[at] === 0x0d &&
      data[at + 1] === 0x0a
    ) {
      this.#end();
      return at + 2;
    }
    const held = this.#held;
    // the bytes so far start with CRLF: the empty line, split over two pieces
    if (held !== undefined && held.length === 1 && held[0] === 0x0d && data[at] === 0x0a) {
      this.#held = undefined;
      this.#end();
      return at + 1;
    }
    const read = this.#until(data, at, HEAD_END, this.#maxHeadBytes, 'trailers');
    if (read === undefined) return data.length;
    this.#end();
    return read.next;
  }

  #end(): void {
    this.#state = State.Done;
    this.#events.onEnd(this.#keepAlive);
  }
}

interface Block {
  readonly block: Buffer;
  readonly next: number;
}

/** Whether `bytes` hold a LF that does not follow a CR. */
function bareLineFeed(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    if (i === 0 || bytes[i - 1] !== 0x0d) return true;
  }
  return false;
}

function overflow(what: string): Error {
  const error = new errors.HeadersOverflowError();
  error.message = `Response ${what} too large`;
  return error;
}

/**
 * A `Content-Length` value: digits, or the same digits repeated in a list (RFC 9110 8.6).
 *
 * @throws undici's `HTTPParserError` (`HPE_UNEXPECTED_CONTENT_LENGTH`) otherwise
 */
function contentLength(value: string): number {
  const values = value.split(',').map((v) => v.trim());
  const first = values[0]!;
  if (!/^\d{1,15}$/.test(first) || values.some((v) => v !== first)) {
    throw parseError(
      `Invalid content-length: ${JSON.stringify(value.slice(0, 40))}`,
      'HPE_UNEXPECTED_CONTENT_LENGTH',
    );
  }
  return Number(first);
}

/** Header names seen, as received, to their lower-cased form: a server sends the same few. */
const NAMES = new Map<string, string>();
const MAX_NAMES = 256;

/** A header name lower-cased, or undefined when it is not a token. */
function headerName(name: string): string | undefined {
  const known = NAMES.get(name);
  if (known !== undefined) return known;
  if (!HEADER_TOKEN.test(name)) return undefined;
  const lower = name.toLowerCase();
  if (NAMES.size < MAX_NAMES) NAMES.set(name, lower);
  return lower;
}

/** A header value without the spaces and tabs around it (most have one space before). */
function trimValue(raw: string): string {
  const last = raw.charCodeAt(raw.length - 1);
  if (last === 0x20 || last === 0x09) return raw.replace(EDGE_WHITESPACE, '');
  const first = raw.charCodeAt(0);
  if (first !== 0x20 && first !== 0x09) return raw;
  return raw.charCodeAt(1) === 0x20 || raw.charCodeAt(1) === 0x09
    ? raw.replace(EDGE_WHITESPACE, '')
    : raw.slice(1);
}

/**
 * The status line and header lines of a head (without its final CRLF CRLF).
 *
 * @throws undici's `HTTPParserError` on a malformed line
 */
function parseHead(text: string): ResponseHead {
  const lines = text.split('\r\n');
  const status = STATUS_LINE.exec(lines[0]!);
  if (status === null) {
    throw parseError(
      `Invalid status line: ${JSON.stringify(lines[0]!.slice(0, 60))}`,
      'HPE_INVALID_CONSTANT',
    );
  }
  const headers: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    const lower = headerName(colon <= 0 ? '' : line.slice(0, colon));
    // a folded line (leading space) or a name with spaces or controls: refused, as llhttp does
    if (lower === undefined) {
      throw parseError(
        `Invalid header line: ${JSON.stringify(line.slice(0, 60))}`,
        'HPE_INVALID_HEADER_TOKEN',
      );
    }
    const value = trimValue(line.slice(colon + 1));
    // a control byte in a value (a bare CR or LF, NUL, ...): refused (RFC 9110 5.5), as llhttp does
    if (HEADER_VALUE_INVALID.test(value)) {
      throw parseError(
        `Invalid header value: ${JSON.stringify(line.slice(0, 60))}`,
        'HPE_INVALID_HEADER_TOKEN',
      );
    }
    headers.push(lower, value);
  }
  return { statusCode: Number(status[2]), minorVersion: Number(status[1]), headers };
}
