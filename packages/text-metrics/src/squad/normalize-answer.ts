import { checkString } from '../argument-checks.js';
import { PY_WORD_CHAR_CLASS, pySplit, removePunctuation } from '../python-compat/python-strings.js';

// Python's \b(a|an|the)\b, with \b spelled as lookarounds on Python's Unicode \w
const ARTICLES = new RegExp(
  `(?<![${PY_WORD_CHAR_CLASS}])(?:a|an|the)(?![${PY_WORD_CHAR_CLASS}])`,
  'gu',
);

/**
 * SQuAD's `normalize_answer` without argument checks (the kernel under {@link normalizeAnswer}).
 *
 * @param text - any string
 * @returns the normalized answer
 * @example
 * ```ts
 * normalizeAnswerUnchecked('The  Eiffel Tower!'); // 'eiffel tower'
 * ```
 */
export function normalizeAnswerUnchecked(text: string): string {
  return pySplit(removePunctuation(text.toLowerCase()).replace(ARTICLES, ' ')).join(' ');
}

/**
 * SQuAD's answer normalization, the one of the official `evaluate-v1.1.py` and `evaluate-v2.0.py`
 * (and of HELM's `normalize_text`, copied from the QuAC scorer): lowercase, remove the characters
 * of Python's `string.punctuation`, replace the articles `a`, `an`, `the` (whole words) by a
 * space, collapse whitespace.
 *
 * @remarks
 * Exactly as the Python: `' '.join(re.sub(r'\b(a|an|the)\b', ' ', remove_punc(s.lower())).split())`.
 * Only ASCII punctuation is removed; word boundaries and whitespace follow Python's Unicode
 * definitions (`à` is a letter, so `àla` holds no article; U+0085 and U+001F are whitespace).
 *
 * @param text - an answer
 * @returns the normalized answer
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` when `text` is not a string
 * @example
 * ```ts
 * import { normalizeAnswer } from '@assay/text-metrics';
 * normalizeAnswer('The Eiffel  Tower.'); // 'eiffel tower'
 * normalizeAnswer('An apple, a day'); // 'apple day'
 * ```
 */
export function normalizeAnswer(text: string): string {
  checkString(text, 'text');
  return normalizeAnswerUnchecked(text);
}
