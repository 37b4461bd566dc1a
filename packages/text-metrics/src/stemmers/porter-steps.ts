/**
 * Steps 1a to 5b of the Porter stemmer, ported from NLTK 3.8's `nltk/stem/porter.py` in its
 * default `NLTK_EXTENSIONS` mode (the mode rouge-score's `PorterStemmer()` gets). Rule order
 * and the "first matching suffix decides" behaviour are NLTK's.
 */
import {
  applyRuleList,
  containsVowel,
  endsCvc,
  hasPositiveMeasure,
  isConsonant,
  measure,
  replaceSuffix,
  type SuffixRule,
} from './porter-conditions.js';

/**
 * Step 1a: sses → ss, ies → i (NLTK: a four-letter `-ies` word → `-ie`), ss → ss, s → "".
 *
 * @example
 * ```ts
 * step1a('caresses'); // 'caress'
 * ```
 */
export function step1a(word: string): string {
  if (word.endsWith('ies') && word.length === 4) return replaceSuffix(word, 'ies', 'ie');
  return applyRuleList(word, [
    ['sses', 'ss', null],
    ['ies', 'i', null],
    ['ss', 'ss', null],
    ['s', '', null],
  ]);
}

/**
 * Step 1b: (m>0) eed → ee; (*v*) ed / ing → "" then at/bl/iz + e, undouble, or (m=1 and *o) + e.
 *
 * @example
 * ```ts
 * step1b('hopping'); // 'hop'
 * ```
 */
export function step1b(word: string): string {
  // NLTK: 'spied' → 'spi' but 'died' → 'die'
  if (word.endsWith('ied')) {
    return replaceSuffix(word, 'ied', word.length === 4 ? 'ie' : 'i');
  }
  if (word.endsWith('eed')) {
    const stem = replaceSuffix(word, 'eed', '');
    return measure(stem) > 0 ? `${stem}ee` : word;
  }
  let intermediate: string | undefined;
  for (const suffix of ['ed', 'ing']) {
    if (word.endsWith(suffix)) {
      const candidate = replaceSuffix(word, suffix, '');
      if (containsVowel(candidate)) {
        intermediate = candidate;
        break;
      }
    }
  }
  if (intermediate === undefined) return word;
  const last = intermediate[intermediate.length - 1]!;
  return applyRuleList(intermediate, [
    ['at', 'ate', null],
    ['bl', 'ble', null],
    ['iz', 'ize', null],
    ['*d', last, () => last !== 'l' && last !== 's' && last !== 'z'],
    ['', 'e', (stem) => measure(stem) === 1 && endsCvc(stem)],
  ]);
}

/**
 * Step 1c (NLTK): y → i when the y follows a consonant that is not the whole stem.
 *
 * @example
 * ```ts
 * step1c('happy'); // 'happi'
 * ```
 */
export function step1c(word: string): string {
  return applyRuleList(word, [
    ['y', 'i', (stem) => stem.length > 1 && isConsonant(stem, stem.length - 1)],
  ]);
}

const STEP2_RULES: readonly SuffixRule[] = [
  ['ational', 'ate', hasPositiveMeasure],
  ['tional', 'tion', hasPositiveMeasure],
  ['enci', 'ence', hasPositiveMeasure],
  ['anci', 'ance', hasPositiveMeasure],
  ['izer', 'ize', hasPositiveMeasure],
  ['bli', 'ble', hasPositiveMeasure],
  ['alli', 'al', hasPositiveMeasure],
  ['entli', 'ent', hasPositiveMeasure],
  ['eli', 'e', hasPositiveMeasure],
  ['ousli', 'ous', hasPositiveMeasure],
  ['ization', 'ize', hasPositiveMeasure],
  ['ation', 'ate', hasPositiveMeasure],
  ['ator', 'ate', hasPositiveMeasure],
  ['alism', 'al', hasPositiveMeasure],
  ['iveness', 'ive', hasPositiveMeasure],
  ['fulness', 'ful', hasPositiveMeasure],
  ['ousness', 'ous', hasPositiveMeasure],
  ['aliti', 'al', hasPositiveMeasure],
  ['iviti', 'ive', hasPositiveMeasure],
  ['biliti', 'ble', hasPositiveMeasure],
  ['fulli', 'ful', hasPositiveMeasure],
];

