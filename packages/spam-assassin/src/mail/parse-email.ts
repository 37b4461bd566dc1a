import { decodeEncodedWords } from './encoded-words.js';
import { headerValue, splitMessage } from './headers.js';
import { decodeMimeBody } from './mime-body.js';

/** What {@link parseEmail} reads from a raw e-mail. */
export interface ParsedEmail {
  /** The `Subject:` header, unfolded, RFC 2047 encoded words decoded, spaces collapsed and trimmed; `undefined` when absent. */
  readonly subject: string | undefined;
  /** The body's readable text (MIME decoded, HTML reduced to text), trimmed; may be empty. */
  readonly body: string;
}

/**
 * Reads the subject and the readable body of a raw e-mail.
 *
 * @remarks
 * The header block is split off at the first blank line (`splitMessage`); the subject is decoded
 * with {@link decodeEncodedWords}; the body with `decodeMimeBody` (quoted-printable and base64 in
 * their charset, the `text/plain` alternative, HTML reduced to its visible text, attachments
 * skipped).
 *
 * @param text - the raw e-mail, headers included (a `SpamMessage`'s `text`)
 * @returns the subject and the body
 * @example
 * ```ts
 * import { parseEmail } from '@assay/spam-assassin';
 * const email = parseEmail('Subject: =?utf-8?Q?Caf=C3=A9?=\nContent-Type: text/html\n\n<p>Hi &amp; bye</p>');
 * email.subject; // 'Café'
 * email.body; // 'Hi & bye'
 * ```
 */
export function parseEmail(text: string): ParsedEmail {
  const { headers, body } = splitMessage(text);
  const raw = headerValue(headers, 'subject');
  const subject =
    raw === undefined ? undefined : decodeEncodedWords(raw).replace(/\s+/g, ' ').trim();
  return { subject, body: decodeMimeBody(headers, body) };
}
