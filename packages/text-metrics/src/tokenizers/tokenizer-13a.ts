import { checkString } from '../argument-checks.js';
import { isPyWhitespace } from '../python-compat/python-strings.js';

/*
 * sacrebleu's `Tokenizer13a` + `TokenizerRegexp` (mteval-v13a.pl as used by WMT). After the
 * string replacements (`<skipped>`, `-\n`, `\n`, entities) sacrebleu applies four regex
 * substitutions to ` line ` and splits the result on whitespace:
 *   A. ([{-~[-&(-+:-@/])  -> ' \1 '   ASCII punctuation except ' , - . (and the space)
 *   B. ([^0-9])([.,])     -> '\1 \2 ' period and comma after a non-digit
 *   C. ([.,])([^0-9])     -> ' \1 \2' period and comma before a non-digit
 *   D. ([0-9])(-)         -> '\1 \2 ' dash after a digit
 * They only insert spaces, so the tokens are pieces of the line, and one scan decides where the
 * line is cut. A: around every mark of A's class. D: around a `-` that follows a digit (nothing
 * the other rules insert ever separates a digit from a `-`). B and C act on each maximal run
 * s1..sm of periods and commas, between its neighbours w and z (a space at either end of the
 * line or next to a mark of A; A's spaces are non-digits, like the marks themselves). B's matches
 * do not overlap, so after a non-digit w it pairs (w,s1), (s2,s3), …, after a digit (s1,s2),
 * (s3,s4), …, and puts a space after every second mark it matched; every mark but the last ends
 * up followed by a space, and C then cuts before every mark followed by a non-digit. So every gap
 * inside the run is cut, and sm is cut from z, and from w when m = 1, unless z is a digit and sm
 * was not B's second: unless z is a digit and (w is a non-digit and m is even, or w is a digit
 * and m is odd). For m ≥ 2, w and s1 are always cut (by B after a non-digit, by C after a digit).
 * A test replays the four regexes on random text against this scan.
 */

const PUNCTUATION = new Uint8Array(128);
for (const [from, to] of [
  [0x20, 0x26],
  [0x28, 0x2b],
  [0x2f, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7e],
] as const) {
  for (let c = from; c <= to; c++) PUNCTUATION[c] = 1;
}
const PERIOD = 0x2e;
const COMMA = 0x2c;
const DASH = 0x2d;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isPeriodOrComma = (c: number): boolean => c === PERIOD || c === COMMA;
const isMark = (c: number): boolean => c < 128 && PUNCTUATION[c] === 1;

/**
 * The 13a tokenizer's buffers; one per thread. After {@link run}, token k is
 * `units[tokenBounds[2k]..tokenBounds[2k+1])`, k < {@link count}. BLEU reads the tokens from
 * these buffers without building a string per token.
 *
 * @example
 * const t = new Tokenizer13a();
 * t.run('Hi, you.');
 * Array.from(t.tokenBounds.subarray(0, 2 * t.count)); // [0, 2, 2, 3, 4, 7, 7, 8] ('Hi' ',' 'you' '.')
 */
export class Tokenizer13a {
  /** The code units of the last line (after sacrebleu's string replacements). */
  units = new Uint16Array(4096);
  /** Token bounds of the last line, start and end per token. */
  tokenBounds = new Int32Array(1024);
  /** The number of tokens of the last line. */
  count = 0;
  /** cut[i] = 1: the line is cut between units i - 1 and i. */
  private cut = new Uint8Array(4096);

  /** Tokenizes `line` into {@link tokenBounds} and {@link count}. */
  run(line: string): void {
    line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
    if (line.includes('&')) {
      line = line
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>');
    }
    const length = line.length;
    if (this.units.length < length + 1) {
      this.units = new Uint16Array(length * 2 + 1);
      this.cut = new Uint8Array(length * 2 + 1);
    }
    const units = this.units;
    const cut = this.cut;
    for (let i = 0; i < length; i++) units[i] = line.charCodeAt(i);
    cut.fill(0, 0, length + 1);
    for (let i = 0; i < length; i++) {
      const c = units[i]!;
      if (isMark(c)) {
        cut[i] = 1;
        cut[i + 1] = 1;
      } else if (c === DASH) {
        if (i > 0 && isDigit(units[i - 1]!)) {
          cut[i] = 1;
          cut[i + 1] = 1;
        }
      } else if (isPeriodOrComma(c)) {
        i = this.cutRun(i, length) - 1;
      }
    }
    this.split(length);
  }

