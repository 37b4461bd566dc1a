import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Opens a SQLite file (a response cache, a run journal) for reading without writing a byte
 * next to it: a WAL database opened read-only creates (and leaves) `-wal` and `-shm` files.
 *
 * @remarks
 * When no `-wal` file exists the database is complete in its file, which is read into memory
 * (the copy may be queried and even changed; the file never is). When one exists (a writer
 * is running, or one was killed) SQLite needs it for the latest commits, so the file is
 * opened read-only and uses the `-wal` and `-shm` already there.
 *
 * @param path - the database file
 * @returns the open database (close it), or undefined when the file does not exist
 * @example
 * ```ts
 * import { openSqliteSnapshot } from '@assay/clients';
 * openSqliteSnapshot('/tmp/no-such-file.sqlite'); // undefined
 * ```
 */
export function openSqliteSnapshot(path: string): Database.Database | undefined {
  if (!existsSync(path)) return undefined;
  if (existsSync(`${path}-wal`)) return new Database(path, { readonly: true, fileMustExist: true });
  const bytes = readFileSync(path);
  // Header bytes 18-19 are 2 in WAL mode, which an in-memory copy cannot use; 1 is the
  // rollback journal, the same pages read the same way.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes);
}

/**
 * Which of `keys` a response cache file holds, read without writing anything (no lock, no
 * `-wal` or `-shm` file created): for planning, e.g. a dry run saying how many requests the
 * cache would answer.
 *
 * @remarks
 * Without a writer, the file is read whole into memory for the look-up. With one running,
 * entries it commits during the look-up may or may not be counted.
 *
 * @param path - the cache file (`ResponseCache`'s path)
 * @param keys - cache keys, e.g. from `cacheKeyer`
 * @returns the keys that have an entry; empty when the file does not exist
 * @throws SqliteError when the file is not a SQLite database or has no responses table
 * @example
 * ```ts
 * import { cachedKeys } from '@assay/clients';
 * cachedKeys('/tmp/no-such-cache.sqlite', ['ab12']).size; // 0
 * ```
 */
export function cachedKeys(path: string, keys: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const db = openSqliteSnapshot(path);
  if (db === undefined) return found;
  try {
    const get = db.prepare<[string], { key: string }>('SELECT key FROM responses WHERE key = ?');
    for (const key of keys) if (get.get(key) !== undefined) found.add(key);
    return found;
  } finally {
    db.close();
  }
}
