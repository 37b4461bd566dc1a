import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addBlockTable, runSharedPass, sharedPass } from '../src/pool/shared-pass.js';
import { taskRanges } from '../src/pool/task-ranges.js';
import type { LabelCensusTask, RangeTask, SharedPassTask } from '../src/pool/task-types.js';
import { runTask } from '../src/pool/worker-tasks.js';
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

describe('sharedPass with the calling thread taking ranges too', () => {
  const n = 1000;
  const blockRows = 16;
  const yTrue = Int32Array.from({ length: n }, (_, i) => (i * 7) % 5);
  const yPred = Int32Array.from({ length: n }, (_, i) => (i * 3) % 5);
  const range: LabelCensusTask = {
    kind: 'label-census',
    yTrue,
    yPred,
    blockRows,
    start: 0,
    end: 0,
  };
  const ranges = taskRanges(n, blockRows, 2 * blockRows);
  const whole = () => Array.from(censusLabelRange({ ...range, start: 0, end: n }));
  const here = (task: RangeTask) => censusLabelRange(task as LabelCensusTask);

  test('ranges the workers have not claimed are counted here, and the sum is the whole column', async () => {
    // a worker whose task starts only after this thread has claimed every range
    let claimedHere = 0;
    const late = (task: SharedPassTask) =>
      new Promise<Int32Array | Float64Array | null>((resolve) =>
        setTimeout(() => resolve(runSharedPass(task, (r) => runTask(r) as Int32Array)), 5),
      );
    const counted = (task: RangeTask) => {
      claimedHere++;
      return here(task);
    };
    const table = await sharedPass(late, range, ranges, 1, blockRows, n, undefined, counted);
    expect(claimedHere).toBe(ranges.length);
    expect(Array.from(table)).toEqual(whole());
  });

  test('with workers that claim first, this thread claims what is left: the same sum', async () => {
    const eager = async (task: SharedPassTask) =>
      runSharedPass(task, (r) => runTask(r) as Int32Array);
    const table = await sharedPass(eager, range, ranges, 2, blockRows, n, undefined, here);
    expect(Array.from(table)).toEqual(whole());
  });

  test('a failed worker task rejects the pass after this thread is done', async () => {
    const failing = async () => {
      throw new Error('worker died');
    };
    let claimedHere = 0;
    const counted = (task: RangeTask) => {
      claimedHere++;
      return here(task);
    };
    await expect(
      sharedPass(failing, range, ranges, 1, blockRows, n, undefined, counted),
    ).rejects.toThrow('worker died');
    expect(claimedHere).toBeGreaterThan(0);
  });

  test('a range this thread cannot run stops the pass, and the workers are waited for', async () => {
    let settled = false;
    const late = (task: SharedPassTask) =>
      new Promise<Int32Array | Float64Array | null>((resolve) =>
        setTimeout(() => {
          settled = true;
          resolve(runSharedPass(task, (r) => runTask(r) as Int32Array));
        }, 5),
      );
    const broken = () => {
      throw new Error('kernel bug');
    };
    await expect(
      sharedPass(late, range, ranges, 1, blockRows, n, undefined, broken),
    ).rejects.toThrow('kernel bug');
    expect(settled).toBe(true);
  });
});
