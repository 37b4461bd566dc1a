import {
  MULTILINGUAL_ANSWER_REGEXES,
  normalizeResponse,
  simpleEvalsAnswer,
} from './answer-patterns.js';

/** How a multiple-choice answer is read (`task.extract`). */
export type ChoiceExtraction = 'auto' | 'letter' | 'number' | 'text';

/**
 * The letter of the choice at a 0-based position.
 *
 * @param position - 0..25
 * @returns `A`..`Z`
 * @example
 * choiceLetter(2); // 'C'
 */
export function choiceLetter(position: number): string {
  return String.fromCharCode(65 + position);
}

/** A lone letter, bracketed or bolded or followed by `.`, `)` or `:` (`B`, `(B)`, `B.`). */
const LONE_LETTER = /^\s*[([]?\s*([A-Z])\s*[)\].:]?\s*$/u;
/** A lone number, likewise (`2`, `(2)`, `2.`). */
const LONE_NUMBER = /^\s*[([]?\s*(\d{1,3})\s*[)\].:]?\s*$/u;

function letterAnswer(response: string, count: number): number | null {
  const fromPattern = simpleEvalsAnswer(response, choiceLetter(count - 1));
  const viaPattern = fromPattern === null ? null : indexOfLetter(fromPattern, count);
  if (viaPattern !== null) return viaPattern;
  // a pattern that caught no choice letter (a lowercase `a`, an `E` of four choices) is no answer
  const lone = LONE_LETTER.exec(normalizeResponse(response))?.[1];
  return lone === undefined ? null : indexOfLetter(lone, count);
}

function indexOfLetter(letter: string, count: number): number | null {
  if (!/^[A-Z]$/u.test(letter)) return null;
  const i = letter.charCodeAt(0) - 65;
  return i < count ? i : null;
}

let numberPatterns: RegExp[] | undefined;

function numberAnswer(response: string, count: number): number | null {
  numberPatterns ??= MULTILINGUAL_ANSWER_REGEXES.map((r) => new RegExp(`${r}[ \\t]*(\\d+)`, 'iu'));
  const text = normalizeResponse(response);
  let digits: string | undefined;
  for (const p of numberPatterns) {
    digits = p.exec(text)?.[1];
    if (digits !== undefined) break;
  }
  digits ??= LONE_NUMBER.exec(text)?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return n >= 1 && n <= count ? n - 1 : null;
}

/** Lowercase, inner whitespace collapsed, ends trimmed of spaces, quotes and final `.!?`. */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s"'`]+|[\s"'`.!?]+$/gu, '');
}

/** Whether `needle` occurs in `hay` with no letter or digit right before or after it. */
function containsWord(hay: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = hay.slice(0, at);
    const after = hay.slice(at + needle.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}

/** The one choice a text names: equal to it, else the only one it contains; null if none or several. */
function namedChoice(candidate: string, choices: readonly string[]): number | null | 'ambiguous' {
  const text = plain(candidate);
  if (text === '') return null;
  const plainChoices = choices.map(plain);
  const equal = plainChoices.flatMap((c, i) => (c === text ? [i] : []));
  if (equal.length === 1) return equal[0]!;
  if (equal.length > 1) return 'ambiguous';
  const contained = plainChoices.flatMap((c, i) => (c !== '' && containsWord(text, c) ? [i] : []));
  // "red wine" names red wine, not also red
  const maximal = contained.filter(
    (i) => !contained.some((j) => j !== i && plainChoices[j]!.includes(plainChoices[i]!)),
  );
  if (maximal.length === 1) return maximal[0]!;
  return maximal.length > 1 ? 'ambiguous' : null;
}

const ANSWER_LINE = /Answer\s*:\s*([^\n]+)/iu;

function textAnswer(response: string, choices: readonly string[]): number | null {
  const line = ANSWER_LINE.exec(normalizeResponse(response))?.[1];
  for (const candidate of line === undefined ? [response] : [line, response]) {
    const named = namedChoice(candidate, choices);
    if (named === 'ambiguous') return null;
    if (named !== null) return named;
  }
  return null;
}

/**
 * Reads which choice a multiple-choice answer picks, by position in the order the choices
 * were shown.
 *
 * @param response - the model's answer
 * @param choices - the choice texts in the order shown (lettered A, B, ... or numbered 1, 2, ...)
 * @param mode - `letter`: simple-evals' multilingual `Answer: X` patterns (see
 *   `simpleEvalsAnswer`), else a lone letter (`B`, `(B)`, `B.`); `number`: the same answer
 *   patterns followed by a 1-based number, else a lone number; `text`: the choice whose text
 *   the `Answer:` line (else the whole answer) equals, else the only one it contains
 *   (case, spacing and final punctuation ignored); `auto`: `letter`, then `text`
 * @returns the 0-based position of the chosen choice, or null when the answer names none,
 *   names a letter or number beyond the choices, or names several
 * @example
 * extractChoice('Thinking...\nAnswer: C', ['red', 'green', 'blue'], 'auto'); // 2
 * extractChoice('It is green.', ['red', 'green', 'blue'], 'auto'); // 1
 */
export function extractChoice(
  response: string,
  choices: readonly string[],
  mode: ChoiceExtraction,
): number | null {
  switch (mode) {
    case 'letter':
      return letterAnswer(response, choices.length);
    case 'number':
      return numberAnswer(response, choices.length);
    case 'text':
      return textAnswer(response, choices);
    case 'auto':
      return letterAnswer(response, choices.length) ?? textAnswer(response, choices);
  }
}
