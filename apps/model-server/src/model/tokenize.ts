/** Headers whose words carry signal; their tokens are prefixed with the header name. */
const KEPT_HEADERS = new Set(['subject', 'from', 'reply-to', 'to', 'x-mailer', 'content-type']);

/** Longest token kept; longer runs are base64, hashes or URLs that never repeat. */
const MAX_TOKEN_LENGTH = 24;

/** Body characters read; long attachments add cost but little evidence. */
const MAX_BODY_CHARS = 20_000;

const WORD = /[a-z0-9$][a-z0-9$'_-]*/g;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]/;

function addWords(text: string, prefix: string, out: Set<string>): void {
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const word = m[0];
    if (word.length < 2 || word.length > MAX_TOKEN_LENGTH) continue;
    out.add(prefix === '' ? word : `${prefix}:${word}`);
  }
}

/**
 * Splits an e-mail into the distinct features the spam model scores.
 *
 * @remarks
 * When the text starts with a header block (an mbox `From ` line or a `Name: value` line), the
 * block runs to the first blank line; only Subject, From, Reply-To, To, X-Mailer and Content-Type
 * are kept, their words prefixed with the lower-case header name (`subject:free`). Routing
 * headers (Received, Message-Id, ...) are dropped so the model learns from what a sender wrote,
 * not from the corpus's mail servers. Body words are lower-cased runs of `[a-z0-9$'_-]` starting
 * with a letter, digit or `$`, 2-24 characters long; the body is read up to 20 000 characters.
 * Features are returned once each (boolean multinomial Naive Bayes), in first-seen order.
 *
 * @param text - the raw e-mail, headers optional
 * @returns distinct features
 * @example
 * ```ts
 * tokenizeEmail('Subject: Free money\n\nClick now!'); // ['subject:free', 'subject:money', 'click', 'now']
 * ```
 */
export function tokenizeEmail(text: string): string[] {
  const out = new Set<string>();
  let body = text;
  if (text.startsWith('From ') || HEADER_LINE.test(text)) {
    let end = text.indexOf('\n\n');
    const crlfEnd = text.indexOf('\r\n\r\n');
    if (crlfEnd !== -1 && (end === -1 || crlfEnd < end)) end = crlfEnd;
    const head = end === -1 ? text : text.slice(0, end);
    body = end === -1 ? '' : text.slice(end);
    let name = '';
    for (const line of head.split(/\r?\n/)) {
      if (line.startsWith(' ') || line.startsWith('\t')) {
        if (KEPT_HEADERS.has(name)) addWords(line, name, out);
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) {
        name = '';
        continue;
      }
      name = line.slice(0, colon).toLowerCase();
      if (KEPT_HEADERS.has(name)) addWords(line.slice(colon + 1), name, out);
    }
  }
  addWords(body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body, '', out);
  return [...out];
}
