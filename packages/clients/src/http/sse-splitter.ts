import type { EventSourceMessage } from 'eventsource-parser';

const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;

/** Whether `buf[at..]` starts with `name` followed by `:` (`data:`, `event:`, `id:`). */
function fieldIs(buf: Buffer, at: number, end: number, name: string): boolean {
  const n = name.length;
  if (at + n >= end || buf[at + n] !== COLON) return false;
  for (let i = 0; i < n; i++) if (buf[at + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Splits a server-sent-events body into events straight from its bytes, as undici hands them
 * over, decoding only each field's value.
 *
 * @remarks
 * The same events as `eventsource-parser` fed the decoded text (the WHATWG EventSource rules:
 * lines end with LF, CRLF or CR; `data` lines joined with `\n`; `event` and `id` (without NUL)
 * apply to the next event; an event is dispatched at a blank line when it has data; comments,
 * `retry` and unknown fields are ignored; a last event without its blank line is dropped), and
 * a leading UTF-8 byte order mark is skipped as the standard says. Decoding the whole piece to
 * a string and slicing each line out of it cost a string per piece and per line; here a
 * `data:` line becomes one string, its value, which goes to `JSON.parse` as it is. A line
 * split across pieces (or a multi-byte character) waits in a small tail buffer until its end
 * arrives, so no character is ever decoded in halves.
 *
 * @example
 * ```ts
 * const data = [];
 * const splitter = new SseSplitter((e) => data.push(e.data));
 * splitter.feed(Buffer.from('data: {"a":1}\n\nda'));
 * splitter.feed(Buffer.from('ta: [DONE]\n\n'));
 * data; // ['{"a":1}', '[DONE]']
 * ```
 */
export class SseSplitter {
  /** Bytes of a line whose end has not arrived yet. */
  readonly #tail: Buffer[] = [];
  #first = true;
  #data = '';
  #dataLines = 0;
  #event: string | undefined = undefined;
  #id: string | undefined = undefined;
  readonly #onEvent: (event: EventSourceMessage) => void;

  /** @param onEvent - receives each event, in order */
  constructor(onEvent: (event: EventSourceMessage) => void) {
    this.#onEvent = onEvent;
  }

  /**
   * Hands over the next piece of the body; complete events are dispatched before it returns.
   *
   * @param piece - the next bytes
   */
  feed(piece: Buffer): void {
    // an empty piece says nothing, not even that the stream has started (its BOM may follow)
    if (piece.length === 0) return;
    let buf = piece;
    if (this.#tail.length > 0) {
      this.#tail.push(piece);
      // a long line arriving in many pieces is joined once, when its end arrives
      if (piece.indexOf(LF) === -1 && piece.indexOf(CR) === -1) return;
      buf = Buffer.concat(this.#tail);
      this.#tail.length = 0;
    }
    let at = 0;
    if (this.#first) {
      if (buf.length < 3 && buf[0] === 0xef) {
        this.#tail.push(buf);
        return;
      }
      this.#first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) at = 3;
    }
    const n = buf.length;
    // the next CR, searched again only once passed: most streams have none
    let cr = buf.indexOf(CR, at);
    while (at < n) {
      if (cr !== -1 && cr < at) cr = buf.indexOf(CR, at);
      let end = buf.indexOf(LF, at);
      if (cr !== -1 && (end === -1 || cr < end)) {
        // a CR at the end of the piece may be the first half of a CRLF
        if (cr === n - 1) break;
        end = cr;
      } else if (end === -1) break;
      this.#line(buf, at, end);
      at = end + 1;
      if (buf[end] === CR && buf[at] === LF) at++;
    }
    if (at < n) this.#tail.push(buf.subarray(at));
  }

  #line(buf: Buffer, at: number, end: number): void {
    if (at === end) {
      if (this.#dataLines > 0) {
        const event = { id: this.#id, event: this.#event, data: this.#data };
        this.#data = '';
        this.#dataLines = 0;
        this.#event = undefined;
        this.#id = undefined;
        this.#onEvent(event);
      } else {
        this.#event = undefined;
        this.#id = undefined;
      }
      return;
    }
    const first = buf[at];
    if (first === COLON) return;
    if (first === 0x64 && fieldIs(buf, at, end, 'data')) {
      this.#field('data', buf, at + 5, end);
      return;
    }
    let colon = at;
    while (colon < end && buf[colon] !== COLON) colon++;
    this.#field(buf.toString('utf8', at, colon), buf, colon + 1, end);
  }

  /** One field; `from` is just past its colon (or `end` when it had none). */
  #field(name: string, buf: Buffer, from: number, end: number): void {
    const start = from < end && buf[from] === SPACE ? from + 1 : from;
    const value = start >= end ? '' : buf.toString('utf8', start, end);
    if (name === 'data') {
      this.#data = this.#dataLines === 0 ? value : `${this.#data}\n${value}`;
      this.#dataLines++;
    } else if (name === 'event') {
      this.#event = value === '' ? undefined : value;
    } else if (name === 'id') {
      if (!value.includes('\0')) this.#id = value;
    }
  }
}
