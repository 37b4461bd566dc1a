/** A number literal that JSON.parse reads as Infinity (it overflows a double), as long as `Infinity`. */
const INFINITE = '1e999   ';

/**
 * A JSON Lines record written by Python's `json.dumps` (which writes the bare tokens `NaN`,
 * `Infinity` and `-Infinity`, not valid JSON) as valid JSON: `NaN` becomes `null`, a missing
 * value, as `pandas.read_json(lines=True)` reads it; `Infinity` becomes `1e999` (padded to
 * its length), which `JSON.parse` reads as Infinity (so `-Infinity` is -Infinity). Tokens
 * inside strings are left alone.
 *
 * @param line - a line that `JSON.parse` refused
 * @returns the rewritten `text`, and `originalPosition` to map a position in it (from a
 *   second parse error) back to the line as written; undefined when the line holds no such
 *   token outside a string
 * @example
 * ```ts
 * const read = nonFiniteTokensAsJson('{"y": NaN, "p": -Infinity, "note": "NaN"}');
 * read.text; // '{"y": null, "p": -1e999   , "note": "NaN"}'
 * read.originalPosition(10); // 9 (the comma after NaN)
 * nonFiniteTokensAsJson('{"y": 1,}'); // undefined
 * ```
 */
export function nonFiniteTokensAsJson(
  line: string,
): { text: string; originalPosition: (position: number) => number } | undefined {
  let text = '';
  let from = 0;
  let inString = false;
  // where each `null` that replaced a `NaN` ends in the text: it is one character longer
  const longer: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x4e && line.startsWith('NaN', i)) {
      text += `${line.slice(from, i)}null`;
      longer.push(text.length);
      from = i + 3;
      i += 2;
    } else if (c === 0x49 && line.startsWith('Infinity', i)) {
      text += `${line.slice(from, i)}${INFINITE}`;
      from = i + 8;
      i += 7;
    }
  }
  if (from === 0) return undefined;
  text += line.slice(from);
  const originalPosition = (position: number) =>
    position - longer.filter((end) => end <= position).length;
  return { text, originalPosition };
}
