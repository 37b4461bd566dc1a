import type { RunResults } from '@assay/report';
import { createRunner } from '@assay/runner';
import type { RunConfig } from '../config/run-config-schema.js';
import { writeRunOutputs } from '../outputs/write-outputs.js';
import { summarizeRun } from '../summary/summarize-run.js';
import { type ExecuteRunOptions, executeRun } from './run-evaluation.js';
import { discardRunState } from './run-state-files.js';

/** Options of {@link runEvaluation}. */
export interface RunEvaluationOptions extends ExecuteRunOptions {
  /** discard the output directory's journal and default response cache first (start over) */
  fresh?: boolean;
  /** told about things worth a line on the terminal (files discarded) */
  onNote?: (message: string) => void;
}

/**
 * Runs `assay run` end to end: execute (resumably), compute
 * statistics (task metrics on one worker pool, closed at the end), write
 * `results.json`, `predictions.arrow`, `report.md` and `report.html`.
 *
 * @param config - a validated configuration (see `loadRunConfig`)
 * @param options - fresh, retry-failed, abort signal, progress and note callbacks
 * @returns the results (also written to `results.files.results`)
 * @throws EvaluationError for bad data, `IDENTITY_CHANGED` when the output directory holds a
 *   run against another endpoint, `INTERRUPTED` when interrupted (rerun to resume)
 * @example
 * const results = await runEvaluation(await loadRunConfig('examples/spam-assassin.yaml'));
 * process.exitCode = results.passed ? 0 : 1;
 */
export async function runEvaluation(
  config: RunConfig,
  options: RunEvaluationOptions = {},
): Promise<RunResults> {
  if (options.fresh) {
    const removed = discardRunState(config.output.dir);
    if (removed.length > 0) options.onNote?.(`starting over: discarded ${removed.join(', ')}.`);
  }
  // one scoring pool per run, closed however the run ends (error, abort)
  const runner = createRunner();
  try {
    const executed = await executeRun(config, options);
    const results = await summarizeRun(executed, { runner });
    await writeRunOutputs(results, executed.rows);
    return results;
  } finally {
    await runner.close();
  }
}
