import { isAbsolute, resolve } from 'node:path';
import { closestName, didYouMean } from '@assay/labels';
import { RunnerError } from '../errors.js';

/**
 * Checks that every requested column exists in a file, once.
 *
 * @param file - the file, for the message
 * @param requested - the columns the caller asked for
 * @param available - the columns the file has
 * @throws {@link RunnerError} `MISSING_COLUMN` listing the columns that exist; `DUPLICATE_COLUMN`
 *   when a requested name is in the header more than once
 */
export function checkColumnsExist(
  file: string,
  requested: readonly string[],
  available: readonly string[],
): void {
  const have = new Set(available);
  const missing = requested.filter((name) => !have.has(name));
  if (missing.length === 0) {
    refuseDuplicates(file, requested, available);
    return;
  }
  if (available.length === 1 && available[0] === '') {
    // the header a CSV of blank lines (or with a blank first line) reads is one empty name
    throw new RunnerError(
      'MISSING_COLUMN',
      `${file} has no header row: its first line is blank, and a file of blank lines has no columns and no data; the first line must name the columns (e.g. ${requested.join(',')}), followed by one line per row.`,
      { path: missing[0]! },
    );
  }
  const columns = `the columns are: ${available.map((a) => JSON.stringify(a)).join(', ') || '(none)'}`;
  throw new RunnerError(
    'MISSING_COLUMN',
    `${file} has no column ${missing.map((m) => JSON.stringify(m)).join(', ')}; ${missingHint(missing, available, columns)}.${delimiterHint(requested, available)}`,
    { path: missing[0]! },
  );
}

/**
 * The columns that exist, after the one a missing name most likely meant (`reff` → `ref`):
 * "did you mean 'ref'? The columns are: ...", or with several missing names, each one's.
 */
function missingHint(missing: readonly string[], available: readonly string[], columns: string) {
  if (missing.length === 1) return didYouMean(missing[0]!, available, columns);
  const meant = missing.flatMap((m) => {
    const close = closestName(m, available);
    return close === undefined ? [] : [`'${close}' for ${JSON.stringify(m)}`];
  });
  return meant.length === 0
    ? columns
    : `did you mean ${meant.join(', ')}? ${columns.charAt(0).toUpperCase()}${columns.slice(1)}`;
}

/**
 * A hint when the header was split at the wrong delimiter: one column whose name holds the
 * requested names joined by a comma, a tab or a semicolon (a CSV file read as TSV, say).
 */
function delimiterHint(requested: readonly string[], available: readonly string[]): string {
  if (available.length !== 1) return '';
  const only = available[0]!;
  const names: Record<string, string> = { ',': 'csv', '\t': 'tsv', ';': 'semicolons' };
  for (const [sep, name] of Object.entries(names)) {
    const parts = only.split(sep);
    if (parts.length > 1 && requested.every((r) => parts.includes(r))) {
      return name === 'semicolons'
        ? ' The header looks separated by semicolons, which Assay does not read: save the file with commas or tabs.'
        : ` The header looks separated by ${sep === ',' ? 'commas' : 'tabs'}: pass --input-format ${name} (format: '${name}').`;
    }
  }
  return '';
}

/**
 * Refuses a requested column whose name the header holds twice: which one was meant cannot be
 * told (pandas renames the second `y.1`; reading the first silently scored the wrong one).
 */
function refuseDuplicates(
  file: string,
  requested: readonly string[],
  available: readonly string[],
): void {
  if (new Set(available).size === available.length) return;
  for (const name of requested) {
    const at = available.flatMap((a, i) => (a === name ? [i + 1] : []));
    if (at.length > 1) {
      throw new RunnerError(
        'DUPLICATE_COLUMN',
        `${file} has ${at.length} columns named ${JSON.stringify(name)} (columns ${at.join(' and ')} of the header); rename all but one so that the column to read is named once.`,
        { path: name },
      );
    }
  }
}

/**
 * Wraps a file-system or parser failure in a `RunnerError`.
 *
 * @param file - the file being read
 * @param error - what was thrown
 * @returns a `FILE_NOT_FOUND` or `UNREADABLE_FILE` error (a RunnerError is returned as is)
 */
export function readFailure(file: string, error: unknown): RunnerError {
  if (error instanceof RunnerError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    // a relative path is read from the working directory, which is not always the shell's
    // (`pnpm assay` runs in the repository's root): the full path shows where it looked
    const where = isAbsolute(file) ? '' : ` (looked for ${resolve(file)})`;
    return new RunnerError(
      'FILE_NOT_FOUND',
      `${file} does not exist${where}; pass an existing file.`,
      {
        cause: error,
      },
    );
  }
  let reason = error instanceof Error ? error.message : String(error);
  // csv-parse counts fields from 0 ('on field 1' is the second column); Assay's messages
  // count columns from 1 (its errors can reach here rebuilt from a worker, without their
  // code: match the words)
  reason = reason.replace(
    /\bon field (\d+) at line\b/,
    (_, f: string) => `in column ${Number(f) + 1} at line`,
  );
  return new RunnerError('UNREADABLE_FILE', `${file} could not be read: ${reason}`, {
    cause: error,
  });
}

/**
 * A quoted field with text after its closing quote (`"ab"c`): the line, the character, and how
 * to write the field.
 *
 * @param file - the file being read
 * @param at - the character and its line ({@link textAfterClosingQuote})
 * @returns an `UNREADABLE_FILE` error
 * @example
 * closingQuoteError('p.csv', { char: 'c', line: 3 }).code; // 'UNREADABLE_FILE'
 */
export function closingQuoteError(
  file: string,
  at: { readonly char: string; readonly line: number },
): RunnerError {
  return new RunnerError(
    'UNREADABLE_FILE',
    `${file} could not be read: line ${at.line} has ${JSON.stringify(at.char)} right after the closing quote of a quoted field, where the delimiter or the end of the line must follow; quote the whole field and double each quote inside it (a field holding ab"c is written "ab""c").`,
  );
}

/**
 * JSON.parse's reason for a line it refuses, with its 0-based `position` as a 1-based column
 * (as every line and column in Assay's messages counts from 1).
 *
 * @param error - what JSON.parse threw
 * @returns e.g. `Expected double-quoted property name in JSON at column 14`
 * @example
 * ```ts
 * jsonErrorText(new SyntaxError('Unexpected token } in JSON at position 13')); // 'Unexpected token } in JSON at column 14'
 * ```
 */
export function jsonErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Node 22 adds its own "(line 1 column 14)" after the position: one column is enough
  return message.replace(
    /\bat position (\d+)(?: \(line \d+ column \d+\))?/,
    (_, p: string) => `at column ${Number(p) + 1}`,
  );
}

/**
 * The error for a file that has no data rows.
 *
 * @param file - the file
 * @returns an `EMPTY_FILE` error
 */
export function emptyFile(file: string): RunnerError {
  return new RunnerError('EMPTY_FILE', `${file} has no data rows; at least one row is required.`);
}
