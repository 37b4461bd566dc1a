import { describe, expect, test } from 'vitest';
import {
  GroupKFold,
  RepeatedStratifiedKFold,
  StratifiedGroupKFold,
  StratifiedKFold,
  TimeSeriesSplit,
} from '../src/index.js';
import { splitErrorOf } from './support/split-error-of.js';

// every splitter needs nSplits >= 2, so `use nSplits <= 1` (or <= 0) is advice no one can follow
describe('a bound below 2 folds is said as what the data lacks, not as an nSplits to use', () => {
  test.each([
    [
      'TimeSeriesSplit, n=2',
      () => [...new TimeSeriesSplit({ nSplits: 2 }).split(2)],
      'TOO_FEW_SAMPLES',
      'TimeSeriesSplit: cannot have nSplits + 1 = 3 folds with only n=2 samples; TimeSeriesSplit needs at least 3 rows.',
    ],
    [
      'TimeSeriesSplit, n=1',
      () => [...new TimeSeriesSplit({ nSplits: 2 }).split(1)],
      'TOO_FEW_SAMPLES',
      'TimeSeriesSplit: cannot have nSplits + 1 = 3 folds with only n=1 samples; TimeSeriesSplit needs at least 3 rows.',
    ],
    [
      'StratifiedKFold, classes of 1',
      () => new StratifiedKFold({ nSplits: 2 }).foldIds({ y: [0, 1] }),
      'CLASS_TOO_SMALL',
      'StratifiedKFold: nSplits=2 cannot be greater than the number of members in each class (the largest class has 1); StratifiedKFold needs a class with at least 2 members.',
    ],
    [
      'RepeatedStratifiedKFold, classes of 1',
      () =>
        new RepeatedStratifiedKFold({ nSplits: 3, nRepeats: 2 }).foldIdsPerRepeat({ y: [0, 1, 2] }),
      'CLASS_TOO_SMALL',
      '…(the largest class has 1); StratifiedKFold needs a class with at least 2 members.',
    ],
    [
      'StratifiedGroupKFold, classes of 1',
      () => new StratifiedGroupKFold({ nSplits: 2 }).foldIds({ y: [0, 1], groups: [0, 1] }),
      'CLASS_TOO_SMALL',
      'StratifiedGroupKFold: nSplits=2 cannot be greater than the number of members in each class (the largest class has 1); StratifiedGroupKFold needs a class with at least 2 members.',
    ],
    [
      'GroupKFold, 1 group',
      () => new GroupKFold({ nSplits: 2 }).foldIds({ groups: [7, 7, 7] }),
      'TOO_FEW_GROUPS',
      'GroupKFold: cannot have nSplits=2 greater than the number of distinct groups 1; GroupKFold needs at least 2 distinct groups.',
    ],
    [
      'StratifiedGroupKFold, 1 group',
      () =>
        new StratifiedGroupKFold({ nSplits: 2 }).foldIds({ y: [0, 1, 0, 1], groups: [7, 7, 7, 7] }),
      'TOO_FEW_GROUPS',
      'StratifiedGroupKFold: cannot have nSplits=2 greater than the number of distinct groups 1; StratifiedGroupKFold needs at least 2 distinct groups.',
    ],
  ])('%s', (_, call, code, message) => {
    const error = splitErrorOf(call);
    expect(error.code).toBe(code);
    expect(error.path).toBe('options.nSplits');
    if (message.startsWith('…')) expect(error.message.endsWith(message.slice(1))).toBe(true);
    else expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/use nSplits <= [01]\b/);
  });
});

describe('a bound of 2 or more is still given as nSplits', () => {
  test.each([
    [
      'TimeSeriesSplit, n=3',
      () => [...new TimeSeriesSplit({ nSplits: 3 }).split(3)],
      'use nSplits <= 2.',
    ],
    [
      'StratifiedKFold, largest class 2',
      () => new StratifiedKFold({ nSplits: 3 }).foldIds({ y: [0, 0, 1] }),
      'the largest class has 2); use nSplits <= 2.',
    ],
    [
      'GroupKFold, 2 groups',
      () => new GroupKFold({ nSplits: 3 }).foldIds({ groups: [1, 1, 2] }),
      'distinct groups 2; use nSplits <= 2.',
    ],
    [
      'StratifiedGroupKFold, 2 groups',
      () =>
        new StratifiedGroupKFold({ nSplits: 3 }).foldIds({
          y: [0, 1, 0, 1, 0, 1],
          groups: [1, 1, 1, 2, 2, 2],
        }),
      'distinct groups 2; use nSplits <= 2.',
    ],
  ])('%s', (_, call, ending) => {
    expect(splitErrorOf(call).message.endsWith(ending)).toBe(true);
  });
});
