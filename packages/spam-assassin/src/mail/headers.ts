/** One header field of an e-mail, continuation lines unfolded. */
export interface MailHeader {
  /** The field name in lower case, e.g. `'subject'`. */
  readonly name: string;
  /** The raw value: folded lines joined with one space, trimmed; encoded words left as they are. */
  readonly value: string;
}

/** A message split at the first blank line. */
export interface SplitMessage {
  readonly headers: readonly MailHeader[];
  /** Everything after the blank line that ends the header block (line ends as in the input). */
  readonly body: string;
}

const HEADER_START = /^[!-9;-~]+:/;

/**
 * Splits an e-mail (or a MIME part) into its header fields and its body.
 *
 * @remarks
 * The header block runs to the first empty line (`\n\n` or `\r\n\r\n`); an mbox `From ` line at
 * the top is skipped. Lines starting with a space or tab continue the previous field (RFC 5322
 * unfolding). Text that does not start with a header line has no headers: all of it is body.
 *
 * @param text - a raw e-mail or MIME part
 * @returns the header fields in order and the body
 * @example
 * ```ts
 * splitMessage('Subject: Hello\n  again\n\nBody').headers[0]; // { name: 'subject', value: 'Hello again' }
 * ```
 */
export function splitMessage(text: string): SplitMessage {
  let start = 0;
  if (text.startsWith('From ')) {
    const fromEnd = text.indexOf('\n');
    start = fromEnd === -1 ? text.length : fromEnd + 1;
  }
  const eol = text.indexOf('\n', start);
  const firstLine = text.slice(start, eol === -1 ? text.length : eol);
  if (!HEADER_START.test(firstLine)) return { headers: [], body: text.slice(start) };
  const lf = text.indexOf('\n\n', start);
  const crlf = text.indexOf('\r\n\r\n', start);
  let end = lf;
  let gap = 2;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) {
    end = crlf;
    gap = 4;
  }
  const head = end === -1 ? text.slice(start) : text.slice(start, end);
  const body = end === -1 ? '' : text.slice(end + gap);
  const headers: MailHeader[] = [];
  let name = '';
  let value = '';
  const flush = (): void => {
    if (name !== '') headers.push({ name, value: value.trim() });
  };
  for (const line of head.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && name !== '') {
      value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    value = colon > 0 ? line.slice(colon + 1) : '';
  }
  flush();
  return { headers, body };
}

/**
 * The value of the first header field of that name.
 *
 * @param headers - the fields of {@link splitMessage}
 * @param name - field name, any case
 * @returns the raw value, or `undefined` when the field is absent
 * @example
 * ```ts
 * const { headers } = splitMessage('Subject: Hi\nContent-Type: text/plain\n\nBody');
 * headerValue(headers, 'SUBJECT'); // 'Hi'
 * headerValue(headers, 'from'); // undefined
 * ```
 */
export function headerValue(headers: readonly MailHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name === lower)?.value;
}

/** A structured header value such as `text/plain; charset="utf-8"`. */
export interface HeaderParams {
  /** The part before the first `;`, lower-cased and trimmed (e.g. `'text/plain'`). */
  readonly value: string;
  /** Parameters by lower-case name, quotes removed (e.g. `{ charset: 'utf-8' }`). */
  readonly params: Readonly<Record<string, string>>;
}

const PARAM = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;

/**
 * Parses a MIME header value with parameters (`Content-Type`, `Content-Disposition`).
 *
 * @param raw - the header value; `undefined` gives an empty value
 * @returns the main value and its parameters
 * @example
 * ```ts
 * parseHeaderParams('text/plain; charset="UTF-8"; format=flowed');
 * // { value: 'text/plain', params: { charset: 'UTF-8', format: 'flowed' } }
 * parseHeaderParams(undefined); // { value: '', params: {} }
 * ```
 */
export function parseHeaderParams(raw: string | undefined): HeaderParams {
  if (raw === undefined) return { value: '', params: {} };
  const semi = raw.indexOf(';');
  const value = (semi === -1 ? raw : raw.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  PARAM.lastIndex = 0;
  for (let m = PARAM.exec(raw); m !== null; m = PARAM.exec(raw)) {
    const key = m[1]!.toLowerCase();
    if (!(key in params)) params[key] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  }
  return { value, params };
}
