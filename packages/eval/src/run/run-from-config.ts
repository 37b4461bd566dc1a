import type { RunResults } from '@assay/report';
import { createRunner } from '@assay/runner';
import type { RunConfig } from '../config/run-config-schema.js';
import { writeRunOutputs } from '../outputs/write-outputs.js';
import { summarizeRun } from '../summary/summarize-run.js';
import { type ExecuteRunOptions, executeRun } from './run-evaluation.js';

/**
 * Runs `assay run` end to end: execute (resumably), compute statistics (task metrics
 * on one worker pool, closed at the end), write
 * `results.json`, `predictions.arrow`, `report.md` and `report.html`.
 *
 * @param config - a validated configuration (see `loadRunConfig`)
 * @param options - retry-failed, abort signal, progress callback
 * @returns the results (also written to `results.files.results`)
 * @throws EvaluationError for bad data, `INTERRUPTED` when interrupted (rerun to resume)
 * @example
 * const results = await runEvaluation(await loadRunConfig('examples/spam-assassin.yaml'));
 * process.exitCode = results.passed ? 0 : 1;
 */
export async function runEvaluation(
  config: RunConfig,
  options: ExecuteRunOptions = {},
): Promise<RunResults> {
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
