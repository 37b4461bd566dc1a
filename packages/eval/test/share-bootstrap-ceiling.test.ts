import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, it } from 'vitest';
import { wilsonBestEnd } from '../src/summary/interval-size-needed.js';
import { summaryOf } from '../src/summary/metric-summary.js';
import { shareBootstrapCeiling } from '../src/summary/share-bootstrap-ceiling.js';

/*
 * The ceiling `assay run` refuses an accuracy gate by, before sending, held against the
 * bootstrap interval the run computes after it (the runner's, as `scoreModelOnPool` asks it).
 */
const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());

/** accuracy's lower end for `items` items of `rowsPerItem` rows each, `wrong` rows wrong. */
async function lowerEnd(
  items: number,
  rowsPerItem: number,
  wrong: number,
  seed: number,
  bootstrap = 1000,
): Promise<number> {
  const n = items * rowsPerItem;
  const report = await runner.scorePredictions(
    {
      yTrue: new Int32Array(n).fill(1),
      yPred: Int32Array.from({ length: n }, (_, i) => (i < wrong ? 0 : 1)),
    },
    {
      task: 'classification',
      metrics: ['accuracy'],
      foldIds: new Int32Array(n),
      clusterIds: Int32Array.from({ length: n }, (_, i) => i % items),
      labels: [1, 0],
      seed,
      bootstrap,
      ci: 0.95,
    },
  );
  return summaryOf(report, 'accuracy', 1).ciLow!;
}

const seeds = Array.from({ length: 25 }, (_, i) => i + 1);

describe('the highest bootstrap lower end of a share with a wrong answer', () => {
  it('is never passed by a run with one wrong of 40, which does pass what 40 of 40 cannot', async () => {
    const ceiling = shareBootstrapCeiling(40, 1, 1000, 0.95);
    const lows = await Promise.all(seeds.map((s) => lowerEnd(40, 1, 1, s)));
    expect(Math.max(...lows)).toBeLessThanOrEqual(ceiling);
    // a perfect run is not the best one: its Wilson lower end is 0.912
    expect(Math.max(...lows)).toBeGreaterThan(wilsonBestEnd('ci_low', 40, 0.95));
  });

  it('holds over whole items resampled, where each item has several rows', async () => {
    const ceiling = shareBootstrapCeiling(30, 4, 1000, 0.95);
    const lows = await Promise.all(seeds.map((s) => lowerEnd(30, 4, 1, s)));
    expect(Math.max(...lows)).toBeLessThanOrEqual(ceiling);
    expect(ceiling).toBeLessThan(1);
  });

  it('is 1 with too few resamples, where one resample of a wrong answer can be [1, 1]', async () => {
    expect(shareBootstrapCeiling(40, 1, 1, 0.95)).toBe(1);
    const lows = await Promise.all(seeds.map((s) => lowerEnd(40, 1, 1, s, 1)));
    expect(lows).toContain(1);
  });
});
