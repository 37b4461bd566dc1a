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
