import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The journal's file name inside the output directory. */
export const JOURNAL_FILE = 'journal.sqlite';

/** The response cache's default file name inside the output directory. */
export const DEFAULT_CACHE_FILE = 'cache.sqlite';

/**
 * The files a finished run writes into its output directory (`results.files`), `results.json`
 * first: it seals the set, and `assay compare` reads a directory by it.
 */
export const RUN_OUTPUT_FILES = [
  'results.json',
  'predictions.arrow',
  'prompts.arrow',
  'report.md',
  'report.html',
] as const;

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
  const files = [JOURNAL_FILE, DEFAULT_CACHE_FILE].flatMap((base) =>
    ['', '-wal', '-shm'].map((suffix) => join(dir, base + suffix)),
  );
  return files.filter(removeIfThere);
}

/**
 * Deletes the files the previous run in an output directory wrote when it finished
 * ({@link RUN_OUTPUT_FILES}): a run that starts over and then fails or is stopped must not
 * leave the old `results.json` beside its new journal, where `assay compare` and `vs baseline`
 * thresholds would read the old run's verdict as this one's.
 *
 * @param dir - the output directory
 * @returns the files that existed and were deleted
 * @example
 * discardRunOutputs(outDir).map((f) => basename(f)); // ['results.json', 'predictions.arrow', …]
 */
export function discardRunOutputs(dir: string): string[] {
  return RUN_OUTPUT_FILES.map((name) => join(dir, name)).filter(removeIfThere);
}

/** Deletes a file; false when there was none. */
function removeIfThere(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return false;
  }
}
