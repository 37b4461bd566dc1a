import { accessSync, constants } from 'node:fs';
import { basename, dirname } from 'node:path';
import { EvaluationError } from '../errors.js';

/** SQLite's codes for a file that is not, or no longer, a sound database. */
function isDamage(code: unknown): boolean {
  return (
    typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
  );
}

/** SQLite's codes for a file it may read but not write (`SQLITE_READONLY_DBMOVED`, …). */
function isReadOnly(code: unknown): boolean {
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/** Whether this user may write a file; true for one that does not exist. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * What to do about a SQLite file this user cannot write: the files (the database, its `-wal`
 * and `-shm`, their folder) found read-only, or all of them when none is (root may write any,
 * yet a stale `-shm` left by another user still makes SQLite read-only).
 */
function readOnlyFix(path: string): string {
  const name = basename(path);
  const files = [path, `${path}-wal`, `${path}-shm`].filter((f) => !writable(f));
  const folder = writable(dirname(path)) ? [] : [`its folder ${dirname(path)}`];
  const named = [...files.map((f) => basename(f)), ...folder];
  const stale = `a stale ${name}-shm (SQLite rebuilds it) may also be deleted when no run uses the directory`;
  if (named.length === 0) {
    return `${name}, ${name}-wal or ${name}-shm is read-only or belongs to another user; make all three writable by this user (chmod u+w, or chown), or ${stale}, and run again`;
  }
  const are = named.length === 1 ? 'is' : 'are';
  return `${named.join(', ')} ${are} read-only for this user; make ${named.length === 1 ? 'it' : 'them'} writable (chmod u+w, or chown), or ${stale}, and run again`;
}

/**
 * Runs `open` (opening or first reading a SQLite file) and turns SQLite's "file is not a
 * database" or "database disk image is malformed" into an `EvaluationError` that names the
 * file and how to recover, and its "attempt to write a readonly database" into one that names
 * the file(s) found read-only (a stale `-shm` of another user, a file made read-only) and the
 * fix; other errors pass through.
 *
 * @param what - what the file is, e.g. `run journal`
 * @param path - the file
 * @param recovery - what to do, e.g. `run again with --fresh to discard it`
 * @param open - the code that opens it
 * @returns what `open` returns
 * @throws EvaluationError `DAMAGED_FILE` naming the file, SQLite's reason and the recovery
 *   (for a read-only file: the files found read-only and how to make them writable)
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
    const code = (error as { code?: unknown }).code;
    if (isReadOnly(code)) {
      throw new EvaluationError(
        'DAMAGED_FILE',
        `The ${what} ${path} cannot be written (${(error as Error).message}): ${readOnlyFix(path)}.`,
        { path, cause: error },
      );
    }
    if (!isDamage(code)) throw error;
    throw new EvaluationError(
      'DAMAGED_FILE',
      `The ${what} ${path} is damaged (${(error as Error).message}); ${recovery}.`,
      { path, cause: error },
    );
  }
}