  /** Cuts the run of periods and commas that starts at `start`; returns its end. */
  private cutRun(start: number, length: number): number {
    const units = this.units;
    const cut = this.cut;
    let end = start + 1;
    while (end < length && isPeriodOrComma(units[end]!)) end++;
    const digitBefore = start > 0 && isDigit(units[start - 1]!);
    const digitAfter = end < length && isDigit(units[end]!);
    const odd = ((end - start) & 1) === 1;
    const lastIsolated = !digitAfter || (digitBefore ? !odd : odd);
    if (end - start >= 2 || lastIsolated) cut[start] = 1;
    for (let i = start + 1; i < end; i++) cut[i] = 1;
    if (lastIsolated) cut[end] = 1;
    return end;
  }

  /** The tokens: runs of non-whitespace units, also ended at every cut. */
  private split(length: number): void {
    if (this.tokenBounds.length < 2 * length + 2) {
      this.tokenBounds = new Int32Array(2 * length + 2);
    }
    const { units, cut, tokenBounds } = this;
    let count = 0;
    let start = -1;
    for (let i = 0; i < length; i++) {
      if (isPyWhitespace(units[i]!)) {
        if (start >= 0) {
          tokenBounds[2 * count] = start;
          tokenBounds[2 * count++ + 1] = i;
          start = -1;
        }
        continue;
      }
      if (start >= 0 && cut[i] === 1) {
        tokenBounds[2 * count] = start;
        tokenBounds[2 * count++ + 1] = i;
        start = i;
      } else if (start < 0) start = i;
    }
    if (start >= 0) {
      tokenBounds[2 * count] = start;
      tokenBounds[2 * count++ + 1] = length;
    }
    this.count = count;
  }
}

const shared = new Tokenizer13a();

/** Decodes UTF-16 units to a string in chunks (a spread of a long array would overflow the stack). */
function decode(units: Uint16Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode(...units.subarray(at, Math.min(at + 8192, end)));
  }
  return text;
}

/**
 * The 13a tokenizer without argument checks (see {@link tokenize13a}).
 *
 * @example
 * tokenize13aUnchecked('It costs $1,234.50.'); // 'It costs $ 1,234.50 .'
 */
export function tokenize13aUnchecked(line: string): string {
  shared.run(line);
  const tokens: string[] = [];
  for (let k = 0; k < shared.count; k++) {
    tokens.push(decode(shared.units, shared.tokenBounds[2 * k]!, shared.tokenBounds[2 * k + 1]!));
  }
  return tokens.join(' ');
}

/**
 * sacrebleu's default BLEU tokenizer `13a` (the mteval-v13a.pl rules WMT uses): drops
 * `<skipped>`, joins `-` + newline, unescapes `&quot; &amp; &lt; &gt;`, splits off ASCII
 * punctuation except `' , - .`, splits `.` and `,` unless between digits, splits `-` after a
 * digit, and joins the tokens with single spaces (Python's notion of whitespace).
 *
 * @remarks Source: sacrebleu 2.6.0 `tokenizers/tokenizer_13a.py` and `tokenizer_re.py`; parity
 * with it is checked by committed fixtures.
 * @param line - the text to tokenize
 * @returns the tokens joined by single spaces
 * @example
 * tokenize13a('Hello, world! It costs $1,234.50.'); // 'Hello , world ! It costs $ 1,234.50 .'
 */
export function tokenize13a(line: string): string {
  return tokenize13aUnchecked(checkString(line, 'line'));
}
