/**
 * Escapes text for HTML/SVG element content and attribute values.
 *
 * @param text - untrusted text (model output, data, names)
 * @returns text with `& < > " '` replaced by entities
 * @example
 * escapeHtml('<script>'); // '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
