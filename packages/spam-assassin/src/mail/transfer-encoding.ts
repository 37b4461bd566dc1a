import { decodeCharset } from './charset.js';

const ESCAPE_RUN = /(?:=[0-9A-Fa-f]{2})+/g;

/**
 * Decodes a quoted-printable body (RFC 2045 section 6.7) in its charset.
 *
 * @remarks
 * Soft line breaks (`=` at the end of a line) are removed. Each run of `=XX` escapes is decoded
 * as bytes in the charset; characters outside escapes are kept as they are, because the corpus
 * stores messages as text, so 8-bit characters already arrive decoded.
 *
 * @param text - the encoded body
 * @param charset - the part's charset
 * @returns the decoded text
 * @example
 * ```ts
 * decodeQuotedPrintable('Caf=C3=A9 =\nopen', 'utf-8'); // 'Café open' (a soft line break removed)
 * decodeQuotedPrintable('=99 10', 'iso-8859-1'); // '™ 10'
 * ```
 */
export function decodeQuotedPrintable(text: string, charset: string): string {
  const joined = text.replace(/=[ \t]*\r?\n/g, '');
  return joined.replace(ESCAPE_RUN, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    }
    return decodeCharset(bytes, charset);
  });
}

/**
 * Decodes a base64 body (RFC 2045 section 6.8) in its charset; characters outside the base64
 * alphabet (line breaks) are ignored.
 *
 * @param text - the encoded body
 * @param charset - the part's charset
 * @returns the decoded text
 * @example
 * ```ts
 * decodeBase64Text('Q2Fm\nw6k=', 'utf-8'); // 'Café'
 * ```
 */
export function decodeBase64Text(text: string, charset: string): string {
  return decodeCharset(Uint8Array.from(Buffer.from(text, 'base64')), charset);
}
