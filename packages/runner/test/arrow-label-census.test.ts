import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns as loadPackageColumns } from '@assay/runner';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { FOLD_BLOCK_ROWS } from '../src/folds/stratified-fold-kernels.js';
// from the sources, not the package: the census is kept in a module's map, which the
// loader, the job and these checks must share
import { createRunner, loadColumns, type ScoreReport } from '../src/index.js';
import { loadedCensus } from '../src/io/loaded-census.js';
import { executorOf } from '../src/pool/executor-of.js';
import { runTask } from '../src/pool/worker-tasks.js';
import { prepareJob } from '../src/score/prepare-job.js';
import { countingPool, labelColumns, labelPairColumns } from './helpers/arrow-labels.js';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-arrow-census-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.ASSAY_RUNNER_FAULT;
});
const ROWS = (1 << 20) + 12_345;
const pair = { yTrue: 'y', yPred: 'p' } as const;
const columns = { y: 'label', p: 'auto' } as const;

/** The label pair with p's last row `last` (0..31 keeps the pair countable). */
function writeFile(name: string, last: number): { path: string; y: Int32Array; p: Int32Array } {
  const { y, p } = labelPairColumns(ROWS);
  p[ROWS - 1] = last;
  const path = join(dir, name);
  writeFileSync(path, tableToIPC(tableFromArrays({ y, p }), 'file'));
  return { path, y, p };
}

function withoutTiming(report: ScoreReport): Omit<ScoreReport, 'timing'> {
  const { timing: _, ...rest } = report;
  return rest;
}

