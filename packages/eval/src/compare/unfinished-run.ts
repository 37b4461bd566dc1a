import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EvaluationError } from '../errors.js';
import { RunJournal } from '../run/journal.js';
import { LOCK_FILE, runningHolder } from '../run/output-lock.js';
import { JOURNAL_FILE } from '../run/run-state-files.js';

/** What to do about a run that has stopped before finishing: what the missing-results refusal says too. */
export const RESUME_AND_COMPARE =
  'run the same assay run command again to resume and finish it, then compare';

/** The latest modification time of a SQLite file and its write-ahead log, or 0 when neither exists. */
function modifiedMs(path: string): number {
  const times = [path, `${path}-wal`].map(
    (p) => statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  return Math.max(...times);
}

/**
 * When the journal recorded its latest outcome, if that is after the run finished. The file
 * times alone would refuse a directory copied file by file (a CI artifact), where the journal
 * can land after `results.json`; the journal's own record times say when answers came.
 */
function answeredAfter(journalPath: string, finishedAt: string): string | undefined {
  let journal: RunJournal | undefined;
  try {
    journal = RunJournal.snapshot(journalPath);
    const last = journal?.lastWrittenAt();
    return last !== undefined && last > finishedAt ? last : undefined;
  } catch {
    // a journal that cannot be read says nothing against results.json, which seals its own set
    return undefined;
  } finally {
    journal?.close();
  }
}

/**
 * What to say of a run directory that a live run holds: it has not finished, and waiting for it
 * is the way on (running the command again would be refused while it runs).
 *
 * @param dir - the run's output directory
 * @returns the clause, or undefined when no live run holds the directory
 * @example
 * runningHint(outDir); // undefined
 */
export function runningHint(dir: string): string | undefined {
  const holder = runningHolder(dir);
  if (holder === undefined) return undefined;
  const who =
    holder === null
      ? `an assay run is taking its ${LOCK_FILE}`
      : `assay run PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}, holds its ${LOCK_FILE}`;
  return `the run in that directory has not finished (${who}); wait for it to finish, then compare (if no such run exists, delete ${join(dir, LOCK_FILE)})`;
}

/**
 * Refuses the `results.json` of a run directory whose run has not finished: a run holds its
 * lock (started over with `--fresh`, or resumed, and still running), or its journal holds
 * answers recorded after `results.json` was written (a rerun that failed or was stopped). The
 * `results.json` there is an earlier run's, and a comparison or a `vs baseline` threshold
 * would read that run's verdict as the current one.
 *
 * @param resultsFile - the run's `results.json`
 * @param finishedAt - when that run finished, as it records (`results.finishedAt`)
 * @throws EvaluationError `RUN_UNFINISHED` naming the file, why the run has not finished, and
 *   what to do
 * @example
 * refuseUnfinishedRun(baseline.resultsFile, baseline.results.finishedAt); // undefined: it finished
 */
export function refuseUnfinishedRun(resultsFile: string, finishedAt: string): void {
  const dir = dirname(resultsFile);
  const running = runningHint(dir);
  if (running !== undefined) {
    throw new EvaluationError('RUN_UNFINISHED', `${resultsFile} is an earlier run's: ${running}.`, {
      path: resultsFile,
    });
  }
  const journalPath = join(dir, JOURNAL_FILE);
  const written = statSync(resultsFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (modifiedMs(journalPath) <= written) return;
  const last = answeredAfter(journalPath, finishedAt);
  if (last === undefined) return;
  throw new EvaluationError(
    'RUN_UNFINISHED',
    `${resultsFile} is an earlier run's: the run in that directory has not finished (its ${JOURNAL_FILE} holds answers recorded after results.json was written, the last at ${last}); ${RESUME_AND_COMPARE}.`,
    { path: resultsFile },
  );
}

/** Which `results.json` was read: its file's identity when it was read. */
export interface ResultsSeal {
  readonly ino: number;
  readonly mtimeMs: number;
  readonly size: number;
}

/**
 * The identity of a run's `results.json` as it is about to be read, for
 * {@link refuseRewrittenRun} after the files beside it are read.
 *
 * @param resultsFile - the run's `results.json`
 * @returns its inode, modification time and size, or null when it does not exist
 * @example
 * sealOf(join(outDir, 'results.json')) !== null; // true
 * sealOf(join(outDir, 'no-such-results.json')); // null
 */
export function sealOf(resultsFile: string): ResultsSeal | null {
  const s = statSync(resultsFile, { throwIfNoEntry: false });
  return s === undefined ? null : { ino: s.ino, mtimeMs: s.mtimeMs, size: s.size };
}

/**
 * Refuses a run directory that a run started writing while `assay compare` read it: the
 * `predictions.arrow` read may then be the new run's, beside the old `results.json`. A run
 * deletes its `results.json` before it writes `predictions.arrow`, and writes the new one last,
 * so a `results.json` still the one read (same inode, time and size) and no lock held say that
 * the predictions read are that run's. File times alone would refuse a directory copied file by
 * file (a CI artifact), whose `predictions.arrow` can be newer than its `results.json`.
 *
 * @param resultsFile - the run's `results.json`
 * @param seal - its identity before it was read ({@link sealOf})
 * @param finishedAt - when that run finished, as it records (`results.finishedAt`)
 * @throws EvaluationError `RUN_UNFINISHED`, as {@link refuseUnfinishedRun}, when a run holds
 *   the directory's lock, its journal has answers recorded after `results.json`, or
 *   `results.json` was deleted or replaced since it was read
 * @example
 * const resultsFile = join(outDir, 'results.json');
 * const seal = sealOf(resultsFile);
 * const { finishedAt } = JSON.parse(readFileSync(resultsFile, 'utf8'));
 * // (predictions.arrow read here)
 * refuseRewrittenRun(resultsFile, seal, finishedAt); // undefined: nothing changed
 */
export function refuseRewrittenRun(
  resultsFile: string,
  seal: ResultsSeal | null,
  finishedAt: string,
): void {
  refuseUnfinishedRun(resultsFile, finishedAt);
  const now = sealOf(resultsFile);
  const same =
    seal !== null &&
    now !== null &&
    now.ino === seal.ino &&
    now.mtimeMs === seal.mtimeMs &&
    now.size === seal.size;
  if (same) return;
  throw new EvaluationError(
    'RUN_UNFINISHED',
    `${resultsFile} is an earlier run's: the run in that directory has not finished (its results.json was ${now === null ? 'deleted' : 'replaced'} while assay compare read the files beside it, as a run starting over does); wait for the run to finish, then compare.`,
    { path: resultsFile },
  );
}
