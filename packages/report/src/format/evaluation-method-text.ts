import type { RunResults } from '../results/run-results-schema.js';

/**
 * How a report names a run's split method: the `evaluation.method`, followed by
 * `unshuffled` when the run cut its folds in data set order (`evaluation.shuffled` false).
 *
 * @param evaluation - the results' `evaluation` section
 * @returns e.g. `stratified` or `stratified unshuffled`
 * @example
 * evaluationMethodText({ method: 'kfold', shuffled: false }); // 'kfold unshuffled'
 */
export function evaluationMethodText(
  evaluation: Pick<RunResults['evaluation'], 'method' | 'shuffled'>,
): string {
  return evaluation.shuffled === false ? `${evaluation.method} unshuffled` : evaluation.method;
}
