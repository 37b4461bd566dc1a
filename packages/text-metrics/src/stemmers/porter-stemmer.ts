import { checkString } from '../argument-checks.js';
import { step1a, step1b, step1c, step2, step3, step4, step5a, step5b } from './porter-steps.js';

/** NLTK's table of irregular forms (NLTK_EXTENSIONS mode): word → stem. */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    sky: ['sky', 'skies'],
    die: ['dying'],
    lie: ['lying'],
    tie: ['tying'],
    news: ['news'],
    inning: ['innings', 'inning'],
    outing: ['outings', 'outing'],
    canning: ['cannings', 'canning'],
    howe: ['howe'],
    proceed: ['proceed'],
    exceed: ['exceed'],
    succeed: ['succeed'],
  }).flatMap(([stem, forms]) => forms.map((form) => [form, stem] as const)),
);

const SURROGATE = /[\uD800-\uDFFF]/;
const PRIVATE_USE_FIRST = 0xe000;
const PRIVATE_USE_LAST = 0xf8ff;

function runSteps(word: string): string {
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(word))))))));
}

/**
 * Python counts code points and the rules index letters, so each astral character (two UTF-16
 * units) stands in as one private-use character absent from the word while the steps run: the
 * rules treat both alike (a consonant that is not y) and only compare them for equality.
 */
function stemCodePoints(word: string): string {
  const chars = Array.from(word);
  const used = new Set(chars);
  const toPlaceholder = new Map<string, string>();
  const fromPlaceholder = new Map<string, string>();
  let next = PRIVATE_USE_FIRST;
  for (const c of chars) {
    if (!SURROGATE.test(c) || toPlaceholder.has(c)) continue;
    while (next <= PRIVATE_USE_LAST && used.has(String.fromCharCode(next))) next += 1;
    if (next > PRIVATE_USE_LAST) return runSteps(word); // > 6400 distinct astral characters
    const placeholder = String.fromCharCode(next);
    next += 1;
    toPlaceholder.set(c, placeholder);
    fromPlaceholder.set(placeholder, c);
  }
  const stemmed = runSteps(chars.map((c) => toPlaceholder.get(c) ?? c).join(''));
  return Array.from(stemmed, (c) => fromPlaceholder.get(c) ?? c).join('');
}

function codePointLength(word: string): number {
  if (!SURROGATE.test(word)) return word.length;
  let n = 0;
  for (const _ of word) n += 1;
  return n;
}

/**
 * The Porter stem of one word without argument checks (the kernel under {@link porterStem}).
 *
 * @param word - any string
 * @returns its stem, lowercased
 * @example
 * ```ts
 * stemPorterUnchecked('running'); // 'run'
 * ```
 */
export function stemPorterUnchecked(word: string): string {
  const lower = word.toLowerCase();
  // NLTK looks the original word up (its keys are lowercase, so only a lowercase word matches)
  const irregular = IRREGULAR_FORMS.get(word);
  if (irregular !== undefined) return irregular;
  // NLTK leaves words of one or two characters (of the original word) alone
  if (codePointLength(word) <= 2) return lower;
  return SURROGATE.test(lower) ? stemCodePoints(lower) : runSteps(lower);
}

/**
 * The Porter stem of a word, exactly as NLTK 3.8's `PorterStemmer().stem(word)` (the default
 * `NLTK_EXTENSIONS` mode, which rouge-score uses).
 *
 * @remarks
 * Porter, M. F. "An algorithm for suffix stripping." Program 14.3 (1980): 130-137, with Martin
 * Porter's later extensions and NLTK's (the irregular forms `sky/skies`, `dying`, `lying`,
 * `tying`, `news`, `innings`, `outings`, `cannings`, `howe`, `proceed`, `exceed`, `succeed`; a
 * four-letter `-ies`/`-ied` word keeps `ie`; `y → i` only after a consonant that is not the whole
 * stem; `alli` first in step 2, `fulli → ful`, `logi → log`; a two-letter vowel-consonant word
 * counts as `*o`). The word is lowercased first (Unicode lowercasing, as Python's `str.lower`);
 * lengths count code points, as Python does. Checked against NLTK 3.8 on 160k words
 * (test/fixtures/porter-stemmer.json).
 *
 * @param word - one word (no whitespace handling: the whole string is the word)
 * @returns the stem, lowercased
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` when `word` is not a string
 * @example
 * ```ts
 * import { porterStem } from '@assay/text-metrics';
 * porterStem('Running'); // 'run'
 * porterStem('generalization'); // 'gener'
 * porterStem('skies'); // 'sky'
 * ```
 */
export function porterStem(word: string): string {
  checkString(word, 'word');
  return stemPorterUnchecked(word);
}
