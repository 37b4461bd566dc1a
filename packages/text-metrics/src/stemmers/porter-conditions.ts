/**
 * The conditions of Porter's paper (consonant, measure `m`, `*v*`, `*d`, `*o`) as NLTK 3.8's
 * `PorterStemmer` in its default `NLTK_EXTENSIONS` mode computes them. Words here are already
 * lowercased and hold one UTF-16 unit per Python code point (see porter-stemmer.ts).
 */

/**
 * A rule's condition on the stem left once its suffix is removed.
 *
 * @example
 * ```ts
 * const positive: StemCondition = (stem) => measure(stem) > 0;
 * ```
 */
export type StemCondition = (stem: string) => boolean;

/**
 * One suffix rule: `[suffix, replacement, condition or null]`; `'*d'` means "a double consonant".
 *
 * @example
 * ```ts
 * const rule: SuffixRule = ['sses', 'ss', null];
 * ```
 */
export type SuffixRule = readonly [
  suffix: string,
  replacement: string,
  condition: StemCondition | null,
];

function isVowelLetter(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

/**
 * True when `word[i]` is a consonant: not a, e, i, o, u, and not a `y` that follows a consonant
 * (a `y` at the start is a consonant).
 *
 * @example
 * ```ts
 * isConsonant('toy', 2); // true (y after a vowel)
 * isConsonant('syzygy', 1); // false
 * ```
 */
export function isConsonant(word: string, i: number): boolean {
  // NLTK recurses over runs of y; a loop gives the same answer without the stack
  let consonant = true;
  let start = i;
  while (start > 0 && word[start] === 'y') start -= 1;
  for (let k = start; k <= i; k += 1) {
    const c = word[k];
    if (isVowelLetter(c)) consonant = false;
    else if (c === 'y') consonant = k === 0 ? true : !consonant;
    else consonant = true;
  }
  return consonant;
}

/**
 * Porter's measure `m`: the number of vowel-consonant transitions (`[C](VC){m}[V]`).
 *
 * @example
 * ```ts
 * measure('trouble'); // 1
 * measure('troubles'); // 2
 * ```
 */
export function measure(stem: string): number {
  let m = 0;
  let previousVowel = false;
  for (let i = 0; i < stem.length; i += 1) {
    const consonant = isConsonant(stem, i);
    if (consonant && previousVowel) m += 1;
    previousVowel = !consonant;
  }
  return m;
}

/**
 * `m > 0`.
 *
 * @example
 * ```ts
 * hasPositiveMeasure('tree'); // false
 * ```
 */
export function hasPositiveMeasure(stem: string): boolean {
  return measure(stem) > 0;
}

/**
 * `*v*`: the stem contains a vowel.
 *
 * @example
 * ```ts
 * containsVowel('sky'); // true (the y follows a consonant)
 * ```
 */
export function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i += 1) {
    if (!isConsonant(stem, i)) return true;
  }
  return false;
}

/**
 * `*d`: the word ends with a double consonant.
 *
 * @example
 * ```ts
 * endsDoubleConsonant('hopp'); // true
 * ```
 */
export function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/**
 * `*o`: the word ends consonant-vowel-consonant and the last is not w, x or y; NLTK's extension
 * also accepts a two-letter word vowel-consonant.
 *
 * @example
 * ```ts
 * endsCvc('hop'); // true
 * endsCvc('snow'); // false
 * ```
 */
export function endsCvc(word: string): boolean {
  const n = word.length;
  if (
    n >= 3 &&
    isConsonant(word, n - 3) &&
    !isConsonant(word, n - 2) &&
    isConsonant(word, n - 1) &&
    word[n - 1] !== 'w' &&
    word[n - 1] !== 'x' &&
    word[n - 1] !== 'y'
  ) {
    return true;
  }
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

/**
 * NLTK's `_replace_suffix`: the word without `suffix` (which it ends with), plus `replacement`.
 *
 * @example
 * ```ts
 * replaceSuffix('ponies', 'ies', 'i'); // 'poni'
 * ```
 */
export function replaceSuffix(word: string, suffix: string, replacement: string): string {
  return word.slice(0, word.length - suffix.length) + replacement;
}

/**
 * NLTK's `_apply_rule_list`: the first rule whose suffix the word ends with decides; when its
 * condition fails the word is returned unchanged and no later rule is tried.
 *
 * @example
 * ```ts
 * applyRuleList('caresses', [['sses', 'ss', null], ['s', '', null]]); // 'caress'
 * ```
 */
export function applyRuleList(word: string, rules: readonly SuffixRule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === '*d' && endsDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
    // NLTK falls through to a literal test even for '*d' (so a word ending in "*d" matches it)
    if (word.endsWith(suffix)) {
      const stem = replaceSuffix(word, suffix, '');
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}
