import { escapeHtml } from '../html/escape-html.js';

/**
 * The break mark of a vertical (value) axis that does not start at 0: the axis line
 * blanked for a few pixels and two slanted strokes across it.
 *
 * @param x - the axis line's x
 * @param y - where on the axis the break sits (near its start)
 * @returns SVG markup
 * @example
 * verticalAxisBreak(48, 232).includes('axis-break'); // true
 */
export function verticalAxisBreak(x: number, y: number): string {
  return `<g class="axis-break-mark"><rect x="${x - 7}" y="${y - 4}" width="14" height="8" fill="#fff"/><path class="axis-break" d="M${x - 7},${y} l14,-5 M${x - 7},${y + 5} l14,-5"/></g>`;
}

/**
 * The break mark of a horizontal axis that does not start at 0.
 *
 * @param x - where on the axis the break sits (near its start)
 * @param y - the axis line's y
 * @returns SVG markup
 * @example
 * horizontalAxisBreak(52, 198).includes('axis-break'); // true
 */
export function horizontalAxisBreak(x: number, y: number): string {
  return `<g class="axis-break-mark"><rect x="${x - 4}" y="${y - 7}" width="8" height="14" fill="#fff"/><path class="axis-break" d="M${x - 4},${y + 7} l5,-14 M${x + 1},${y + 7} l5,-14"/></g>`;
}

/**
 * The note beside a break mark: `axis starts at 0.90, not at 0`.
 *
 * @param x - text anchor x
 * @param y - text baseline y
 * @param start - where the axis starts, as shown on it
 * @param anchor - SVG `text-anchor` (default `start`)
 * @returns SVG markup
 * @example
 * axisStartNote(48, 32, '0.90'); // '<text …class="axis-note">axis starts at 0.90, not at 0</text>'
 */
export function axisStartNote(
  x: number,
  y: number,
  start: string,
  anchor: 'start' | 'end' = 'start',
): string {
  return `<text x="${x}" y="${y}" text-anchor="${anchor}" class="axis-note">${escapeHtml(`axis starts at ${start}, not at 0`)}</text>`;
}
