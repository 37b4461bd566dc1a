// Where a CSV file's unclosed quote opened: csv-parse only says where the file ended.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The line (from 1, the header's) where the quoted field that the file ends inside opened,
 * counting lines as the CSV readers do (LF, CRLF or a lone CR ends one, inside quotes too).
 *
 * @param bytes - the whole file
 * @param delimiter - the field delimiter (`,` or `\t`)
 * @returns the line, or undefined where every quoted field closes
 * @example
 * unclosedQuoteLine(Buffer.from('y,s\na,1\n"b,2\nc,3\n')); // 3
 */
export function unclosedQuoteLine(bytes: Uint8Array, delimiter = ','): number | undefined {
  const sep = delimiter.charCodeAt(0);
  let line = 1;
  let quoted = false;
  let opened = 0;
  let fieldStart = true;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = bom; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) line++;
    if (quoted) {
      if (b !== QUOTE) continue;
      if (bytes[i + 1] === QUOTE) i++;
      else quoted = false;
      continue;
    }
    if (b === QUOTE && fieldStart) {
      quoted = true;
      opened = line;
    }
    fieldStart = b === sep || b === LF || b === CR;
  }
  return quoted ? opened : undefined;
}
