const TERM = /[\p{L}\p{N}]+/gu;
/**
 * A whole word holding `@`, `://` or `www.`: URLs, host names, addresses. The lookbehind pins the
 * match to word starts, so the lazy scan runs once per word and the pass stays linear.
 */
const ADDRESS_WORD = /(?<!\S)\S*?(?:@|:\/\/|www\.)\S*/g;
const LETTER = /\p{L}/u;

/**
 * Whether a whitespace-separated word is a URL, a host name or an e-mail address: its pieces are
 * not words a subject would use, and a candidate starting with one is skipped.
 *
 * @remarks
 * Plain string tests, linear in the word's length (a regular expression with `\S+@` would
 * backtrack quadratically over a long run without spaces).
 *
 * @param word - one word, any case
 * @returns `true` for `http://…` (any scheme), `www.…` or `name@host.tld`, with leading brackets
 *   or quotes allowed
 * @example
 * ```ts
 * isAddress('<ann@example.org>'); // true
 * ```
 */
export function isAddress(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.includes('://')) return true;
  const start = /^[(<["']/.test(lower) ? 1 : 0;
  if (lower.startsWith('www.', start)) return true;
  const at = lower.indexOf('@', start);
  return at > start && lower.indexOf('.', at + 2) > at + 1;
}

/**
 * The terms of a text for TF-IDF: lower-cased runs of letters and digits, at least 2 characters
 * and holding a letter, with the words that hold `@`, `://` or `www.` (URLs, addresses) left out.
 *
 * @param text - any text
 * @returns the terms in order, repeats included
 * @example
 * ```ts
 * subjectTerms('Meet at 10am, see http://x.org/a!'); // ['meet', 'at', '10am', 'see']
 * ```
 */
export function subjectTerms(text: string): string[] {
  const out: string[] = [];
  const matches = text.toLowerCase().replace(ADDRESS_WORD, ' ').match(TERM);
  if (matches === null) return out;
  for (const term of matches) if (term.length >= 2 && LETTER.test(term)) out.push(term);
  return out;
}