describe('an Arrow reader counts the label pair of the scoring job to come while it reads', () => {
  test.each([1, 2])(
    'with %i worker(s): one counting pass instead of the label scan, the same columns, and counts equal to a count row by row',
    async (workers) => {
      const { path, y, p } = writeFile(`pair-${workers}.arrow`, 31);
      const alone = await loadColumns(path, { columns });
      const runner = createRunner({ workers });
      const { pool, kinds } = countingPool(runner);
      const table = await loadColumns(path, { columns, runner: pool, labelPair: pair });
      await runner.close();
      expect(kinds).toEqual(Array.from({ length: workers }, () => 'shared-pass'));
      expect(labelColumns(table)).toEqual(labelColumns(alone));
      const census = loadedCensus(table, pair);
      const pairs = new Float64Array(32 * 32);
      const blocks = new Int32Array(Math.ceil(ROWS / FOLD_BLOCK_ROWS) * 32);
      for (let i = 0; i < ROWS; i++) {
        pairs[y[i]! * 32 + p[i]!]!++;
        blocks[Math.floor(i / FOLD_BLOCK_ROWS) * 32 + y[i]!]!++;
      }
      expect(census?.pairs).toEqual(pairs);
      expect(census?.blocks).toEqual(blocks);
      expect(census?.first.slice(3, 10)).toEqual(
        Float64Array.from([3, 4, 5, 6, 7, 8, 9], (v) => y.indexOf(v)),
      );
      // kept for these two columns in this order only, and while the table holds them
      expect(loadedCensus(table, { yTrue: 'p', yPred: 'y' })).toBeNull();
      expect(loadedCensus(alone, pair)).toBeNull();
      const yColumn = table.columns.get('y')!;
      (table.columns as Map<string, typeof yColumn>).set('y', { ...yColumn });
      expect(loadedCensus(table, pair)).toBeNull();
    },
    60_000,
  );

  test('the scoring job starts from the census, with the same report as a job that counts for itself', async () => {
    const { path } = writeFile('score.arrow', 31);
    const runner = createRunner({ workers: 2 });
    const counted = await loadColumns(path, { columns, runner, labelPair: pair });
    const plain = await loadColumns(path, { columns, runner });
    const exec = executorOf(async (task) => runTask(task));
    const job = await prepareJob(exec, 0, { table: counted, roles: pair }, {});
    // in place too, where preparation writes the codes over the columns it was counted from
    const consumed = await loadColumns(path, { columns, runner, labelPair: pair });
    const inPlace = await prepareJob(exec, 0, { table: consumed, roles: pair }, { inPlace: true });
    expect(inPlace.coded?.confusion).toEqual(job.coded?.confusion);
    const again = await prepareJob(exec, 0, { table: plain, roles: pair }, {});
    expect(job.coded).not.toBeNull();
    expect(again.coded).toBeNull();
    // in place, as `assay score` scores: the census was counted before the codes are written
    const options = { cv: 'stratified:5', bootstrap: 200, seed: 7, inPlace: true } as const;
    const fromCensus = await runner.scorePredictions({ table: counted, roles: pair }, options);
    const fromPasses = await runner.scorePredictions({ table: plain, roles: pair }, options);
    await runner.close();
    expect(job.coded?.confusion).toEqual(
      Float64Array.from(fromCensus.confusionMatrix!.counts.flat()),
    );
    expect(withoutTiming(fromCensus)).toEqual(withoutTiming(fromPasses));
    // the bootstrap ran: the equality above covers its intervals
    expect(fromCensus.overall.accuracy?.ci).toHaveLength(2);
  }, 60_000);

  test.each([
    ['weights', { weight: 'w' }, {}, true],
    ['slices', { slice: 's' }, {}, true],
    ['dropMissing with no row missing', { weight: 'w' }, { dropMissing: true }, true],
    [
      'dropMissing dropping rows (the census counted them: left unused)',
      { weight: 'm' },
      { dropMissing: true },
      false,
    ],
  ] as const)(
    'with %s, a job from the census reports the same as one that counts for itself',
    async (_, more, extra, usesCensus) => {
      const { y, p } = labelPairColumns(ROWS);
      // weights in 0.5..2, slices 0..2, and a weight column missing every 1000th value
      const w = Float64Array.from(y, (_, i) => 0.5 + ((i * 7) % 4) / 2);
      const s = Int32Array.from(y, (_, i) => (i * 13) % 3);
      const m = Float64Array.from(w, (v, i) => (i % 1000 === 999 ? Number.NaN : v));
      const path = join(dir, `roles-${Object.keys(more)[0]}-${usesCensus}.arrow`);
      writeFileSync(path, tableToIPC(tableFromArrays({ y, p, w, s, m }), 'file'));
      const all = { ...columns, w: 'number', s: 'label', m: 'number' } as const;
      const roles = { ...pair, ...more };
      const runner = createRunner({ workers: 2 });
      const counted = await loadColumns(path, { columns: all, runner, labelPair: pair });
      const plain = await loadColumns(path, { columns: all, runner });
      expect(loadedCensus(counted, pair)).not.toBeNull();
      const options = { cv: 'stratified:5', bootstrap: 100, seed: 3, ...extra } as const;
      const exec = executorOf(async (task) => runTask(task));
      const job = await prepareJob(exec, 0, { table: counted, roles }, options);
      expect(job.coded !== null).toBe(usesCensus);
      const fromCensus = await runner.scorePredictions({ table: counted, roles }, options);
      const fromPasses = await runner.scorePredictions({ table: plain, roles }, options);
      await runner.close();
      expect(withoutTiming(fromCensus)).toEqual(withoutTiming(fromPasses));
      expect(fromCensus.n).toBe(usesCensus ? ROWS : ROWS - Math.floor(ROWS / 1000));
      if ('slice' in more) expect(Object.keys(fromCensus.slices ?? {})).toHaveLength(3);
    },
    60_000,
  );

  test.each([
    ['a value outside 0..31', 40, undefined],
    ['a failing worker', 31, 'throw'],
  ])(
    '%s leaves the pair to the plain label scan: the file still loads, the same, without a census',
    async (_, last, fault) => {
      const { path } = writeFile(`fallback-${last}.arrow`, last);
      const alone = await loadColumns(path, { columns });
      // workers copy the environment when the pool starts, which is at the first task
      if (fault !== undefined) process.env.ASSAY_RUNNER_FAULT = fault;
      const runner = createRunner({ workers: 2 });
      const { pool, kinds } = countingPool(runner);
      const table = await loadColumns(path, { columns, runner: pool, labelPair: pair });
      await runner.close();
      expect(kinds).toEqual(['shared-pass', 'shared-pass', 'label-spans', 'label-spans']);
      expect(labelColumns(table)).toEqual(labelColumns(alone));
      expect(loadedCensus(table, pair)).toBeNull();
    },
    60_000,
  );

  test('a labelPair that does not name two columns is refused', async () => {
    const { path } = writeFile('bad-pair.arrow', 31);
    const options = { columns, labelPair: ['y', 'p'] } as never;
    const error = await runnerRejection(loadPackageColumns(path, options));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'labelPair']);
    expect(error.message).toContain("e.g. { yTrue: 'label', yPred: 'prediction' }");
  });
});
