import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { taskRanges } from '../src/pool/task-ranges.js';

describe('taskRanges', () => {
  test('cover 0..n in order, without gaps, each starting on a block boundary', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.constantFrom(1, 64, 65_536),
        fc.integer({ min: 1_000, max: 3_000_000 }),
        (n, blockRows, rows) => {
          const ranges = taskRanges(n, blockRows, rows);
          let at = 0;
          for (const [start, end] of ranges) {
            expect(start).toBe(at);
            expect(end).toBeGreaterThan(start);
            expect(start % blockRows).toBe(0);
            at = end;
          }
          expect(at).toBe(n);
        },
      ),
    );
  });

  test('ranges are the wanted rows rounded up to whole blocks', () => {
    expect(taskRanges(10, 4, 3)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(taskRanges(0, 4, 3)).toEqual([]);
  });
});
