import { stemPorterUnchecked } from '../stemmers/porter-stemmer.js';

const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

function cachedStem(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    stem = stemPorterUnchecked(token);
    // a bounded memo: stems are pure, so dropping the lot only costs recomputation
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(token, stem);
  }
  return stem;
}

function isLowerAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * rouge-score's `tokenize.tokenize` (its `DefaultTokenizer`): lowercase, every run of characters
 * other than `a-z0-9` becomes a space, split, optionally Porter-stem the tokens longer than 3
 * characters, keep the tokens that are non-empty `[a-z0-9]+`.
 *
 * @remarks
 * The runs of `a-z0-9` in the lowercased text are exactly the fields rouge-score keeps (a stem of
 * such a field stays `[a-z0-9]+`), so one scan finds them without building the spaced string.
 *
 * @param text - any string
 * @param stem - whether to stem (rouge-score's `use_stemmer`)
 * @returns the tokens
 * @example
 * ```ts
 * tokenizeRouge("The cats' running-shoes", true); // ['the', 'cat', 'run', 'shoe']
 * ```
 */
export function tokenizeRouge(text: string, stem: boolean): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    if (i < lower.length && isLowerAlphanumeric(lower.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const field = lower.slice(start, i);
    start = -1;
    const token = stem && field.length > 3 ? cachedStem(field) : field;
    if (token.length > 0) tokens.push(token);
  }
  return tokens;
}
