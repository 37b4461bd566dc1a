import { describe, expect, it } from 'vitest';
import { checkOwnValues } from '../src/compare/check-own-values.js';
import { EvaluationError } from '../src/errors.js';

// a task whose every answered row enters the metrics, as a regression task's numeric answers do
const task = { entersMetrics: () => true, generation: undefined } as never;
const rows = [1, 2, 3].map((i) => ({ id: `i${i}`, outcome: 'correct' })) as never[];

function side(name: string, stated: number) {
  return {
    side: name,
    resultsFile: `${name}/results.json`,
    model: { name: 'm', metrics: { mse: { value: stated } } as never, items: { scored: 3 } },
    rows,
    scored: 3,
  };
}

describe('the per-run values a comparison shows are checked against each run`s own', () => {
  it('allows the last digits a different summation order changes in a large mse', () => {
    // the same rows summed in another order: 2.4e-7 apart on a value near 2e8
    const measured = [{ metric: 'mse', baseline: 208141460.96986547, candidate: 5 }] as never;
    expect(() =>
      checkOwnValues(measured, [side('baseline', 208141460.96986523), side('candidate', 5)], task),
    ).not.toThrow();
  });

  it('refuses a value that differs beyond rounding, naming the run and both values', () => {
    const measured = [{ metric: 'mse', baseline: 208141460.97, candidate: 5 }] as never;
    const call = () =>
      checkOwnValues(measured, [side('baseline', 208141000), side('candidate', 5)], task);
    expect(call).toThrow(EvaluationError);
    expect(call).toThrow(
      /^mse of the baseline \(model m\) recomputed from its predictions is 208141460\.97, but its own baseline\/results\.json says 208141000/,
    );
  });

  it('leaves the candidate unchecked when it is a run of another task (--allow-different-data)', () => {
    const measured = [{ metric: 'mse', baseline: 1, candidate: 7 }] as never;
    const sides = [side('baseline', 1), side('candidate', 5)] as const;
    expect(() => checkOwnValues(measured, sides, task)).toThrow(/of the candidate/);
    expect(() => checkOwnValues(measured, sides, task, { checkCandidate: false })).not.toThrow();
  });
});
