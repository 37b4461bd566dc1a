import type { ScoreOptions, ScoreProgress } from './score-options.js';

/**
 * Awaits a phase's tasks, reporting to `options.onProgress` (if any) as each
 * one finishes.
 *
 * @param promises - the phase's tasks
 * @param phase - what they are, for the progress display
 * @param options - the scoring options
 * @returns their results, in order
 */
export async function track<T>(
  promises: Promise<T>[],
  phase: ScoreProgress['phase'],
  options: ScoreOptions,
): Promise<T[]> {
  const total = promises.length;
  let done = 0;
  const report = options.onProgress;
  if (report !== undefined) {
    report({ phase, done, total });
    for (const p of promises) {
      p.then(
        () => report({ phase, done: ++done, total }),
        () => undefined,
      );
    }
  }
  return Promise.all(promises);
}
