import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Opens a response cache for reading without writing a byte next to it. A WAL database
 * opened read-only creates (and leaves) `-wal` and `-shm` files, so when no writer has them
 * open the file is read into memory instead; when a `-wal` exists (a writer is running, or
 * one was killed) SQLite needs it for the latest entries, and uses the files already there.
 */
function openForReading(path: string): Database.Database | undefined {
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
  const db = openForReading(path);
  if (db === undefined) return found;
  try {
    const get = db.prepare<[string], { key: string }>('SELECT key FROM responses WHERE key = ?');
    for (const key of keys) if (get.get(key) !== undefined) found.add(key);
    return found;
  } finally {
    db.close();
  }
}
