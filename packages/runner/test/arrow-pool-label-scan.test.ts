import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, loadColumns } from '@assay/runner';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { planLabelSpans } from '../src/io/arrow-label-scan.js';
import { countingPool, labelColumns, labelPairColumns } from './helpers/arrow-labels.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-arrow-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROWS = (1 << 20) + 12_345;

afterEach(() => {
  delete process.env.ASSAY_RUNNER_FAULT;
});

/** Two Int32 label columns: y in 3..9 (a table from 3), p with one rare value at the very end. */
function writeFile(name: string, wide = false): string {
  const { y, p } = labelPairColumns(ROWS);
  // 70,000 is past what one part may report as a table (65,536 values)
  p[ROWS - 1] = wide ? 70_000 : 40;
  const path = join(dir, name);
  writeFileSync(path, tableToIPC(tableFromArrays({ y, p }), 'file'));
  return path;
}

describe('the Int32 label columns of a large Arrow file are scanned by the workers and the calling thread', () => {
  const columns = { y: 'label', p: 'auto' } as const;

  test.each([1, 2])(
    'with %i worker(s): the same codes and dictionaries as a read on one thread, one task per worker',
    async (workers) => {
      const file = writeFile(`labels-${workers}.arrow`);
      const alone = await loadColumns(file, { columns });
      const runner = createRunner({ workers });
      const { pool, kinds } = countingPool(runner);
      const together = await loadColumns(file, { columns, runner: pool });
      await runner.close();
      expect(labelColumns(together)).toEqual(labelColumns(alone));
      const p = alone.columns.get('p');
      expect(p?.kind === 'label' && p.dictionary).toEqual([3, 4, 5, 6, 7, 8, 9, 40]);
      // one task per worker: the calling thread scans the last share itself
      expect(kinds).toEqual(Array.from({ length: workers }, () => 'label-spans'));
    },
    60_000,
  );

  test('a column too spread out for a table is scanned again on the calling thread, with the same result', async () => {
    const file = writeFile('wide.arrow', true);
    const alone = await loadColumns(file, { columns });
    const runner = createRunner({ workers: 1 });
    const { pool, kinds } = countingPool(runner);
    const together = await loadColumns(file, { columns, runner: pool });
    await runner.close();
    expect(kinds).toEqual(['label-spans']);
    expect(labelColumns(together)).toEqual(labelColumns(alone));
    const p = together.columns.get('p');
    expect(p?.kind === 'label' && p.dictionary.at(-1)).toBe(70_000);
  }, 60_000);

  test('a failing worker leaves the scan to the calling thread: the file still loads, the same', async () => {
    const file = writeFile('fault.arrow');
    const alone = await loadColumns(file, { columns });
    // workers copy the environment when the pool starts, which is at the first task
    process.env.ASSAY_RUNNER_FAULT = 'throw';
    const runner = createRunner({ workers: 2 });
    const { pool, kinds } = countingPool(runner);
    const together = await loadColumns(file, { columns, runner: pool });
    await runner.close();
    // the workers were asked (and failed: every task throws under the fault)
    expect(kinds).toEqual(['label-spans', 'label-spans']);
    expect(labelColumns(together)).toEqual(labelColumns(alone));
  }, 60_000);
});

describe('planLabelSpans', () => {
  test('covers every row of every column once, in order, in spans whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 6 }),
        (lengths, threads) => {
          const columns = lengths.map((n) => new Int32Array(n));
          const spans = planLabelSpans(columns, threads);
          expect(spans).toHaveLength(threads);
          const sizes = spans.map((segs) => segs.reduce((sum, s) => sum + s.end - s.start, 0));
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          const seen = spans.flat().map((s) => [s.column, s.start, s.end]);
          const expected: number[][] = [];
          let at = [0, 0];
          for (const [column, start, end] of seen) {
            // each segment starts where the last one ended, or at the start of a later column
            if (column === at[0]) expect(start).toBe(at[1]);
            else {
              expect(start).toBe(0);
              expect(at[1]).toBe(columns[at[0]!]!.length);
            }
            expect(columns[column!]).toBe(spans.flat().find((s) => s.column === column)?.values);
            expected.push([column!, start!, end!]);
            at = [column!, end!];
          }
          const covered = lengths.map(() => 0);
          for (const [column, start, end] of expected) covered[column!]! += end! - start!;
          expect(covered).toEqual(lengths);
        },
      ),
    );
  });
});
