import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  openSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LoadTestError, recordsFormatOf } from '@assay/loadtest';
import { makeFolder } from '../options/make-folder.js';
import type { LoadtestFlags } from './loadtest-flags.js';

/** Why a path cannot be written, from the file system's error code. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no file can be made there',
  ENOTDIR: 'a part of its folder is a file',
  EEXIST: 'its folder is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : REASONS[code]) ?? (error as Error).message;
}

/**
 * Makes the folder of one output and checks that the file can be written there. A new file is
 * made (exclusively) and removed at once, as root's permission checks pass where the file
 * system refuses; an existing one is only checked for write permission (a failed run leaves
 * no empty result behind and touches no existing file).
 *
 * @param flag - the flag, for the message
 * @param path - the file
 * @param check - false when opening the file is the check (`--records .jsonl`, opened at once)
 * @throws LoadTestError `INVALID_OPTION` naming the flag
 */
function prepareOutput(flag: string, path: string, check: boolean): void {
  try {
    const dir = dirname(resolve(path));
    makeFolder(dir);
    if (!check) return;
    const link = lstatSync(path, { throwIfNoEntry: false });
    if (link === undefined) {
      // a new file: made and removed at once, exclusively (O_EXCL follows no link, and a file
      // someone else makes meanwhile is theirs: EEXIST, left alone), since permission bits do
      // not tell (root passes them) where the file system refuses (/proc, a read-only mount)
      try {
        closeSync(openSync(path, 'wx'));
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      return;
    }
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' as const });
    // an existing file, link, FIFO or device: opened by nobody before the run (a FIFO's open
    // would wait for a reader), only asked whether it may be written
    accessSync(link.isSymbolicLink() ? dir : path, constants.W_OK);
    if (link.isSymbolicLink() && existsSync(path)) accessSync(path, constants.W_OK);
  } catch (error) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `${flag} '${path}' cannot be written (${reason(error)}); pass a writable path.`,
      flag,
    );
  }
}

/**
 * Before any request: makes the folders of `--out`, `--report` and `--records` (as
 * `assay score --out` does) and refuses a path that cannot be written, so that a run is never
 * measured only to fail when its results are written. A `.jsonl` records file is checked by
 * opening it (`openRecordsSink`), right after.
 *
 * @param flags - the flags (config file merged)
 * @throws LoadTestError `INVALID_OPTION` naming the flag
 * @example
 * ```ts
 * prepareOutputs({ out: 'results/run.json' }); // makes results/
 * ```
 */
export function prepareOutputs(flags: Pick<LoadtestFlags, 'out' | 'report' | 'records'>): void {
  if (flags.out !== undefined) prepareOutput('--out', flags.out, true);
  if (flags.report !== undefined) prepareOutput('--report', flags.report, true);
  if (flags.records !== undefined)
    prepareOutput('--records', flags.records, recordsFormatOf(flags.records) !== 'jsonl');
}
