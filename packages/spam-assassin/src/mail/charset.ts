import { TextDecoder } from 'node:util';

/**
 * Labels the WHATWG Encoding Standard reads as windows-1252, as browsers and mail readers do (so
 * `=99` in an `iso-8859-1` subject is ™); Node's decoder would give C1 control characters.
 */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'us-ascii',
  'ascii',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'cp819',
  'ibm819',
  'iso-ir-100',
  'csisolatin1',
]);

/** windows-1252's characters for bytes 0x80-0x9F (the rest is Latin-1); undefined bytes stay C1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** windows-1252 by table: Node 20's decoder for that label returns Latin-1 (C1 controls for 0x80-0x9F). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Decoders by charset label: building one costs far more than decoding a subject. */
const decoders = new Map<string, TextDecoder | null>();

/**
 * Decodes bytes in a MIME charset, falling back to windows-1252 when the charset is unknown to
 * the WHATWG Encoding Standard (as Node's `TextDecoder` implements it).
 *
 * @remarks
 * RFC 2231 language suffixes (`utf-8*en`) are dropped. US-ASCII and ISO-8859-1 are read as
 * windows-1252, as the WHATWG standard says. Undecodable bytes become U+FFFD, as a mail
 * reader shows them; windows-1252 is the fallback because the WHATWG standard maps `us-ascii` and
 * `iso-8859-1` to it too, so an unknown label most often meant Western text.
 *
 * @param bytes - the encoded bytes
 * @param charset - the declared charset, e.g. `'iso-8859-1'`; empty means US-ASCII
 * @returns the text
 * @example
 * ```ts
 * decodeCharset(Uint8Array.of(0x99, 0xe9), 'iso-8859-1'); // '™é' (read as windows-1252)
 * decodeCharset(Uint8Array.of(0xc3, 0xa9), 'utf-8*en'); // 'é'
 * decodeCharset(Uint8Array.of(0xe9), 'x-unknown'); // 'é' (the windows-1252 fallback)
 * ```
 */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  const declared = charset.split('*')[0]!.trim().toLowerCase() || 'us-ascii';
  if (WINDOWS_1252_LABELS.has(declared)) return decodeWindows1252(bytes);
  let decoder = decoders.get(declared);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(declared);
    } catch {
      decoder = null;
    }
    decoders.set(declared, decoder);
  }
  if (decoder === null || decoder.encoding === 'windows-1252') return decodeWindows1252(bytes);
  return decoder.decode(bytes);
}
