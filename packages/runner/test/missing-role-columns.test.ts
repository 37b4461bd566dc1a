import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());

const yTrue = [0, 1, 1, 0, 1, 0];

/** A duck-typed apache-arrow Table of the given columns. */
function arrowTable(columns: Record<string, unknown[]>) {
  return {
    numRows: Object.values(columns)[0]!.length,
    getChild: (name: string) =>
      columns[name] === undefined ? null : { toArray: () => columns[name]! },
  };
}

describe('a missing or misspelt role column is named, not a raw TypeError', () => {
  test('no yPred at all: MISSING_COLUMN naming yPred', async () => {
    const error = await runnerRejection(runner.scorePredictions({ yTrue } as never, {}));
    expect([error.code, error.path]).toEqual(['MISSING_COLUMN', 'yPred']);
    expect(error.message).toBe(
      'The in-memory columns lack yPred (the predicted labels or values), which is required. The columns are: yTrue, yPred, yScore, yProba, weight, group, slice.',
    );
  });

  test("scikit-learn's y_pred: did you mean yPred", async () => {
    const error = await runnerRejection(
      runner.scorePredictions({ yTrue, y_pred: [0, 1, 0, 0, 1, 1] } as never, {}),
    );
    expect([error.code, error.path]).toEqual(['MISSING_COLUMN', 'yPred']);
    expect(error.message).toContain('Did you mean "yPred" for the key "y_pred"?');
  });

  test('an undefined yTrue is named with its value', async () => {
    const error = await runnerRejection(
      runner.scorePredictions({ yTrue: undefined, yPred: yTrue } as never, {}),
    );
    expect(error.path).toBe('yTrue');
    expect(error.message).toContain('which is required (it is undefined).');
  });

  test('an extra column the runner does not read is refused', async () => {
    const error = await runnerRejection(
      runner.scorePredictions({ yTrue, yPred: yTrue, y_score: yTrue } as never, {}),
    );
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'y_score']);
    expect(error.message).toContain('not a known column of the in-memory columns');
    expect(error.message).toContain('Did you mean "yScore"?');
  });

  test('a table whose roles lack yPred, or misspell one', async () => {
    const table = arrowTable({ label: yTrue, pred: yTrue });
    const missing = await runnerRejection(
      runner.scorePredictions({ table, roles: { yTrue: 'label' } } as never),
    );
    expect([missing.code, missing.path]).toEqual(['MISSING_COLUMN', 'yPred']);
    expect(missing.message).toContain('The roles of the table lack yPred');
    const extra = await runnerRejection(
      runner.scorePredictions({
        table,
        roles: { yTrue: 'label', yPred: 'pred', wieght: 'w' },
      } as never),
    );
    expect([extra.code, extra.path]).toEqual(['INVALID_OPTION', 'wieght']);
    expect(extra.message).toContain('Did you mean "weight"?');
  });

  test('pairedBootstrap names the side', async () => {
    const error = await runnerRejection(
      runner.pairedBootstrap({ yTrue, yPred: yTrue }, { yTrue, y_pred: yTrue } as never, {
        metrics: ['accuracy'],
      }),
    );
    expect([error.code, error.path]).toEqual(['MISSING_COLUMN', 'b.yPred']);
    expect(error.message).toMatch(/^Side b: The in-memory columns lack yPred/);
  });

  test('scoreGenerations: a missing or misspelt outputs column', async () => {
    const missing = await runnerRejection(runner.scoreGenerations({ references: ['a'] } as never));
    expect([missing.code, missing.path]).toEqual(['MISSING_COLUMN', 'outputs']);
    const misspelt = await runnerRejection(
      runner.scoreGenerations({ references: ['a'], output: ['a'] } as never),
    );
    expect(misspelt.message).toContain('Did you mean "outputs" for the key "output"?');
    const extra = await runnerRejection(
      runner.scoreGenerations({ references: ['a'], outputs: ['a'], slices: ['x'] } as never),
    );
    expect([extra.code, extra.path]).toEqual(['INVALID_OPTION', 'slices']);
    expect(extra.message).toContain('Did you mean "slice"?');
  });
});
