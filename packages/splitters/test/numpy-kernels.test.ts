import { describe, expect, test } from 'vitest';
import { numpyArgsort } from '../src/kernels/numpy-argsort.js';
import {
  pairwiseSum,
  stdContiguous,
  stdStridedSequential,
} from '../src/kernels/numpy-reductions.js';
import { loadCases } from './support/fixture-cases.js';

describe('numpy ports', () => {
  test.each(
    loadCases<{ values: number[]; argsort: number[] }>('numpy-argsort').map((c, i) => ({
      ...c,
      i,
      m: c.values.length,
    })),
  )('numpyArgsort reproduces np.argsort tie order (case $i, $m values)', ({ values, argsort }) => {
    expect([...numpyArgsort(Int32Array.from(values))]).toEqual(argsort);
  });

  interface Reduction {
    rows: number;
    columns: number;
    values: number[];
    stdAxis1: number[];
    stdAxis0: number[];
    mean: number;
  }
  test.each(loadCases<Reduction>('numpy-reductions').map((c, i) => ({ ...c, i })))(
    'std along both axes and mean are bit-identical to numpy (case $i: $rows x $columns)',
    ({ rows, columns, values, stdAxis1, stdAxis0, mean }) => {
      const a = Float64Array.from(values);
      const scratch = new Float64Array(Math.max(rows, columns));
      const axis1 = Array.from({ length: rows }, (_, r) =>
        stdContiguous(a, r * columns, columns, scratch),
      );
      expect(axis1).toEqual(stdAxis1);
      const axis0 = Array.from({ length: columns }, (_, c) =>
        columns === 1
          ? stdContiguous(a, 0, rows, scratch)
          : stdStridedSequential(a, c, rows, columns),
      );
      expect(axis0).toEqual(stdAxis0);
      expect(pairwiseSum(a, 0, columns) / columns).toBe(mean);
    },
  );
});
