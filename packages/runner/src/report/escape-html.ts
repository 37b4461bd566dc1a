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

/**
 * Formats a number for reports: fixed digits, `—` for null/NaN.
 *
 * @param x - value
 * @param digits - fraction digits (default 3)
 * @returns the formatted text
 * @example
 * fmt(0.12345); // '0.123'
 */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return x.toFixed(digits);
}

/**
 * Formats a p-value (`< 0.001` for tiny values).
 *
 * @param p - p-value
 * @returns the formatted text
 * @example
 * fmtP(0.00001); // '<0.001'
 */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}
