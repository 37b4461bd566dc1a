import { headerValue, type MailHeader, parseHeaderParams, splitMessage } from './headers.js';
import { htmlToText } from './html-to-text.js';
import { decodeBase64Text, decodeQuotedPrintable } from './transfer-encoding.js';

/** Nesting depth of multiparts followed; deeper parts are skipped (no real mail nests that far). */
const MAX_DEPTH = 8;

/** A text part that is an HTML document whatever its declared type (common in spam). */
const LOOKS_LIKE_HTML = /^\s*<(?:!doctype\s+html|html|head|body)\b/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The parts of a multipart body, between the boundary delimiter lines (preamble and epilogue dropped). */
function multipartParts(body: string, boundary: string): string[] {
  const delimiter = new RegExp(`^--${escapeRegExp(boundary)}(--)?[ \\t]*\\r?$`, 'gm');
  const parts: string[] = [];
  let start = -1;
  for (let m = delimiter.exec(body); m !== null; m = delimiter.exec(body)) {
    if (start !== -1) parts.push(trimLineEnds(body.slice(start, m.index)));
    if (m[1] === '--') return parts;
    start = m.index + m[0].length;
  }
  // a last part without a closing delimiter still counts: spam often omits it
  if (start !== -1) parts.push(trimLineEnds(body.slice(start)));
  return parts;
}

/** Drops the line break after the delimiter and the one before the next (part of the delimiter). */
function trimLineEnds(part: string): string {
  return part.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
}

function decodeLeaf(headers: readonly MailHeader[], body: string, type: string): string {
  const charset = parseHeaderParams(headerValue(headers, 'content-type')).params.charset ?? '';
  const encoding = (headerValue(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(body, charset);
  else if (encoding === 'base64') text = decodeBase64Text(body, charset);
  return type === 'text/html' || LOOKS_LIKE_HTML.test(text) ? htmlToText(text) : text;
}

function isAttachment(headers: readonly MailHeader[]): boolean {
  return parseHeaderParams(headerValue(headers, 'content-disposition')).value === 'attachment';
}

function decodeEntity(headers: readonly MailHeader[], body: string, depth: number): string {
  const contentType = parseHeaderParams(headerValue(headers, 'content-type'));
  const type = contentType.value === '' ? 'text/plain' : contentType.value;
  if (type.startsWith('multipart/')) {
    const boundary = contentType.params.boundary;
    if (boundary === undefined || depth >= MAX_DEPTH) return '';
    const parts = multipartParts(body, boundary).map((raw) => splitMessage(raw));
    const texts = parts
      .filter((p) => !isAttachment(p.headers))
      .map((p) => ({ p, type: parseHeaderParams(headerValue(p.headers, 'content-type')).value }));
    if (type === 'multipart/alternative') {
      // plain text first, then the others in order; an empty alternative gives way to the next
      const isPlain = (t: string): boolean => t === '' || t === 'text/plain';
      const ordered = [
        ...texts.filter((t) => isPlain(t.type)),
        ...texts.filter((t) => !isPlain(t.type)),
      ];
      for (const { p } of ordered) {
        const text = decodeEntity(p.headers, p.body, depth + 1);
        if (text.trim() !== '') return text;
      }
      return '';
    }
    return texts
      .map(({ p }) => decodeEntity(p.headers, p.body, depth + 1).trim())
      .filter((t) => t !== '')
      .join('\n\n');
  }
  if (type === 'message/rfc822') {
    const inner = splitMessage(body);
    return depth >= MAX_DEPTH ? '' : decodeEntity(inner.headers, inner.body, depth + 1);
  }
  if (type !== 'text/plain' && type !== 'text/html' && type !== 'text/enriched') {
    return type.startsWith('text/') ? body : '';
  }
  return decodeLeaf(headers, body, type);
}

/**
 * The readable text of an e-mail's body, as a mail reader would show it.
 *
 * @remarks
 * Follows the MIME structure (RFC 2045-2046): quoted-printable and base64 bodies are decoded in
 * their declared charset; `multipart/alternative` shows its `text/plain` part (else, or when that
 * part is empty, the next alternative with text); other multiparts join their text parts with a blank line, skipping attachments
 * (`Content-Disposition: attachment`) and non-text parts (images, applications); `text/html`, and a text part that starts like an HTML document
 * (`<html`, `<!doctype html`, `<head`, `<body`) whatever its declared type, is reduced to its
 * visible text (see `htmlToText`). A message without `Content-Type` is plain text.
 * Line ends become `\n`, trailing spaces are cut and the result is trimmed.
 *
 * @param headers - the message's header fields
 * @param body - the raw body after the header block
 * @returns the text, possibly empty (an e-mail with nothing but attachments)
 * @example
 * ```ts
 * const qp = [{ name: 'content-transfer-encoding', value: 'quoted-printable' }];
 * decodeMimeBody([{ name: 'content-type', value: 'text/plain; charset=utf-8' }, ...qp], 'Caf=C3=A9 =\nopen'); // 'Café open'
 * const { headers, body } = splitMessage('Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/html\n\n<p>HTML</p>\n--b\n\nPlain\n--b--\n');
 * decodeMimeBody(headers, body); // 'Plain' (the text/plain alternative)
 * ```
 */
export function decodeMimeBody(headers: readonly MailHeader[], body: string): string {
  return decodeEntity(headers, body, 0)
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
