import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type RunResults, RunResultsSchema } from '@assay/report';
import type { ZodError } from 'zod';
import { TaskSchema } from '../config/task-schema.js';
import { EvaluationError } from '../errors.js';
import { readPredictions } from '../outputs/write-predictions.js';
import type { PredictionRow } from '../run/prediction-row.js';
import {
  RESUME_AND_COMPARE,
  refuseRewrittenRun,
  refuseUnfinishedRun,
  runningHint,
  sealOf,
} from './unfinished-run.js';

/** One finished run, as `assay compare` reads it back. */
export interface ComparedRun {
  /** the `results.json` read */
  readonly resultsFile: string;
  /** the `predictions.arrow` read (beside `results.json`) */
  readonly predictionsFile: string;
  /** the validated results */
  readonly results: RunResults;
  /** every prediction row, in file order */
  readonly rows: readonly PredictionRow[];
  /** the run's `task` section, validated again from the configuration `results.json` records */
  readonly task: ReturnType<typeof TaskSchema.parse>;
}

async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new EvaluationError(
      missing ? 'FILE_NOT_FOUND' : 'UNREADABLE_FILE',
      missing
        ? `${path} does not exist; ${what}.`
        : `${path} cannot be read (${(error as Error).message}); ${what}.`,
      { path, cause: error },
    );
  }
}

function firstIssue(error: ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(top level)'}: ${issue.message}`;
}

function parseResults(path: string, text: string): RunResults {
  // an Arrow file (predictions.arrow, prompts.arrow) passed by mistake: JSON.parse would quote
  // its binary bytes back
  if (text.startsWith('ARROW1')) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      `${path} is an Arrow file (such as a run's predictions.arrow), not results.json; pass the run's output directory or its results.json.`,
      { path },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      `${path} is not JSON (${(error as Error).message}); pass the results.json an assay run wrote.`,
      { path, cause: error },
    );
  }
  const parsed = RunResultsSchema.safeParse(json);
  if (!parsed.success && isTuneResults(json)) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      `${path} is the tune.json of ${TUNE_OUTPUT}, not a run's results.json: ${runsOfTune(dirname(path))}.`,
      { path },
    );
  }
  if (!parsed.success) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      `${path} is not an assay results file (${firstIssue(parsed.error)}); pass the results.json an assay run wrote.`,
      { path, cause: parsed.error },
    );
  }
  return parsed.data;
}

/** Whether a JSON document is an `assay tune` output's `tune.json` (its search and candidates). */
function isTuneResults(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const o = json as Record<string, unknown>;
  return Array.isArray(o.candidates) && typeof o.strategy === 'string' && 'winner' in o;
}

const TUNE_OUTPUT = 'an assay tune output, which holds runs rather than being one';

/** What to compare instead of an `assay tune` output: the runs it holds. */
function runsOfTune(dir: string): string {
  return `pass ${join(dir, 'best')} (written by assay run ${join(dir, 'best.yaml')}) or one of ${join(dir, 'candidates')}/*`;
}

/**
 * What to do about a directory without `results.json`: one `assay tune` wrote holds runs, not
 * a run; one whose run is still running (`--fresh` deletes the old file first) is waited for;
 * one whose run was stopped (Ctrl-C, a crash) holds its journal, and finishing the run writes
 * the file.
 */
async function directoryHint(dir: string): Promise<string> {
  const has = (name: string): Promise<boolean> =>
    stat(join(dir, name)).then(
      () => true,
      () => false,
    );
  if (await has('tune.json')) return `that is ${TUNE_OUTPUT}: ${runsOfTune(dir)}`;
  const running = runningHint(dir);
  if (running !== undefined) return running;
  if (await has('journal.sqlite')) {
    return `the run in that directory has not finished (its journal.sqlite is there): ${RESUME_AND_COMPARE}`;
  }
  return 'pass an assay run output directory or its results.json';
}

/**
 * Reads a finished run for `assay compare`: its `results.json` (checked against
 * `RunResultsSchema`), the `predictions.arrow` beside it, and the task section of the
 * configuration it records.
 *
 * @param path - the run's output directory, or its `results.json`
 * @returns the run
 * @throws EvaluationError `FILE_NOT_FOUND` or `UNREADABLE_FILE` naming the file at fault;
 *   `RUN_UNFINISHED` when the run in that directory is still running or stopped after its
 *   `results.json` was written ({@link refuseUnfinishedRun}), checked again once
 *   `predictions.arrow` is read, with `results.json` still the one read ({@link refuseRewrittenRun})
 * @remarks
 * `predictions.arrow` is looked for beside `results.json` under the name the run recorded,
 * so a directory copied elsewhere (a CI artifact) still reads.
 * @example
 * const run = await loadComparedRun(baselineDir);
 * run.rows.length; // 40
 */
export async function loadComparedRun(path: string): Promise<ComparedRun> {
  const isDir = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const resultsFile = resolve(isDir ? join(path, 'results.json') : path);
  const hint = isDir
    ? await directoryHint(path)
    : 'pass an assay run output directory or its results.json';
  const seal = sealOf(resultsFile);
  const results = parseResults(resultsFile, (await readBytes(resultsFile, hint)).toString('utf8'));
  refuseUnfinishedRun(resultsFile, results.finishedAt);
  const predictionsFile = join(dirname(resultsFile), basename(results.files.predictions));
  const bytes = await readBytes(
    predictionsFile,
    `assay compare pairs items from the predictions.arrow written beside ${basename(resultsFile)}`,
  );
  // a run starting in between would have put its own predictions.arrow beside the old results
  refuseRewrittenRun(resultsFile, seal, results.finishedAt);
  let rows: PredictionRow[];
  try {
    rows = readPredictions(bytes);
  } catch (error) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      // a truncated or damaged file fails deep in the Arrow reader (a TypeError on a null
      // field): say what that means rather than quoting it
      `${predictionsFile} is not an Arrow IPC predictions file (${error instanceof TypeError ? 'its Arrow data is damaged or truncated' : (error as Error).message}); pass the predictions.arrow an assay run wrote.`,
      { path: predictionsFile, cause: error },
    );
  }
  const task = TaskSchema.safeParse(results.config.task);
  if (!task.success) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      `${resultsFile} records no valid task section in its config (${firstIssue(task.error)}); pass the results.json of a run this version of assay wrote.`,
      { path: resultsFile, cause: task.error },
    );
  }
  return { resultsFile, predictionsFile, results, rows, task: task.data };
}
