import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { EvaluationError } from '../errors.js';
import { errnoWords, makeRunFolder, unusableFolderError } from './output-dir-errors.js';

/** The lock file's name inside the output directory. */
export const LOCK_FILE = 'run.lock';

/** A lock file younger than this with no readable content is being written, not abandoned. */
const WRITING_GRACE_MS = 10_000;

const LockSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
});

/** Who holds an output directory: the content of its lock file. */
export type LockHolder = z.infer<typeof LockSchema>;

/** A held output-directory lock. */
export interface OutputLock {
  /** the lock file */
  readonly path: string;
  /** this run's entry in it */
  readonly holder: LockHolder;
  /**
   * removes the lock file if it is still this run's; safe to call more than once, and never
   * throws (a lock it cannot remove is told to `onNote`: the next run takes it over, its
   * process gone), so it cannot hide the error that ended the run
   */
  release(): void;
}

/** What a lock file says, or null when it has no readable content (yet); undefined when gone. */
function readHolder(path: string): { text: string; holder: LockHolder | null } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = LockSchema.safeParse(value);
  return { text, holder: parsed.success ? parsed.data : null };
}

/** Whether the run that wrote a lock may still be running. */
function mayBeRunning(path: string, holder: LockHolder | null): boolean {
  // `wx` creates the file before its content lands: a fresh empty lock is being written.
  if (holder === null) {
    const written = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return Date.now() - written < WRITING_GRACE_MS;
  }
  // A process on another machine (a shared disk) cannot be checked, so it counts as running.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who holds an output directory's lock while its run may still be running: a run in
 * progress, whose `results.json` (if any) is not yet this run's. A lock whose process is gone
 * (a `kill -9`) is not held.
 *
 * @param dir - the output directory
 * @returns the holder, `null` for a lock being written (no readable content yet), or
 *   `undefined` when no live run holds it
 * @example
 * runningHolder(outDir); // undefined: no run in progress
 */
export function runningHolder(dir: string): LockHolder | null | undefined {
  const path = join(dir, LOCK_FILE);
  const found = readHolder(path);
  if (found === undefined || !mayBeRunning(path, found.holder)) return undefined;
  return found.holder;
}

function lockedError(dir: string, path: string, holder: LockHolder | null): EvaluationError {
  const who =
    holder === null
      ? 'Another assay run is taking the lock'
      : `Another assay run (PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}) holds the lock`;
  return new EvaluationError(
    'OUTPUT_LOCKED',
    `${who} of the output directory ${dir}, so this run would overwrite its results; wait for it to finish or choose another output.dir (--output). If no such run exists, delete ${path}.`,
    { path },
  );
}

/**
 * Takes the exclusive lock of an output directory: a lock file holding this process's PID,
 * host and start time, created atomically (`wx`). Two runs into one directory would both
 * send every request and the last to finish would overwrite the other's results.
 *
 * @param dir - the output directory (created if missing)
 * @param onNote - told when a stale lock (its process gone) is taken over
 * @returns the held lock; release it however the run ends
 * @throws EvaluationError `OUTPUT_LOCKED` naming the holder's PID and start time
 * @example
 * const lock = lockOutputDir(join(dir, 'mail-out'));
 * try {
 *   existsSync(join(dir, 'mail-out')); // true
 * } finally {
 *   lock.release();
 * }
 */
export function lockOutputDir(dir: string, onNote?: (message: string) => void): OutputLock {
  makeRunFolder(dir, 'output.dir');
  const path = join(dir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx' });
      return heldLock(path, holder, onNote);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw unusableFolderError('output.dir', dir, error, `create '${path}'`);
    }
    const found = readHolder(path);
    if (found === undefined) continue; // released between our attempt and the read
    // A second stale lock right after taking one over means another run is racing for it.
    if (attempt > 0 || mayBeRunning(path, found.holder)) throw lockedError(dir, path, found.holder);
    // Remove it only if it is still the stale lock read above, not a newer run's.
    if (readHolder(path)?.text === found.text) unlinkSync(path);
    const was = found.holder
      ? `PID ${found.holder.pid}, started ${found.holder.startedAt}`
      : 'no readable content';
    onNote?.(
      `took over the stale lock ${path} (${was}); the run that held it is no longer running.`,
    );
  }
}

function heldLock(
  path: string,
  holder: LockHolder,
  onNote: ((message: string) => void) | undefined,
): OutputLock {
  const release = (): void => {
    process.off('exit', release);
    try {
      const found = readHolder(path);
      if (found?.holder?.pid === holder.pid && found.holder.startedAt === holder.startedAt) {
        unlinkSync(path);
      }
    } catch (error) {
      // called in a `finally`: a throw here would replace the error that ended the run
      onNote?.(
        `could not remove the lock file ${path} (${errnoWords(error)}); the next run takes it over, since this process will be gone.`,
      );
    }
  };
  // process.exit (a second Ctrl-C) skips `finally` blocks but not 'exit' listeners.
  process.on('exit', release);
  return { path, holder, release };
}
