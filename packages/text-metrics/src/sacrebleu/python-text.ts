import { isPyWhitespace } from '../python-compat/python-strings.js';

/**
 * Python's `text.rstrip()`: trailing Python whitespace removed, which includes Unicode spaces
 * such as U+00A0 and U+3000 (sacrebleu strips segments so before tokenizing).
 *
 * @example
 * pythonRstrip(' ok \t\n'); // ' ok'
 * pythonRstrip('ok\u00a0\u3000'); // 'ok'
 */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPyWhitespace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * UTF-16 offsets of the code point boundaries of `text` (length: code points + 1), so that the
 * code points i..i+n-1 are `text.slice(offsets[i], offsets[i + n])`, as Python slices a `str`.
 * A surrogate pair is one code point, a lone surrogate one of its own.
 *
 * @example
 * codePointOffsets('a😀b'); // Uint32Array [0, 1, 3, 4]
 */
export function codePointOffsets(text: string): Uint32Array {
  const offsets = new Uint32Array(text.length + 1);
  let count = 0;
  for (let unit = 0; unit < text.length; unit++) {
    offsets[count++] = unit;
    const code = text.charCodeAt(unit);
    if (code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length) {
      const next = text.charCodeAt(unit + 1);
      if (next >= 0xdc00 && next <= 0xdfff) unit++;
    }
  }
  offsets[count] = text.length;
  return offsets.subarray(0, count + 1);
}
