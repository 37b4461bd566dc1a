import type { RunResults } from '../results/run-results-schema.js';

/**
 * Whether a run's service tables show a "cost / correct" column: only where answers are right
 * or wrong. A generation answer is scored, never marked correct (its `items.correct` is always
 * 0, so the figure is always empty), and an empty column invites the question why.
 *
 * @param r - the run's results (its `task.type`)
 * @returns false for a generation task
 * @example
 * showsCostPerCorrect({ task: { type: 'generation' } }); // false
 * showsCostPerCorrect({ task: { type: 'classification' } }); // true
 */
export function showsCostPerCorrect(r: {
  readonly task: Pick<RunResults['task'], 'type'>;
}): boolean {
  return r.task.type !== 'generation';
}
