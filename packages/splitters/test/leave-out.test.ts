import { describe, expect, test } from 'vitest';
import {
  LeaveOneGroupOut,
  LeaveOneOut,
  LeavePGroupsOut,
  LeavePOut,
  SplitError,
} from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { complement, materialize } from './support/split-checks.js';

describe('LeaveOneOut and LeavePOut', () => {
  test.each(loadCases<{ n: number; folds: number[][] }>('leave-one-out'))(
    'LeaveOneOut matches scikit-learn for n=$n',
    ({ n, folds }) => {
      const loo = new LeaveOneOut();
      const splits = materialize(loo.split(n));
      expect(splits.map((s) => s.test)).toEqual(folds);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(folds[k]!, n));
      });
      expect(loo.getNSplits(n)).toBe(folds.length);
      expect([...loo.foldIds(n)]).toEqual(folds.map((f) => f[0]));
    },
  );

  test.each(loadCases<{ n: number; p: number; nSplits: number; folds: number[][] }>('leave-p-out'))(
    'LeavePOut matches scikit-learn combinations for n=$n, p=$p',
    ({ n, p, nSplits, folds }) => {
      const lpo = new LeavePOut({ p });
      const splits = materialize(lpo.split({ n }));
      expect(splits.map((s) => s.test)).toEqual(folds);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(folds[k]!, n));
      });
      expect(lpo.getNSplits({ n })).toBe(nSplits);
    },
  );

  test('rejects too few samples', () => {
    expect(() => new LeaveOneOut().split(1)).toThrow(/at least 2 samples, got n=1/);
    expect(() => new LeavePOut({ p: 3 }).split(3)).toThrow(
      /p=3 must be strictly less than the number of samples n=3/,
    );
    expect(() => new LeavePOut({ p: 0 })).toThrow(/options.p must be an integer >= 1/);
    expect(new LeavePOut({ p: 3 }).getNSplits(100)).toBe(161700);
  });
});

interface GroupCase {
  groups: (number | string)[];
  logo: number[][];
  lpgo: { nGroups: number; nSplits: number; folds: number[][] }[];
}

describe('LeaveOneGroupOut and LeavePGroupsOut', () => {
  test.each(loadCases<GroupCase>('leave-groups-out').map((c, i) => ({ ...c, i })))(
    'match scikit-learn (case $i)',
    ({ groups, logo, lpgo }) => {
      const n = groups.length;
      const one = new LeaveOneGroupOut();
      const splits = materialize(one.split({ groups }));
      expect(splits.map((s) => s.test)).toEqual(logo);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(logo[k]!, n));
      });
      expect(one.getNSplits({ groups })).toBe(logo.length);
      const ids = one.foldIds({ groups });
      logo.forEach((test, k) => {
        for (const i of test) expect(ids[i]).toBe(k);
      });
      for (const { nGroups, nSplits, folds } of lpgo) {
        const cv = new LeavePGroupsOut({ nGroups });
        const got = materialize(cv.split({ groups }));
        expect(got.map((s) => s.test)).toEqual(folds);
        got.forEach((s, k) => {
          expect(s.train).toEqual(complement(folds[k]!, n));
        });
        expect(cv.getNSplits({ groups })).toBe(nSplits);
      }
    },
  );

  test('reject too few groups', () => {
    expect(() => new LeaveOneGroupOut().split({ groups: [1, 1, 1] })).toThrow(
      /at least 2 distinct groups, got 1/,
    );
    expect(() => new LeavePGroupsOut({ nGroups: 2 }).split({ groups: [1, 2, 2] })).toThrow(
      /nGroups=2 needs at least 3/,
    );
    expect(() => new LeaveOneGroupOut().getNSplits()).toThrow(SplitError);
  });
});
