import { isPyWhitespace } from '../python-compat/python-strings.js';

/** Python's `text.rstrip()` (sacrebleu strips segments so before tokenizing). */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPyWhitespace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * UTF-16 offsets of the code point boundaries of `text` (length: code points + 1), so that the
 * code points i..i+n-1 are `text.slice(offsets[i], offsets[i + n])`, as Python slices a `str`.
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
