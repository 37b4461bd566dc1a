/*
 * Python's `str.split()` and `str.rstrip()` split on the characters `str.isspace()` accepts, which
 * differ from JavaScript's `\s` (Python adds U+001C-U+001F and U+0085, JavaScript adds U+FEFF).
 * sacrebleu tokenizes with them, so the kernels use these instead of `\s`.
 */
const PYTHON_WHITESPACE =
  '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PYTHON_WHITESPACE_RUN = new RegExp(`${PYTHON_WHITESPACE}+`, 'u');
const PYTHON_TRAILING_WHITESPACE = new RegExp(`${PYTHON_WHITESPACE}+$`, 'u');

/** Python's `text.split()`: the runs between whitespace, without empty strings. */
export function pythonSplit(text: string): string[] {
  const parts = text.split(PYTHON_WHITESPACE_RUN);
  if (parts.length > 0 && parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Python's `text.rstrip()`. */
export function pythonRstrip(text: string): string {
  return text.replace(PYTHON_TRAILING_WHITESPACE, '');
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