/**
 * Step 2 (m>0): ational → ate, tional → tion, …, with NLTK's alli-first, fulli and logi rules.
 *
 * @example
 * ```ts
 * step2('relational'); // 'relate'
 * ```
 */
export function step2(word: string): string {
  if (word.endsWith('alli') && hasPositiveMeasure(replaceSuffix(word, 'alli', ''))) {
    return step2(replaceSuffix(word, 'alli', 'al'));
  }
  // NLTK keeps the l of -logi with the stem, so 'geo'/'theo' stems qualify like 'archaeo'
  const logi: SuffixRule = ['logi', 'log', () => hasPositiveMeasure(word.slice(0, -3))];
  return applyRuleList(word, [...STEP2_RULES, logi]);
}

const STEP3_RULES: readonly SuffixRule[] = [
  ['icate', 'ic', hasPositiveMeasure],
  ['ative', '', hasPositiveMeasure],
  ['alize', 'al', hasPositiveMeasure],
  ['iciti', 'ic', hasPositiveMeasure],
  ['ical', 'ic', hasPositiveMeasure],
  ['ful', '', hasPositiveMeasure],
  ['ness', '', hasPositiveMeasure],
];

/**
 * Step 3 (m>0): icate → ic, ative → "", alize → al, iciti → ic, ical → ic, ful → "", ness → "".
 *
 * @example
 * ```ts
 * step3('hopeful'); // 'hope'
 * ```
 */
export function step3(word: string): string {
  return applyRuleList(word, STEP3_RULES);
}

const measureAboveOne = (stem: string): boolean => measure(stem) > 1;

const STEP4_RULES: readonly SuffixRule[] = [
  ['al', '', measureAboveOne],
  ['ance', '', measureAboveOne],
  ['ence', '', measureAboveOne],
  ['er', '', measureAboveOne],
  ['ic', '', measureAboveOne],
  ['able', '', measureAboveOne],
  ['ible', '', measureAboveOne],
  ['ant', '', measureAboveOne],
  ['ement', '', measureAboveOne],
  ['ment', '', measureAboveOne],
  ['ent', '', measureAboveOne],
  [
    'ion',
    '',
    (stem) => measure(stem) > 1 && (stem[stem.length - 1] === 's' || stem[stem.length - 1] === 't'),
  ],
  ['ou', '', measureAboveOne],
  ['ism', '', measureAboveOne],
  ['ate', '', measureAboveOne],
  ['iti', '', measureAboveOne],
  ['ous', '', measureAboveOne],
  ['ive', '', measureAboveOne],
  ['ize', '', measureAboveOne],
];

/**
 * Step 4 (m>1): removes al, ance, ence, er, ic, able, …, ion after s or t, …, ize.
 *
 * @example
 * ```ts
 * step4('adjustment'); // 'adjust'
 * ```
 */
export function step4(word: string): string {
  return applyRuleList(word, STEP4_RULES);
}

/**
 * Step 5a: (m>1) e → ""; (m=1 and not *o) e → "". Both conditions are tried.
 *
 * @example
 * ```ts
 * step5a('probate'); // 'probat'
 * ```
 */
export function step5a(word: string): string {
  if (word.endsWith('e')) {
    const stem = replaceSuffix(word, 'e', '');
    const m = measure(stem);
    if (m > 1) return stem;
    if (m === 1 && !endsCvc(stem)) return stem;
  }
  return word;
}

/**
 * Step 5b: (m>1 and *d and *L) → single letter, with m measured on the word less one l.
 *
 * @example
 * ```ts
 * step5b('controll'); // 'control'
 * ```
 */
export function step5b(word: string): string {
  return applyRuleList(word, [['ll', 'l', () => measure(word.slice(0, -1)) > 1]]);
}
