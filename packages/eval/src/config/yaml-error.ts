import YAML from 'yaml';

/** A blank line, which YAML folds into a value that runs on past it. */
const EMPTY_LINE = /^\s*$/;

/** A blank or comment line: YAML places an indentation error on one before the fault. */
const NOT_CONTENT = /^\s*(?:#.*)?$/;

/**
 * A `BAD_INDENT` error placed on a blank or comment line, at the next line with content, which
 * is the one whose indentation matches no key before it.
 */
function badIndentMessage(text: string, error: YAML.YAMLError): string | undefined {
  const line = error.linePos?.[0].line;
  if (error.code !== 'BAD_INDENT' || line === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  if (!NOT_CONTENT.test(lines[line - 1] ?? '')) return undefined;
  const next = lines.findIndex((l, i) => i >= line && !NOT_CONTENT.test(l));
  if (next < 0) return undefined;
  const column = lines[next]!.search(/\S/) + 1;
  const frame = [...lines.slice(Math.max(0, line - 2), next + 1), `${' '.repeat(column - 1)}^`];
  return `line ${next + 1}, column ${column}: this line is indented as no key before it is, and all the keys of one mapping must start at the same column. Indent it as the key it belongs beside, or under a key with no value to nest it:\n\n${frame.join('\n')}\n`;
}

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
  const badIndent = first === undefined ? undefined : badIndentMessage(text, first);
  if (badIndent !== undefined) return badIndent;
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
