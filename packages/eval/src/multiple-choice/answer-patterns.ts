/**
 * Every way an answer line is introduced in the languages of simple-evals' multilingual MMLU,
 * in its order (the first pattern that matches anywhere wins). The second entry is
 * `Answer\s*:` followed by six zero-width spaces (U+200B), as a Korean model wrote it.
 *
 * @remarks Source: `MULTILINGUAL_ANSWER_REGEXES` in openai/simple-evals `common.py`
 * (commit ee3b031), copied entry by entry; each is a regular expression in the syntax
 * JavaScript and Python share.
 * @example
 * MULTILINGUAL_ANSWER_REGEXES[0]; // 'Answer\\s*:'
 */
export const MULTILINGUAL_ANSWER_REGEXES: readonly string[] = [
  'Answer\\s*:',
  'Answer\\s*:\u200b\u200b\u200b\u200b\u200b\u200b',
  '\u0989\u09a4\u09cd\u09a4\u09b0\\s*:',
  '\u0909\u0924\u094d\u0924\u0930\\s*:',
  '\u0989\u09a4\u09cd\u09a4\u09b0\u0983',
  '\u0989\u09a4\u09cd\u09a4\u09b0\\s*:',
  'Antwort\\s*:',
  '\ub2f5\ubcc0\\s*:',
  '\uc815\ub2f5\\s*:',
  '\ub2f5\\s*:',
  '\u7b54\u6848\\s*\uff1a',
  '\u7b54\u6848\\s*:',
  '\u7b54\\s*\uff1a',
  '\u7b54\\s*:',
  '\u7b54\u590d\\s*\uff1a',
  '\u7b54\u66f0\\s*\uff1a',
  '\u0627\u0644\u0625\u062c\u0627\u0628\u0629:',
  '\u0627\u0644\u062c\u0648\u0627\u0628:',
  '\u0625\u062c\u0627\u0628\u0629:',
  '\u0627\u0644\u0625\u062c\u0627\u0628\u0629 \u0627\u0644\u0646\u0647\u0627\u0626\u064a\u0629:',
  '\u0627\u0644\u0625\u062c\u0627\u0628\u0629 \u0627\u0644\u0635\u062d\u064a\u062d\u0629:',
  '\u0627\u0644\u0625\u062c\u0627\u0628\u0629 \u0627\u0644\u0635\u062d\u064a\u062d\u0629 \u0647\u064a:',
  '\u0627\u0644\u0625\u062c\u0627\u0628\u0629 \u0647\u064a:',
  '\u0627\u0644\u062c\u0648\u0627\u0628 \u0627\u0644\u0646\u0647\u0627\u0626\u064a:',
  'Respuesta\\s*:',
  'Risposta\\s*:',
  '\u7b54\u3048\\s*:',
  '\u7b54\u3048\\s*\uff1a',
  '\u56de\u7b54\\s*:',
  '\u56de\u7b54\\s*\uff1a',
  '\u89e3\u7b54\\s*:',
  'Jawaban\\s*:',
  'R\u00e9ponse\\s*:',
  'Resposta\\s*:',
  'Jibu\\s*:',
  'Idahun\\s*:',
  '\u00ccd\u00e1h\u00f9n\\s*:',
  'Id\u00e1h\u00f9n\\s*:',
  'A\u0300m\u1ecd\u0300na\u0300\\s*:',
  '\u00c0d\u00e1h\u00f9n\\s*:',
  'A\u0300nu\u0301go\u0323\\s*:',
  '\u00c0\u1e63\u00e0y\u00e0n\\s*:',
];

/**
 * The letter alternatives after an answer line: Latin `A-D` (further when an item has more
 * choices), the Arabic letters U+0623..U+062F, Bengali অ ব ড ঢ and full-width Ａ-Ｄ.
 */
function letterGroup(lastLetter: string): string {
  const latin = lastLetter <= 'D' ? 'A-D' : `A-${lastLetter}`;
  return `([${latin}]|[\\u0623-\\u062f]|[\\u0985]|[\\u09ac]|[\\u09a1]|[\\u09a2]|[\\uff21]|[\\uff22]|[\\uff23]|[\\uff24])`;
}

/** Compiled patterns by their letter range (`D` for up to four choices). */
const compiled = new Map<string, RegExp[]>();

