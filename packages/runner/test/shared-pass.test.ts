import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addBlockTable } from '../src/pool/shared-pass.js';
import { censusLabelRange } from '../src/score/label-census.js';

describe('addBlockTable', () => {
  test('census tables of ranges taken in any split among workers merge to the whole column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 64, maxLength: 64 }),
        (values, owner) => {
          const yTrue = Int32Array.from(values);
          const yPred = Int32Array.from(values, (v, i) => (v + i) % 32);
          const blockRows = 16;
          const n = yTrue.length;
          const nBlocks = Math.ceil(n / blockRows);
          const census = (start: number, end: number) =>
            censusLabelRange({ kind: 'label-census', yTrue, yPred, blockRows, start, end });
          const empty = () => {
            const t = new Int32Array(1024 + nBlocks * 32 + 32);
            t.fill(-1, t.length - 32);
            return t;
          };
          // ranges of two blocks, each taken by worker owner[i], in a scrambled order
          const workers = [empty(), empty(), empty()];
          const ranges: [number, number][] = [];
          for (let s = 0; s < n; s += 2 * blockRows)
            ranges.push([s, Math.min(n, s + 2 * blockRows)]);
          for (const [i, [start, end]] of [...ranges.entries()].reverse()) {
            addBlockTable(
              workers[owner[i % 64]!]!,
              census(start, end),
              1024,
              32,
              start / blockRows,
            );
          }
          const merged = empty();
          for (const w of workers) addBlockTable(merged, w, 1024, 32, 0);
          expect(Array.from(merged)).toEqual(Array.from(census(0, n)));
        },
      ),
    );
  });

  test('a plain table (width 0) is summed', () => {
    const into = Float64Array.of(1, 2, 3);
    addBlockTable(into, Float64Array.of(0.5, 0, 1), 0, 0, 0);
    expect(Array.from(into)).toEqual([1.5, 2, 4]);
  });
});
