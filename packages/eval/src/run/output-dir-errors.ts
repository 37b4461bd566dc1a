import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EvaluationError } from '../errors.js';

/** What the file system's error codes mean, in the words a message uses. */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file is in the way',
  EISDIR: 'a directory is in the way',
  ENOTEMPTY: 'a directory is in the way',
  ERR_FS_EISDIR: 'a directory is in the way',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/**
 * A file system error in words, without the path (the message names it its own way).
 *
 * @param error - what `fs` threw
 * @returns e.g. `permission denied`; the error's message when its code is not known
 * @example
 * errnoWords(Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' })); // 'permission denied'
 */
export function errnoWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && Object.hasOwn(ERRNO_WORDS, code)) return ERRNO_WORDS[code]!;
  return error instanceof Error ? error.message : String(error);
}

/** Whether `fs` threw this (it carries an errno-style code), not a bug. */
function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * The error of a folder the run cannot make or write to: bad input (exit 2), naming the config
 * path, the folder, why, and what would do.
 *
 * @param configPath - `output.dir` or `cache`
 * @param dir - the folder as resolved
 * @param error - what the file system threw
 * @param doing - what failed, e.g. `mkdir '/proc/foo'`
 * @returns an `INVALID_CONFIG` error at `configPath`
 * @example
 * const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
 * unusableFolderError('output.dir', '/srv/runs/a', denied, "mkdir '/srv/runs'").message;
 * // "output.dir '/srv/runs/a' could not be created (mkdir '/srv/runs': permission denied); …"
 */
export function unusableFolderError(
  configPath: 'output.dir' | 'cache',
  dir: string,
  error: unknown,
  doing: string,
): EvaluationError {
  const flag = configPath === 'output.dir' ? ' (or --output)' : '';
  const example =
    configPath === 'output.dir'
      ? resolve('assay-out', basename(dir))
      : resolve('assay-out', 'cache.sqlite');
  const what = configPath === 'output.dir' ? `output.dir '${dir}'` : `cache's folder '${dir}'`;
  const making = /^(mkdir|stat) /.test(doing);
  // mkdir under a folder that exists says ENOENT where the file system takes no new folders (/proc)
  const why =
    doing.startsWith('mkdir') && (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'the file system there takes no new folders'
      : errnoWords(error);
  return new EvaluationError(
    'INVALID_CONFIG',
    `${what} ${making ? 'could not be created' : 'is not writable'} (${doing}: ${why}); nothing was sent. Set ${configPath}${flag} to a folder this user may create and write to, e.g. '${example}'.`,
    { path: configPath, cause: error },
  );
}

/**
 * Makes a folder and its missing parents one level at a time, from the nearest that exists:
 * `mkdirSync(dir, { recursive: true })` spins forever on Node 20 under a pseudo file system
 * (`-o /proc/foo/out` hung at 100% CPU, deaf to Ctrl-C); one level at a time, the first
 * `mkdir` that fails ends it.
 *
 * @param dir - the folder to make (fine when it exists)
 * @param configPath - the config path that named it, for the error
 * @throws EvaluationError `INVALID_CONFIG` at `configPath` naming the level that could not be
 *   made and why (`/proc`, `/sys`, a folder without write permission)
 * @example
 * makeRunFolder(join(dir, 'new-out', 'deeper'), 'output.dir');
 * existsSync(join(dir, 'new-out', 'deeper')); // true
 */
export function makeRunFolder(dir: string, configPath: 'output.dir' | 'cache'): void {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let at = target; ; at = dirname(at)) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(at, { throwIfNoEntry: false });
    } catch (error) {
      throw unusableFolderError(configPath, target, error, `stat '${at}'`);
    }
    if (stat?.isDirectory()) break;
    if (stat !== undefined) {
      // a file where a folder must be: mkdir would say EEXIST (the folder itself) or ENOTDIR
      const code = at === target ? 'EEXIST' : 'ENOTDIR';
      const error = Object.assign(new Error(`${at} is a file`), { code });
      throw unusableFolderError(configPath, target, error, `stat '${at}'`);
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // made meanwhile by another process: fine
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw unusableFolderError(configPath, target, error, `mkdir '${folder}'`);
    }
  }
}

/**
 * The error of a result file that could not be written once every request was done: the
 * file, the output directory and why, and that the answers are safe in the journal (a rerun
 * writes the results without sending a request). Errors that are not the file system's pass
 * through as they are.
 *
 * @param error - what writing the outputs threw
 * @param outputDir - `output.dir`
 * @returns a `RUN_FAILED` error at `output.dir`, or `error` itself
 * @example
 * const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', path: join(dir, 'out', 'predictions.arrow.tmp-4242') });
 * outputWriteError(denied, join(dir, 'out')).message;
 * // "Could not write predictions.arrow in output.dir '…/out' (permission denied); the answers are saved in the journal: make the directory writable and run again to write the results (nothing is sent again)."
 */
export function outputWriteError(error: unknown, outputDir: string): unknown {
  if (!isFsError(error)) return error;
  const file =
    typeof error.path === 'string' ? basename(error.path).replace(/\.tmp-\d+$/, '') : 'the results';
  const fix =
    error.code === 'ENOSPC' || error.code === 'EDQUOT'
      ? 'free some space'
      : 'make the directory writable';
  return new EvaluationError(
    'RUN_FAILED',
    `Could not write ${file} in output.dir '${outputDir}' (${errnoWords(error)}); the answers are saved in the journal: ${fix} and run again to write the results (nothing is sent again).`,
    { path: 'output.dir', cause: error },
  );
}
