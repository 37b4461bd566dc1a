import YAML from 'yaml';

/** A blank line, which YAML folds into a value that runs on past it. */
const EMPTY_LINE = /^\s*$/;

/**
 * Why a YAML configuration does not parse, where the fault is. The `yaml` package reports a
 * value that runs on into a deeper-indented line (`name: x` then `  foo: bar`) at the start of
 * the value, on the line that is fine (`line 1, column 7`): YAML reads the indented line as
 * more of that value, and the `:` on it then makes a key of two lines. The line to fix is the
 * indented one, so that is where this message points, saying what YAML made of it; any other
 * error keeps the `yaml` package's own message.
 *
 * @param text - the YAML text that failed to parse
 * @param fallback - the message of the error `YAML.parse` threw
 * @returns the message: for a value run on, the line and column of the fault first, then what
 *   YAML made of it and how to fix it, then the lines with a caret under the fault
 * @example
 * yamlErrorMessage('name: x\n  foo: : bar\n', 'Nested mappings are not allowed in compact mappings at line 1, column 7').split(':')[0];
 * // 'line 2, column 3'
 */
export function yamlErrorMessage(text: string, fallback: string): string {
  const errors = YAML.parseDocument(text).errors;
  const first = errors[0];
  const runOn = errors.find(
    (e) =>
      e.code === 'MULTILINE_IMPLICIT_KEY' &&
      e.pos[0] === first?.pos[0] &&
      e.linePos?.[1] !== undefined &&
      e.linePos[1].line > e.linePos[0].line,
  );
  if (runOn?.linePos === undefined) return fallback;
  const lines = text.split(/\r?\n/);
  const start = runOn.linePos[0].line;
  const next = lines.findIndex((line, i) => i >= start && !EMPTY_LINE.test(line));
  if (next < 0) return fallback;
  const at = next + 1;
  const column = lines[next]!.search(/\S/) + 1;
  const head = lines[start - 1]!.trim();
  const frame = [...lines.slice(start - 1, at), `${' '.repeat(column - 1)}^`].join('\n');
  return `line ${at}, column ${column}: this line is indented under line ${start} ('${head}'), whose value is already written, so YAML reads it as more of that value, and its ':' then makes a key of both lines, which YAML does not allow. Indent it as line ${start} is to make it a key of its own, or remove the value on line ${start} to nest it under that key:\n\n${frame}\n`;
}
