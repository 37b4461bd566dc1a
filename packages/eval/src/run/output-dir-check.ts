import { type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EvaluationError } from '../errors.js';

/** The path's status, or undefined when nothing is there (a path under a file is ENOTDIR). */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The path itself or its nearest ancestor that exists, or undefined when none is found. */
function nearestExisting(path: string): { path: string; isDirectory: boolean } | undefined {
  let at = resolve(path);
  for (;;) {
    const stat = statOrNothing(at);
    if (stat !== undefined) return { path: at, isDirectory: stat.isDirectory() };
    const parent = dirname(at);
    if (parent === at) return undefined;
    at = parent;
  }
}

/**
 * Refuses an `output.dir` that names an existing file, or lies under one: the run could not
 * create it, and found out only when writing its journal, after planning (and, for the
 * results, after every request was paid for).
 *
 * @remarks Called before anything is sent or written, by the run and by its dry run alike.
 * @param dir - `output.dir` as resolved
 * @throws EvaluationError `INVALID_CONFIG` (path `output.dir`) naming the file in the way
 * @example
 * try {
 *   refuseOutputFile(join(dir, 'mail.jsonl'));
 * } catch (error) {
 *   error.message; // "output.dir '…/mail.jsonl' is an existing file, not a directory; …"
 * }
 */
export function refuseOutputFile(dir: string): void {
  const found = nearestExisting(dir);
  if (found === undefined || found.isDirectory) return;
  const where =
    found.path === resolve(dir)
      ? `is an existing file, not a directory`
      : `lies under '${found.path}', which is a file, not a directory`;
  throw new EvaluationError(
    'INVALID_CONFIG',
    `output.dir '${resolve(dir)}' ${where}; set output.dir to a directory that is new or already a directory (the run writes its journal, cache and results there), e.g. '${resolve(dirname(found.path), 'assay-out')}'.`,
    { path: 'output.dir' },
  );
}
