import { decodeCharset } from './charset.js';

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
const BETWEEN_WORDS = /^[ \t\r\n]+$/;

function qBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') out.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
}

function bBytes(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

/**
 * Decodes the RFC 2047 encoded words of a header value (`=?charset?Q?...?=`, `=?charset?B?...?=`).
 *
 * @remarks
 * Q words map `_` to a space and `=XX` to a byte; B words are base64. The bytes are decoded in the
 * word's charset (unknown ones as windows-1252). White space between two adjacent encoded words
 * is dropped (RFC 2047 section 6.2); text outside encoded words is kept as it is.
 *
 * @param value - a header value
 * @returns the decoded text
 * @example
 * ```ts
 * import { decodeEncodedWords } from '@assay/spam-assassin';
 * decodeEncodedWords('=?iso-8859-1?Q?Sitting_Bull_=FCber_alles?='); // 'Sitting Bull über alles'
 * ```
 */
export function decodeEncodedWords(value: string): string {
  let out = '';
  let last = 0;
  let previousWasWord = false;
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(value); m !== null; m = ENCODED_WORD.exec(value)) {
    const between = value.slice(last, m.index);
    if (!(previousWasWord && BETWEEN_WORDS.test(between))) out += between;
    const [, charset, encoding, payload] = m;
    const bytes = encoding!.toUpperCase() === 'B' ? bBytes(payload!) : qBytes(payload!);
    out += decodeCharset(bytes, charset!);
    last = m.index + m[0].length;
    previousWasWord = true;
  }
  return out + value.slice(last);
}