/**
 * simple-evals' `MULTILINGUAL_ANSWER_PATTERN_TEMPLATE` filled with each answer regex:
 * `(?i){answer}[ \t]*(letter)`, case-insensitive like Python's `(?i)` (the `u` flag folds
 * case by Unicode's simple folding, as Python's `re` does for text).
 *
 * @param lastLetter - the last choice letter; up to `D` the patterns are simple-evals' own,
 *   beyond it the Latin range grows to that letter (simple-evals stops at four choices)
 * @returns one pattern per entry of {@link MULTILINGUAL_ANSWER_REGEXES}, in order
 * @example
 * multilingualAnswerPatterns('D')[0].exec('Answer: B')?.[1]; // 'B'
 */
export function multilingualAnswerPatterns(lastLetter: string): readonly RegExp[] {
  const key = lastLetter <= 'D' ? 'D' : lastLetter;
  let patterns = compiled.get(key);
  if (patterns === undefined) {
    const group = letterGroup(key);
    patterns = MULTILINGUAL_ANSWER_REGEXES.map((r) => new RegExp(`${r}[ \\t]*${group}`, 'iu'));
    compiled.set(key, patterns);
  }
  return patterns;
}

/**
 * Removes the Markdown and LaTeX wrapping that keeps an answer line from matching, as
 * simple-evals' `normalize_response`: `**`, `$\boxed{`, `}$`, `\$`, `$\text{`, `$`,
 * `\mathrm{`, `\{`, `\text`, `\(`, `\mathbf{`, `{` and `\boxed`, in that order.
 *
 * @param response - the model's answer
 * @returns the answer without those sequences
 * @example
 * normalizeResponse('**Answer: $\\boxed{C}$**'); // 'Answer: C'
 */
export function normalizeResponse(response: string): string {
  return response
    .replaceAll('**', '')
    .replaceAll('$\\boxed{', '')
    .replaceAll('}$', '')
    .replaceAll('\\$', '')
    .replaceAll('$\\text{', '')
    .replaceAll('$', '')
    .replaceAll('\\mathrm{', '')
    .replaceAll('\\{', '')
    .replaceAll('\\text', '')
    .replaceAll('\\(', '')
    .replaceAll('\\mathbf{', '')
    .replaceAll('{', '')
    .replaceAll('\\boxed', '');
}

const LOCAL_LETTERS: ReadonlyArray<readonly [string, string]> = [
  // Arabic
  ['\u0623', ' A'],
  ['\u0628', ' B'],
  ['\u062c', ' C'],
  ['\u062f', ' D'],
  // Bengali
  ['\u0985', ' A'],
  ['\u09ac', ' B'],
  ['\u09a1', ' C'],
  ['\u09a2', ' D'],
  // Japanese full-width
  ['\uff21', ' A'],
  ['\uff22', ' B'],
  ['\uff23', ' C'],
  ['\uff24', ' D'],
];

/** The characters Python's `str.strip()` removes (`str.isspace()`; JavaScript's `\s` differs). */
const PY_SPACE =
  '[\\t\\n\\v\\f\\r \\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'gu');

/**
 * Maps the Arabic, Bengali and full-width letters used for A-D to Latin ones and strips
 * whitespace, as simple-evals' `normalize_extracted_answer`.
 *
 * @param extracted - the captured letter
 * @returns the Latin letter (other characters unchanged)
 * @example
 * normalizeExtractedAnswer('\u062c'); // 'C'
 */
export function normalizeExtractedAnswer(extracted: string): string {
  let out = extracted;
  for (const [from, to] of LOCAL_LETTERS) out = out.replaceAll(from, to);
  return out.replace(PY_STRIP, '');
}

/**
 * The answer letter as simple-evals' multiple-choice evals read it: the response is
 * normalized, each multilingual answer pattern is searched in turn and the first match's
 * letter, normalized, is the answer.
 *
 * @param response - the model's answer
 * @param lastLetter - the last choice letter of the item (`D` for four choices)
 * @returns the extracted letter as matched (a lowercase `b` stays `b`, as in simple-evals,
 *   where it then scores as wrong), or null when no pattern matches
 * @example
 * simpleEvalsAnswer('Réponse : B', 'D'); // 'B'
 * simpleEvalsAnswer('الإجابة: ج', 'D'); // 'C'
 */
export function simpleEvalsAnswer(response: string, lastLetter: string): string | null {
  const text = normalizeResponse(response);
  for (const pattern of multilingualAnswerPatterns(lastLetter)) {
    const match = pattern.exec(text);
    if (match) return normalizeExtractedAnswer(match[1]!);
  }
  return null;
}
