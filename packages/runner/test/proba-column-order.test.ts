import { rmSync } from 'node:fs';
import { createRunner, loadColumns, RunnerError } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { checkProbaColumnOrder } from '../src/score/proba-column-order.js';
import { csvFileWriter } from './helpers/csv-test-files.js';

const files = csvFileWriter('assay-proba-order-');
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));
const runner = createRunner({ workers: 0 });

const csv = files.write(
  [
    'y,yhat,p_bird,p_cat,p_dog',
    'bird,bird,0.7,0.2,0.1',
    'cat,cat,0.1,0.8,0.1',
    'dog,cat,0.2,0.5,0.3',
    'dog,dog,0.1,0.1,0.8',
  ].join('\n'),
);

async function score(proba: string[]) {
  const columns = new Map([
    ['y', 'label' as const],
    ['yhat', 'label' as const],
    ...proba.map((p) => [p, 'number' as const] as const),
  ]);
  const table = await loadColumns(csv, { columns });
  return runner.scorePredictions({ table, roles: { yTrue: 'y', yPred: 'yhat', yProba: proba } });
}

describe('--y-proba columns named after the classes', () => {
  test('in the sorted class order they are scored', async () => {
    const report = await score(['p_bird', 'p_cat', 'p_dog']);
    expect(report.overall.roc_auc_ovr!.value).toBeGreaterThan(0.5);
  });

  test('in another order they are refused, naming the order to list them in', async () => {
    const error = await score(['p_cat', 'p_dog', 'p_bird']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    expect((error as RunnerError).message).toBe(
      '--y-proba lists p_cat,p_dog,p_bird, but the columns are read in the sorted class order (bird, cat, dog) and their names say another; list them as --y-proba p_bird,p_cat,p_dog.',
    );
  });

  test('names that do not each end in a different class say nothing', () => {
    const classes = ['bird', 'cat', 'dog'];
    for (const names of [
      ['a', 'b', 'c'],
      ['p_cat', 'q_cat', 'p_bird'],
      ['bobcat', 'p_dog', 'p_bird'],
      ['p_cat', 'p_dog'],
    ]) {
      expect(() => checkProbaColumnOrder(names, classes)).not.toThrow();
    }
    expect(() => checkProbaColumnOrder(['cat', 'dog', 'bird'], classes)).toThrow(
      /list them as --y-proba bird,cat,dog/,
    );
    expect(() => checkProbaColumnOrder(['p-1', 'p-0'], [0, 1])).toThrow(
      /list them as --y-proba p-0,p-1/,
    );
  });
});
