/**
 * Text cut to at most `max` characters (Unicode code points, so no emoji is split in half),
 * with a visible marker saying how many were left out.
 *
 * @param text - the text
 * @param max - characters kept
 * @returns `text` itself when short enough, else its start and `… (N more characters)`
 * @remarks Renderers escape the result as a whole; the marker holds no markup.
 * @example
 * truncateText('abcdef', 3); // 'abc … (3 more characters)'
 */
export function truncateText(text: string, max: number): string {
  // a cheap exit: no string of at most `max` UTF-16 units has more than `max` code points
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max).join('')} … (${points.length - max} more characters)`;
}
