import { type ComparedRun, loadComparedRun } from '../compare/load-compared-run.js';
import { EvaluationError } from '../errors.js';

/**
 * Reads the run that `baseline` names (for `vs baseline` thresholds), before any request: a
 * missing or unreadable one is refused now, by a run and a dry run alike, not after every
 * answer has been paid for.
 *
 * @param path - `baseline` as the configuration gives it
 * @returns the baseline run
 * @throws {@link EvaluationError} `UNREADABLE_FILE` and the like, its message led by the
 *   config path (`baseline: /runs/old does not exist; ...`) and its `path` `baseline`
 * @example
 * const baseline = await loadBaseline(config.baseline);
 */
export async function loadBaseline(path: string): Promise<ComparedRun> {
  try {
    return await loadComparedRun(path);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    throw new EvaluationError(error.code, `baseline: ${error.message}`, {
      path: 'baseline',
      cause: error,
    });
  }
}
