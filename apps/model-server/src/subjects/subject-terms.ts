/** URLs, e-mail addresses and host names: their pieces are not words a subject would use. */
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|\S+@\S+\.\S+)/giu;
const ADDRESS_START = /^[(<["']?(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[^\s@]+@[^\s@]+\.)/i;
const TERM = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;

/**
 * The terms of a text for TF-IDF: lower-cased runs of letters and digits, at least 2 characters
 * and holding a letter, with URLs and e-mail addresses left out.
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
  const matches = text.toLowerCase().replace(ADDRESS, ' ').match(TERM);
  if (matches === null) return out;
  for (const term of matches) if (term.length >= 2 && LETTER.test(term)) out.push(term);
  return out;
}

/**
 * Whether a word is a URL or an e-mail address (a candidate starting with one is skipped).
 *
 * @param word - one whitespace-separated word
 * @returns `true` for `http://…`, `www.…` or `name@host.tld`
 */
export function isAddress(word: string): boolean {
  return ADDRESS_START.test(word);
}
