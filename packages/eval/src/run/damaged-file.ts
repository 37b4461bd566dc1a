import { EvaluationError } from '../errors.js';

/** SQLite's codes for a file that is not, or no longer, a sound database. */
function isDamage(code: unknown): boolean {
  return (
    typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
  );
}

/**
 * Runs `open` (opening or first reading a SQLite file) and turns SQLite's "file is not a
 * database" or "database disk image is malformed" into an `EvaluationError` that names the
 * file and how to recover; other errors pass through.
 *
 * @param what - what the file is, e.g. `run journal`
 * @param path - the file
 * @param recovery - what to do, e.g. `run again with --fresh to discard it`
 * @param open - the code that opens it
 * @returns what `open` returns
 * @throws EvaluationError `DAMAGED_FILE` naming the file, SQLite's reason and the recovery
 * @example
 * const path = join(dir, 'journal.sqlite');
 * writeFileSync(path, 'not a database');
 * try {
 *   explainDamage('run journal', path, 'run again with --fresh', () => new Database(path).pragma('user_version'));
 * } catch (error) {
 *   error.message; // 'The run journal …/journal.sqlite is damaged (file is not a database); run again with --fresh.'
 * }
 */
export function explainDamage<T>(what: string, path: string, recovery: string, open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (!isDamage((error as { code?: unknown }).code)) throw error;
    throw new EvaluationError(
      'DAMAGED_FILE',
      `The ${what} ${path} is damaged (${(error as Error).message}); ${recovery}.`,
      { path, cause: error },
    );
  }
}
