import type { TextPart } from '../format/text-parts.js';

/**
 * Text from data, models or servers as Markdown that renders as that text: HTML escaped
 * (Markdown viewers pass raw HTML through, so `<script>` or `<img onerror>` in an answer
 * would run), table pipes escaped, line breaks folded.
 *
 * @param s - the text
 * @returns Markdown that shows `s`
 * @example
 * cellText('a|<b>'); // 'a\\|&lt;b&gt;'
 */
export function cellText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/**
 * Untrusted text (a model's output, a reference, an extracted answer, a group name) as one
 * Markdown table cell that renders as that text and nothing else: HTML special characters
 * as entities, the backslash and Markdown's inline punctuation (`` ` * _ [ ] ~ | ``)
 * backslash-escaped, so no code span, emphasis, link or extra cell can start; line breaks
 * shown as `↵`.
 *
 * @param s - the text
 * @returns Markdown that shows `s` on one line
 * @remarks The backslash is escaped first: a `\|` in the text must not leave a bare pipe that
 *   ends the cell (GFM splits cells before inline parsing, treating `\\|` as an escaped
 *   backslash followed by a cell border).
 * @example
 * markdownInline('`a`|<b>'); // '\\`a\\`\\|&lt;b&gt;'
 */
export function markdownInline(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ↵ ');
}

/**
 * Text as a Markdown code span that shows it verbatim: a code span decodes no entities and
 * runs no HTML, so `error_rate <= 0.05` is written as it is instead of as `&lt;=`. The
 * fence is one backtick longer than the longest run of backticks in the text (a run of the
 * fence's length would close it), padded with a space where the text starts or ends with a
 * backtick or with a space (CommonMark strips one space from each end); line breaks are
 * folded to spaces, since a blank line would end the paragraph.
 *
 * @param s - the text
 * @returns the code span, or an empty string for empty text (`` `` `` is no code span)
 * @remarks Not for a table cell: GFM splits cells at `|` even inside a code span.
 * @example
 * codeSpan('a ` b'); // '``a ` b``'
 */
export function codeSpan(s: string): string {
  const text = s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A sentence of plain words and code as Markdown outside a table: the words as
 * {@link cellText} with backslashes and backticks escaped too (a backtick in a model's name
 * or a server's message must not pair with a code span's fence, and a trailing backslash
 * must not escape the fence that follows it), the code as {@link codeSpan}.
 *
 * @param parts - the sentence's pieces
 * @returns Markdown that shows the sentence
 * @example
 * markdownParts(['FAIL: ', { code: 'error_rate <= 0.05' }, ' fails for <b>']); // 'FAIL: `error_rate <= 0.05` fails for &lt;b&gt;'
 */
export function markdownParts(parts: readonly TextPart[]): string {
  return parts
    .map((p) =>
      typeof p === 'string'
        ? cellText(p.replace(/\\/g, '\\\\')).replace(/`/g, '\\`')
        : codeSpan(p.code),
    )
    .join('');
}
