import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { RunResults } from '@assay/report';
import { createRunner, type Runner } from '@assay/runner';
import type { RunConfig } from '../config/run-config-schema.js';
import { writeRunOutputs } from '../outputs/write-outputs.js';
import { summarizeRun } from '../summary/summarize-run.js';
import { credentialHeaderWarnings } from './credential-headers.js';
import { identicalSamplesWarnings } from './identical-samples.js';
import { loadBaseline } from './load-baseline.js';
import { refuseOutputFile } from './output-dir-check.js';
import { outputWriteError } from './output-dir-errors.js';
import { lockOutputDir } from './output-lock.js';
import { refuseKeysInUrls, refuseMissingKeys } from './refuse-missing-keys.js';
import { type ExecuteRunOptions, executeRun } from './run-evaluation.js';
import { DEFAULT_CACHE_FILE, discardRunOutputs, discardRunState } from './run-state-files.js';

/** Options of {@link runEvaluation}. */
export interface RunEvaluationOptions extends ExecuteRunOptions {
  /** discard the output directory's journal, default response cache and previous results first (start over) */
  fresh?: boolean;
  /** a scoring pool to use (and leave open), e.g. one for every run of a search; default: a new one */
  runner?: Runner;
  /**
   * called once every request (grading included) is done, before the results are computed
   * and written: a stop then has no request to wait for (`assay run` says so on Ctrl-C)
   */
  onRequestsDone?: () => void;
}

/**
 * `--fresh`: discards the journal and default cache, and the previous run's results and
 * reports, so that nothing of it survives a start-over that fails or is stopped. A `cache`
 * file of the user's choosing is kept, and said so: its answers are reused, not sent.
 */
function startOver(config: RunConfig, onNote: ((message: string) => void) | undefined): void {
  const dir = config.output.dir;
  const state = discardRunState(dir);
  const outputs = discardRunOutputs(dir).map((f) => basename(f));
  const parts = [
    ...(state.length > 0 ? [state.join(', ')] : []),
    ...(outputs.length > 0 ? [`the previous run's ${outputs.join(', ')}`] : []),
  ];
  if (parts.length > 0) onNote?.(`starting over: discarded ${parts.join(' and ')}.`);
  const cache = resolve(config.cache!);
  if (cache !== resolve(dir, DEFAULT_CACHE_FILE) && existsSync(cache)) {
    onNote?.(
      `--fresh keeps the response cache ${cache} (set by \`cache\`, not the output directory's own): the answers it holds are reused, not sent; delete it or point \`cache\` at another file to ask the service again.`,
    );
  }
}

/**
 * Runs `assay run` end to end: lock the output directory, execute (resumably), compute
 * statistics (task metrics on one worker pool, closed at the end), write
 * `results.json`, `predictions.arrow`, `prompts.arrow`, `report.md` and `report.html`.
 *
 * @param config - a validated configuration (see `loadRunConfig`)
 * @param options - fresh, retry-failed, abort signal, progress and note callbacks
 * @returns the results (also written to `results.files.results`)
 * @throws EvaluationError for bad data, `OUTPUT_LOCKED` when another run uses the output
 *   directory, `DATA_SOURCE_CHANGED` when it holds a run on another data set (not with
 *   `fresh`), `IDENTITY_CHANGED` when it holds a run against another endpoint,
 *   `DAMAGED_FILE` for a journal or cache that is not a database, `INTERRUPTED` when
 *   interrupted (rerun to resume)
 * @example
 * const run = await runEvaluation(await loadRunConfig(join(dir, 'run.yaml')));
 * run.passed; // true (exit 0; false: exit 1)
 */
export async function runEvaluation(
  config: RunConfig,
  options: RunEvaluationOptions = {},
): Promise<RunResults> {
  // before anything is read, sent or written: the run could not create its directory there
  refuseOutputFile(config.output.dir);
  // told before the requests that may be wasted, not in the results after them
  for (const warning of identicalSamplesWarnings(config)) options.onNote?.(warning);
  const credentials = credentialHeaderWarnings(config);
  // the baseline of 'vs baseline' thresholds is read before any request (and before the
  // output directory is made): a missing or unreadable one is refused now, not after every
  // answer has been paid for
  const baseline =
    config.baseline === undefined ? undefined : await loadBaseline(config.baseline, config);
  refuseMissingKeys(config, options.fresh === true);
  refuseKeysInUrls(config);
  // held until the outputs are written: two runs into one directory would both send
  // every request and the last to finish would overwrite the other's results
  const lock = lockOutputDir(config.output.dir, options.onNote);
  try {
    if (options.fresh) startOver(config, options.onNote);
    // one scoring pool per run, closed however the run ends (error, abort)
    const runner = options.runner ?? createRunner();
    try {
      const executed = await executeRun(config, options);
      options.onRequestsDone?.();
      const summarized = await summarizeRun(executed, { runner, baseline });
      // the run's own warnings (answers all resumed, another model answering) come first:
      // they say whether the figures describe the service asked for at all
      const results: RunResults = {
        ...summarized,
        warnings: [...(executed.warnings ?? []), ...(summarized.warnings ?? []), ...credentials],
        ...(executed.servedModelMismatches === undefined
          ? {}
          : { servedModelMismatches: executed.servedModelMismatches }),
      };
      try {
        await writeRunOutputs(results, executed.rows, executed.prompts);
      } catch (error) {
        throw outputWriteError(error, config.output.dir);
      }
      return results;
    } finally {
      if (options.runner === undefined) await runner.close();
    }
  } finally {
    lock.release();
  }
}
