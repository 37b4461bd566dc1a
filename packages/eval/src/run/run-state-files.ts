import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The journal's file name inside the output directory. */
export const JOURNAL_FILE = 'journal.sqlite';

/** The response cache's default file name inside the output directory. */
export const DEFAULT_CACHE_FILE = 'cache.sqlite';

/**
 * How to recover from a damaged response cache in the output directory: deleting it alone
 * keeps the journal, whose answers are not sent again (`--fresh` would discard them too).
 */
export const CACHE_RECOVERY =
  'delete it (with its -wal and -shm files) and run again: the journal keeps every finished answer, so none of those is sent again; --fresh would discard the journal too';

/**
 * Deletes an output directory's run state, the journal and the response cache at its
 * default place (with their SQLite `-wal` and `-shm` files), so the next run starts over.
 * A cache configured elsewhere is left alone: it may be shared, and its keys name the base
 * URL, so it never answers for another endpoint.
 *
 * @param dir - the output directory
 * @returns the files that existed and were deleted
 * @example
 * discardRunState(outDir).map((f) => basename(f)); // ['journal.sqlite', …]
 */
export function discardRunState(dir: string): string[] {
  const removed: string[] = [];
  for (const base of [JOURNAL_FILE, DEFAULT_CACHE_FILE]) {
    for (const suffix of ['', '-wal', '-shm']) {
      const path = join(dir, base + suffix);
      try {
        rmSync(path);
        removed.push(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return removed;
}
