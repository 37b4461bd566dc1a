import { type ComparedRun, loadComparedRun } from '../compare/load-compared-run.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import { checkBaseline } from './check-baseline.js';

/**
 * Reads the run that `baseline` names (for `vs baseline` thresholds), before any request: a
 * missing or unreadable one is refused now, by a run and a dry run alike, not after every
 * answer has been paid for.
 *
 * @param path - `baseline` as the configuration gives it
 * @param config - the run's configuration: when given, the baseline is also checked against
 *   it (`checkBaseline`: not this run's own output directory; same task, labels, positive
 *   label and data set), before the output directory is made
 * @returns the baseline run
 * @throws {@link EvaluationError} `UNREADABLE_FILE` and the like, its message led by the
 *   config path (`baseline: /runs/old does not exist; ...`) and its `path` `baseline`;
 *   what `checkBaseline` throws
 * @example
 * const earlier = await loadBaseline(candidateDir, config);
 * earlier.results.models[0].name; // 'nb'
 */
export async function loadBaseline(path: string, config?: RunConfig): Promise<ComparedRun> {
  let baseline: ComparedRun;
  try {
    baseline = await loadComparedRun(path);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    throw new EvaluationError(error.code, `baseline: ${error.message}`, {
      path: 'baseline',
      cause: error,
    });
  }
  if (config !== undefined) checkBaseline(config, baseline);
  return baseline;
}
