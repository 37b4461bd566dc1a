import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type CrossValidator,
  GroupKFold,
  GroupShuffleSplit,
  KFold,
  LeaveOneGroupOut,
  LeaveOneOut,
  LeavePGroupsOut,
  LeavePOut,
  onSplitWarning,
  RepeatedKFold,
  RepeatedStratifiedKFold,
  ShuffleSplit,
  type SplitInput,
  StratifiedGroupKFold,
  StratifiedKFold,
  StratifiedShuffleSplit,
  TimeSeriesSplit,
} from '../src/index.js';
import { checkWellFormed } from './support/split-checks.js';

/** Rows with a class label (every class has >= 3 members) and a group label (>= 3 groups). */
const dataset = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 })), {
    minLength: 12,
    maxLength: 80,
  })
  .filter((rows) => {
    const counts = new Map<number, number>();
    for (const [y] of rows) counts.set(y, (counts.get(y) ?? 0) + 1);
    return [...counts.values()].every((c) => c >= 3) && new Set(rows.map((r) => r[1])).size >= 3;
  })
  .map((rows): SplitInput & { y: number[]; groups: number[] } => ({
    y: rows.map((r) => r[0]),
    groups: rows.map((r) => r[1]),
  }));

const seed = 12345;
const splitters: [string, () => CrossValidator][] = [
  ['KFold', () => new KFold({ nSplits: 3 })],
  ['KFold shuffled', () => new KFold({ nSplits: 3, shuffle: true, randomState: seed })],
  ['StratifiedKFold', () => new StratifiedKFold({ nSplits: 3 })],
  [
    'StratifiedKFold shuffled',
    () => new StratifiedKFold({ nSplits: 3, shuffle: true, randomState: seed }),
  ],
  ['GroupKFold', () => new GroupKFold({ nSplits: 3 })],
  ['StratifiedGroupKFold', () => new StratifiedGroupKFold({ nSplits: 3 })],
  [
    'StratifiedGroupKFold shuffled',
    () => new StratifiedGroupKFold({ nSplits: 3, shuffle: true, randomState: seed }),
  ],
  ['RepeatedKFold', () => new RepeatedKFold({ nSplits: 3, nRepeats: 2, randomState: seed })],
  [
    'RepeatedStratifiedKFold',
    () => new RepeatedStratifiedKFold({ nSplits: 3, nRepeats: 2, randomState: seed }),
  ],
  ['ShuffleSplit', () => new ShuffleSplit({ nSplits: 4, testSize: 0.3, randomState: seed })],
  [
    'StratifiedShuffleSplit',
    () => new StratifiedShuffleSplit({ nSplits: 4, testSize: 0.3, randomState: seed }),
  ],
  [
    'GroupShuffleSplit',
    () => new GroupShuffleSplit({ nSplits: 4, testSize: 0.34, randomState: seed }),
  ],
  ['TimeSeriesSplit', () => new TimeSeriesSplit({ nSplits: 3, gap: 1 })],
  ['LeaveOneOut', () => new LeaveOneOut()],
  ['LeavePOut', () => new LeavePOut({ p: 2 })],
  ['LeaveOneGroupOut', () => new LeaveOneGroupOut()],
  ['LeavePGroupsOut', () => new LeavePGroupsOut({ nGroups: 2 })],
];
const groupAware = new Set([
  'GroupKFold',
  'StratifiedGroupKFold',
  'StratifiedGroupKFold shuffled',
  'GroupShuffleSplit',
  'LeaveOneGroupOut',
  'LeavePGroupsOut',
]);

describe('every splitter', () => {
  test.each(splitters)(
    '%s: well-formed, deterministic, as many splits as announced, foldIds agree with split()',
    (name, make) => {
      const off = onSplitWarning(() => {});
      try {
        fc.assert(
          fc.property(dataset, (input) => {
            const n = input.y.length;
            const splits = [...make().split(input)];
            checkWellFormed(splits, n);
            expect(splits.length).toBe(make().getNSplits(input));
            expect([...make().split(input)]).toEqual(splits);
            if (groupAware.has(name)) {
              for (const { train, test } of splits) {
                const trainGroups = new Set([...train].map((i) => input.groups[i]));
                for (const i of test) expect(trainGroups.has(input.groups[i]!)).toBe(false);
              }
            }
            const cv = make() as CrossValidator & { foldIds?: (i: SplitInput) => Int32Array };
            if (typeof cv.foldIds === 'function') {
              const ids = cv.foldIds(input);
              splits.forEach(({ train, test }, k) => {
                expect([...test]).toEqual([...ids.keys()].filter((i) => ids[i] === k));
                expect(train.length + test.length).toBe(n);
              });
            }
          }),
          { numRuns: 40 },
        );
      } finally {
        off();
      }
    },
  );
});
