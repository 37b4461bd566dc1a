/**
 * A piece of a sentence the reports write: plain words (which may quote data, model output
 * or a server's message), or `{ code }`, text the tool writes itself from the user's own
 * configuration (a threshold expression, a config line), which Markdown can show verbatim
 * as a code span instead of with HTML entities.
 */
export type TextPart = string | { readonly code: string };

/**
 * The sentence as plain text, code shown as it is.
 *
 * @param parts - the sentence's pieces
 * @returns the text
 * @example
 * plainText(['The threshold holds (', { code: 'error_rate <= 0.05' }, ').']); // 'The threshold holds (error_rate <= 0.05).'
 */
export function plainText(parts: readonly TextPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.code)).join('');
}

/**
 * Joins sentences' pieces with a separator, as `Array.prototype.join` joins strings.
 *
 * @param items - the pieces of each sentence
 * @param separator - the plain text between them
 * @returns the joined pieces
 * @example
 * joinParts([[{ code: 'a > 1' }], [{ code: 'b < 2' }]], ', '); // [{ code: 'a > 1' }, ', ', { code: 'b < 2' }]
 */
export function joinParts(items: readonly (readonly TextPart[])[], separator: string): TextPart[] {
  return items.flatMap((x, i) => (i === 0 ? [...x] : [separator, ...x]));
}
