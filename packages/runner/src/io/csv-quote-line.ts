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

/** Line breaks in `text` (LF, CRLF or a lone CR), as the CSV readers count lines. */
function lineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/**
 * Text right after a quoted field's closing quote (`"ab"c`), in one record: csv-parse with
 * `relax_quotes` (which reads a quote inside an unquoted field as part of it, as pandas does)
 * reads such a field as its raw text `"ab"c`, where pandas reads `abc`, so the readers refuse it.
 *
 * @param raw - the record's text as in the file (csv-parse's `raw`, line breaks included)
 * @param lastLine - the line the record ends on (csv-parse's `info.lines`)
 * @param delimiter - the field delimiter (`,` or `\t`)
 * @returns the character after the closing quote and its line, or undefined where there is none
 * @example
 * textAfterClosingQuote('a,"ab"c\n', 3, ','); // { char: 'c', line: 3 }
 */
export function textAfterClosingQuote(
  raw: string,
  lastLine: number,
  delimiter: string,
): { char: string; line: number } | undefined {
  const body = raw.replace(/(\r\n|\n|\r)$/, '');
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c !== '"') continue;
      if (body[i + 1] === '"') {
        i++;
        continue;
      }
      quoted = false;
      const next = body[i + 1];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return { char: next, line: lastLine - lineBreaks(body.slice(i + 1)) };
      }
      continue;
    }
    if (c === '"' && fieldStart) quoted = true;
    fieldStart = c === delimiter || c === '\n' || c === '\r';
  }
  return undefined;
}

/**
 * The file's line each csv-parse record ends on, record after record: csv-parse counts the CR
 * and the LF of a line break inside a quoted field as two lines, so its `info.lines` runs one
 * ahead per such CRLF before (a message named line 5 for a field on line 4).
 *
 * @returns a function of each record in turn (csv-parse's `raw` and `info`), giving its line;
 *   its `ahead` is how far csv-parse's count has run ahead so far (for a csv-parse error's
 *   `lines`, whose record was never given)
 * @example
 * const lineOf = csvRecordLines();
 * lineOf({ raw: 'y,p\r', info: { lines: 1 } }); // 1
 * lineOf({ raw: 'a,"x\r\ny"\r', info: { lines: 4 } }); // 3
 * lineOf.ahead; // 1
 */
export function csvRecordLines(): CsvRecordLines {
  let extra = 0;
  const lineOf = (item: { readonly raw: string; readonly info: { readonly lines: number } }) => {
    const body = item.raw.replace(/(\r\n|\n|\r)$/, '');
    extra += body.split('\r\n').length - 1;
    return item.info.lines - extra;
  };
  return Object.defineProperty(lineOf, 'ahead', { get: () => extra }) as CsvRecordLines;
}

/** The line function of {@link csvRecordLines}, with how far csv-parse's count ran ahead. */
export interface CsvRecordLines {
  (item: { readonly raw: string; readonly info: { readonly lines: number } }): number;
  /** csv-parse's count minus the file's, so far */
  readonly ahead: number;
}
