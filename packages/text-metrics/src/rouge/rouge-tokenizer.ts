import { stemPorterUnchecked } from '../stemmers/porter-stemmer.js';
import type { TokenIds } from '../tokenizers/token-ids.js';

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
 * One text as rouge-score sees it: its token ids, and where its non-empty lines end.
 *
 * @example
 * ```ts
 * const tokens: RougeTokens = { all: Int32Array.of(0, 1, 2), lineEnds: [2, 3] };
 * ```
 */
export interface RougeTokens {
  /** Every token id of the text, in order. */
  readonly all: Int32Array;
  /** Per non-empty line (split on `"\n"`), the number of tokens up to its end. */
  readonly lineEnds: readonly number[];
}

/**
 * The token ids of each non-empty line of a text (views into its `all`), ROUGE-Lsum's sentences.
 *
 * @param tokens - a text's tokens from {@link rougeTokenIds}
 * @returns one Int32Array per non-empty line
 * @example
 * ```ts
 * rougeSentences({ all: Int32Array.of(4, 5, 6), lineEnds: [2, 2, 3] }).map((s) => s.length); // [2, 0, 1]
 * ```
 */
export function rougeSentences(tokens: RougeTokens): Int32Array[] {
  let from = 0;
  return tokens.lineEnds.map((end) => {
    const sentence = tokens.all.subarray(from, end);
    from = end;
    return sentence;
  });
}

// one per thread: the lowercased text's code units and the ids of its tokens
let units = new Uint16Array(4096);
let tokens = new Int32Array(1024);

/**
 * Writes `text.toLowerCase()` into `units`; ASCII text is lowercased in the copy loop (the
 * common case), any other falls back to `toLowerCase` (whose result may be longer).
 */
function lowercaseUnits(text: string): number {
  if (units.length < text.length) units = new Uint16Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return copyUnits(text.toLowerCase());
    units[i] = code >= 65 && code <= 90 ? code + 32 : code;
  }
  return text.length;
}

function copyUnits(text: string): number {
  if (units.length < text.length) units = new Uint16Array(text.length * 2);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return text.length;
}

/** The field `units[start..end)` as a string (for the stemmer), in chunks a call can spread. */
function decodeUnits(start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode(...units.subarray(at, Math.min(at + 8192, end)));
  }
  return text;
}

/**
 * rouge-score's `tokenize.tokenize` (its `DefaultTokenizer`) as token ids from `ids`: lowercase,
 * every run of characters other than `a-z0-9` becomes a space, split, optionally Porter-stem the
 * tokens longer than 3 characters, keep the tokens that are non-empty `[a-z0-9]+`. Also where
 * each non-empty line ends, for ROUGE-Lsum.
 *
 * @remarks
 * The runs of `a-z0-9` in the lowercased text are exactly the fields rouge-score keeps (a stem of
 * such a field stays `[a-z0-9]+`), so one scan finds them without building the spaced string, and
 * tokens are interned from the text's code units without a string per token. `"\n"` is outside
 * `[a-z0-9]`, so the whole text's tokens are its lines' tokens end to end, and lowercasing the
 * whole text equals lowercasing each line (a newline stops the final-sigma context).
 *
 * @param text - any string
 * @param stem - whether to stem (rouge-score's `use_stemmer`)
 * @param ids - the token ids of the texts being compared (shared, so equal tokens get equal ids)
 * @returns the token ids and the line ends
 * @example
 * ```ts
 * const ids = new TokenIds();
 * rougeTokenIds("The cats' running-shoes", true, ids).all; // [0, 1, 2, 3]: the, cat, run, shoe
 * rougeTokenIds('a cat\n\nthe end', false, ids).lineEnds; // [2, 4]
 * ```
 */
export function rougeTokenIds(text: string, stem: boolean, ids: TokenIds): RougeTokens {
  const length = lowercaseUnits(text);
  if (tokens.length < length) tokens = new Int32Array(length * 2);
  const out = tokens;
  const lowered = units;
  let count = 0;
  let start = -1;
  let lineStart = 0;
  const lineEnds: number[] = [];
  for (let i = 0; i <= length; i++) {
    const code = i < length ? lowered[i]! : 10;
    if (isLowerAlphanumeric(code)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      if (stem && i - start > 3) {
        const stemmed = cachedStem(decodeUnits(start, i));
        if (stemmed.length > 0) out[count++] = ids.idOfString(stemmed);
      } else out[count++] = ids.idOfUnits(lowered, start, i);
      start = -1;
    }
    if (code === 10) {
      if (i > lineStart) lineEnds.push(count);
      lineStart = i + 1;
    }
  }
  return { all: out.slice(0, count), lineEnds };
}
