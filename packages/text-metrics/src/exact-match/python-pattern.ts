import { describeValue } from '../argument-checks.js';
import { TextMetricsError, type TextMetricsErrorCode } from '../errors.js';
import { PY_WHITESPACE_CLASS, PY_WORD_CHAR_CLASS } from '../python-compat/python-strings.js';
import { foldPythonClassMembers, foldPythonLiteral } from './python-case-folding.js';
import { pyMatchSpans } from './python-match-spans.js';

const LEADING_INLINE_FLAGS = /^\(\?([aiLmsux]+)\)/;
const QUANTIFIER = /^\{(\d*)(,(\d*))?\}/;
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const WORD = `[${PY_WORD_CHAR_CLASS}]`;
const NOT_WORD = `[^${PY_WORD_CHAR_CLASS}]`;

/** Python's escapes as JavaScript `u`-mode text, outside a character class. */
const OUTSIDE_CLASS: Readonly<Record<string, string>> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: WORD,
  W: NOT_WORD,
  s: `[${PY_WHITESPACE_CLASS}]`,
  S: `[^${PY_WHITESPACE_CLASS}]`,
  // inside a lookahead, the alternatives are no choice to retry after an empty match
  b: `(?=(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  // Python 3.11's \B never matches in an empty string
  B: `(?=(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD})(?:(?<=[\\s\\S])|(?=[\\s\\S])))`,
  A: '(?<![\\s\\S])',
  Z: '(?![\\s\\S])',
};

/** Inside a class only the positive classes have a JavaScript spelling. */
const INSIDE_CLASS: Readonly<Record<string, string>> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: PY_WORD_CHAR_CLASS,
  s: PY_WHITESPACE_CLASS,
};

interface Flags {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

class PatternError extends Error {}

function readFlags(pattern: string): { body: string; flags: Flags } {
  const match = LEADING_INLINE_FLAGS.exec(pattern);
  const letters = match?.[1] ?? '';
  for (const flag of letters) {
    if (flag === 'x' || flag === 'L') {
      throw new PatternError(`the Python inline flag (?${flag}) has no JavaScript equivalent`);
    }
  }
  return {
    body: match === null ? pattern : pattern.slice(match[0].length),
    flags: {
      ignoreCase: letters.includes('i'),
      multiline: letters.includes('m'),
      dotAll: letters.includes('s'),
    },
  };
}

function escapeSequence(pattern: string, i: number, inClass: boolean): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined) throw new PatternError('it ends with a lone backslash');
  if (next === 'U') {
    const hex = pattern.slice(i + 2, i + 10);
    if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new PatternError('\\U needs 8 hex digits');
    return [`\\u{${hex}}`, i + 10];
  }
  // whole, so that (?i) sees which character \x69 is
  const hex = { x: 2, u: 4 }[next];
  if (hex !== undefined && /^[0-9a-fA-F]+$/.test(pattern.slice(i + 2, i + 2 + hex))) {
    return [pattern.slice(i, i + 2 + hex), i + 2 + hex];
  }
  const mapped = (inClass ? INSIDE_CLASS : OUTSIDE_CLASS)[next];
  if (mapped !== undefined) return [mapped, i + 2];
  if (/[0-9A-Za-z]/.test(next)) return [`\\${next}`, i + 2];
  // Python escapes any punctuation; JavaScript's u mode only syntax characters (and - in a class)
  if (SYNTAX.has(next) || (inClass && next === '-')) return [`\\${next}`, i + 2];
  return [next, i + 2];
}

function groupStart(pattern: string, i: number): [string, number] | undefined {
  // the name whole, so that (?i) does not widen its letters
  const named = /^\(\?P<([^>]+)>/.exec(pattern.slice(i));
  if (named !== null) return [`(?<${named[1]}>`, i + named[0].length];
  const backReference = /^\(\?P=(\w+)\)/.exec(pattern.slice(i));
  if (backReference !== null) return [`\\k<${backReference[1]}>`, i + backReference[0].length];
  if (pattern.startsWith('(?#', i)) {
    const end = pattern.indexOf(')', i);
    if (end < 0) throw new PatternError('a (?# comment is not closed');
    return ['', end + 1];
  }
  return undefined;
}

function outsideClass(pattern: string, i: number, flags: Flags): [string, number] {
  const c = pattern[i]!;
  if (c === '(') return groupStart(pattern, i) ?? ['(', i + 1];
  if (c === '.') return [flags.dotAll ? '[\\s\\S]' : '[^\\n]', i + 1];
  if (c === '^') return [flags.multiline ? '(?<![^\\n])' : '(?<![\\s\\S])', i + 1];
  // Python's $ also matches before a final newline (or, multiline, before any newline)
  if (c === '$') return [flags.multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))', i + 1];
  if (c === '{') {
    const q = QUANTIFIER.exec(pattern.slice(i));
    if (q === null || q[0] === '{}') return ['\\{', i + 1];
    const lo = q[1] === '' ? '0' : q[1]!;
    return [q[2] === undefined ? `{${lo}}` : `{${lo},${q[3]}}`, i + q[0].length];
  }
  if (c === '}' || c === ']') return [`\\${c}`, i + 1];
  return [c, i + 1];
}

/**
 * Rewrites a Python `re` pattern as a JavaScript `u`-mode source with the same meaning for the
 * common constructs (see {@link compilePythonPattern}).
 */
function translate(pattern: string): { source: string; ignoreCase: boolean } {
  const { body, flags } = readFlags(pattern);
  let source = '';
  let classStart = -1;
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    let piece: string;
    if (c === '\\') {
      [piece, i] = escapeSequence(body, i, classStart >= 0);
      if (classStart < 0 && flags.ignoreCase) piece = foldPythonLiteral(piece);
    } else if (classStart >= 0) {
      [piece, i] = [c === '[' ? '\\[' : c, i + 1];
      if (c === ']') {
        const members = source.slice(classStart);
        source = source.slice(0, classStart);
        piece = `${flags.ignoreCase ? foldPythonClassMembers(members) : members}]`;
        classStart = -1;
      }
    } else if (c === '[') {
      [piece, i] = openClass(body, i);
      classStart = source.length + piece.length;
      // a ] first in a Python class is a literal
      if (body[i] === ']') {
        piece += '\\]';
        i += 1;
      }
    } else {
      [piece, i] = outsideClass(body, i, flags);
      if (flags.ignoreCase) piece = foldPythonLiteral(piece);
    }
    source += piece;
  }
  if (classStart >= 0) throw new PatternError('a character class is not closed');
  return { source, ignoreCase: flags.ignoreCase };
}

function openClass(body: string, i: number): [string, number] {
  return body[i + 1] === '^' ? ['[^', i + 2] : ['[', i + 1];
}

/**
 * Compiles a regular expression written for Python's `re` (as lm-evaluation-harness configs
 * write them), or takes a RegExp as it is, for replacing or finding every match.
 *
 * @remarks
 * A string is translated to a JavaScript `u`-mode RegExp with Python's meaning: a leading inline
 * flag group `(?i)`, `(?m)`, `(?s)` (also combined); `\d` any Unicode decimal digit, `\w` letters,
 * numbers and `_`, `\s` Python's whitespace, `\b`, `\B`, `\A`, `\Z` on those; `.` any character but
 * `\n`; `$` also before a final newline; `{` that is not a quantifier a literal, `{,n}` a
 * quantifier; any escaped punctuation a literal; `(?P<name>…)`, `(?P=name)`, `(?#…)`. Not
 * translated: `\W`, `\S` inside a class (JavaScript's ASCII meaning) and the `(?x)` and `(?L)`
 * flags (rejected). A RegExp keeps its own flags, plus `g`.
 *
 * @param pattern - the pattern
 * @param name - how messages name it, e.g. `'Option options.regexesToIgnore[0]'`; the error's
 *   `path` is the name without a leading `Option ` or `Argument `
 * @param code - the error code for a bad pattern (`INVALID_OPTION` for an option)
 * @returns a global RegExp
 * @throws {@link TextMetricsError} with `code` for a pattern that does not compile
 * @example
 * ```ts
 * compilePythonPattern('(?s).*#### ', 'Option options.regexesToIgnore[0]').source; // '[\\s\\S]*#### '
 * ```
 */
export function compilePythonPattern(
  pattern: unknown,
  name: string,
  code: TextMetricsErrorCode = 'INVALID_OPTION',
): RegExp {
  const path = name.replace(/^(?:Option|Argument) /, '');
  if (pattern instanceof RegExp) {
    return pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  }
  if (typeof pattern !== 'string') {
    throw new TextMetricsError(
      code,
      `${name} must be a regular expression (a string or a RegExp); got ${describeValue(pattern)}.`,
      path,
    );
  }
  try {
    const { source, ignoreCase } = translate(pattern);
    return new RegExp(source, ignoreCase ? 'giu' : 'gu');
  } catch (error) {
    throw new TextMetricsError(
      code,
      `${name} is not a valid regular expression (${JSON.stringify(pattern)}): ${(error as Error).message}.`,
      path,
    );
  }
}

/**
 * Python's `re.sub(pattern, "", text)` with a RegExp from {@link compilePythonPattern}.
 *
 * @param text - the text
 * @param regex - a global RegExp
 * @returns the text without the matches
 * @example
 * ```ts
 * pyRemoveAll('a,b,c', compilePythonPattern(',', 'pattern')); // 'abc'
 * ```
 */
export function pyRemoveAll(text: string, regex: RegExp): string {
  let out = '';
  let from = 0;
  for (const [start, end] of pyMatchSpans(text, regex)) {
    out += text.slice(from, start);
    from = end;
  }
  return out + text.slice(from);
}

/**
 * Python's `re.search(pattern, text) is not None` with a RegExp from {@link compilePythonPattern}.
 *
 * @param text - the text
 * @param regex - a global RegExp
 * @returns whether the pattern matches anywhere
 * @example
 * ```ts
 * pySearch('Answer: B', compilePythonPattern('[A-D]$', 'pattern')); // true
 * ```
 */
export function pySearch(text: string, regex: RegExp): boolean {
  return !pyMatchSpans(text, regex).next().done;
}
