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
