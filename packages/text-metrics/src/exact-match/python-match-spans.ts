/**
 * The order in which Python's `re.sub` and `re.finditer` (3.7 and later) take matches, for a
 * JavaScript RegExp: after an empty match, Python tries the same position again and takes a
 * match there only if it is not empty; only when there is none does it move on one character.
 * JavaScript's global `replace` always moves on, so `x*?` on `'xx'` removes nothing in JavaScript
 * and everything in Python.
 */

interface SourceScan {
  /** Whether a choice outside every lookaround can prefer a shorter match (`|`, `*?`, `??`). */
  readonly prefersShorter: boolean;
  /** The source with every numbered backreference moved up by one, or undefined if unsafe. */
  readonly shifted: string | undefined;
}

const LOOKAROUND_OPENERS = ['(?=', '(?!', '(?<=', '(?<!'];
const retryCache = new WeakMap<RegExp, RegExp | null>();

function groupOpener(source: string, i: number): { length: number; kind: string } {
  const look = LOOKAROUND_OPENERS.find((opener) => source.startsWith(opener, i));
  if (look !== undefined) return { length: look.length, kind: 'lookaround' };
  if (source.startsWith('(?<', i)) return { length: 3, kind: 'capture' };
  if (source.startsWith('(?', i)) return { length: 2, kind: 'plain' };
  return { length: 1, kind: 'capture' };
}

function countCaptures(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '(' && !inClass && groupOpener(source, i).kind === 'capture') count += 1;
  }
  return count;
}

/**
 * Reads a JavaScript source for what the retry after an empty match needs. With no `|` and no
 * lazy quantifier outside lookarounds (which JavaScript never backtracks into), every choice
 * prefers the longer match, and an optional iteration that consumes nothing is refused, so when
 * the first match at a position is empty, every match there is: the retry can be skipped.
 */
function scanSource(source: string, unicode: boolean): SourceScan {
  const captures = countCaptures(source);
  const stack: string[] = [];
  let prefersShorter = false;
  let shifted: string | undefined = '';
  let inClass = false;
  let afterQuantifier = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let piece = c;
    const inLookaround = stack.includes('lookaround');
    if (c === '\\') {
      const digits = inClass ? null : /^[1-9]\d*/.exec(source.slice(i + 1));
      piece = source.slice(i, i + 2);
      if (digits !== null) {
        const n = Number(digits[0]);
        piece = `\\${digits[0]}`;
        // outside u mode a number past the last group is an octal escape, which the shift would break
        if (n > captures && !unicode) shifted = undefined;
        else if (shifted !== undefined) shifted += `\\${n + 1}`;
      } else if (shifted !== undefined) shifted += piece;
      i += piece.length;
      afterQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      const opener = groupOpener(source, i);
      stack.push(opener.kind);
      piece = source.slice(i, i + opener.length);
    } else if (c === ')') {
      stack.pop();
    } else if (c === '|' && !inLookaround) {
      prefersShorter = true;
    } else if (c === '?' && afterQuantifier && !inLookaround) {
      prefersShorter = true;
    }
    afterQuantifier = !inClass && '*+?}'.includes(c) && !(c === '?' && afterQuantifier);
    if (shifted !== undefined) shifted += piece;
    i += piece.length;
  }
  return { prefersShorter, shifted };
}

/**
 * A sticky RegExp that matches where `regex` does, in the same order, but only non-empty: a
 * first group takes the rest of the text, and a match that ends where it started is refused by
 * finding that rest again. Null when no non-empty match can follow an empty one.
 */
function nonEmptyRetry(regex: RegExp): RegExp | null {
  const cached = retryCache.get(regex);
  if (cached !== undefined) return cached;
  const { prefersShorter, shifted } = scanSource(
    regex.source,
    regex.unicode || regex.flags.includes('v'),
  );
  let retry: RegExp | null = null;
  if (prefersShorter && shifted !== undefined) {
    const flags = `${regex.flags.replace(/[gy]/g, '')}y`;
    retry = new RegExp(`(?=([\\s\\S]*))(?:${shifted})(?!\\1(?![\\s\\S]))`, flags);
  }
  retryCache.set(regex, retry);
  return retry;
}

function insidePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const at = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/**
 * The first match at or after `from`, never starting between the two halves of a surrogate
 * pair: V8 tries those positions for patterns that open with a lookaround, where Python,
 * counting code points, cannot.
 */
function search(text: string, regex: RegExp, from: number): readonly [number, number] | undefined {
  regex.lastIndex = from;
  for (;;) {
    const match = regex.exec(text);
    if (match === null) return undefined;
    const start = match.index;
    if (!insidePair(text, start)) return [start, start + match[0].length];
    regex.lastIndex = start + 1;
  }
}

/**
 * Every match of a global RegExp as `[start, end]`, in the order Python's `re.sub` takes them.
 *
 * @param text - the text
 * @param regex - a global RegExp
 * @returns the spans, in order
 * @example
 * ```ts
 * [...pyMatchSpans('xx', /x*?/gu)]; // [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2]]
 * ```
 */
export function* pyMatchSpans(text: string, regex: RegExp): Generator<readonly [number, number]> {
  let at = 0;
  let afterEmpty = false;
  for (;;) {
    let span: readonly [number, number] | undefined;
    if (afterEmpty) {
      const retry = nonEmptyRetry(regex);
      if (retry !== null) {
        retry.lastIndex = at;
        const match = retry.exec(text);
        if (match !== null) span = [at, at + match[0].length];
      }
      if (span === undefined) {
        if (at >= text.length) return;
        at += insidePair(text, at + 1) ? 2 : 1;
      }
    }
    span ??= search(text, regex, at);
    if (span === undefined) return;
    yield span;
    afterEmpty = span[0] === span[1];
    at = span[1];
  }
}
