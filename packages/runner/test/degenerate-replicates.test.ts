import { readFileSync } from 'node:fs';
import { createRunner, scorePredictions } from '@assay/runner';
import { percentileInterval } from '@assay/stats';
import { describe, expect, test } from 'vitest';
import { computeMetricValues } from '../src/metrics/compute-metric-values.js';
import { computeResampledValues } from '../src/metrics/compute-resampled-values.js';
import { replicateValue } from '../src/metrics/confusion-metrics.js';
import { METRIC_REGISTRY } from '../src/metrics/registry.js';
import { prepareColumns } from '../src/score/prepare-columns.js';

interface MetricCase {
  whole: number;
  values: (number | null)[];
  defined: boolean[];
  interval: [number, number];
}
interface FixtureCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  yScore?: number[];
  draws: number[][];
  metrics: Record<string, MetricCase>;
}

/** scikit-learn 1.2 on fixed draws: test/fixtures/make-degenerate-replicates.py. */
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/degenerate-replicates.json', import.meta.url), 'utf8'),
) as { cases: FixtureCase[] };

function columnsOf(c: FixtureCase) {
  const input = { yTrue: c.yTrue, yPred: c.yPred, ...(c.yScore ? { yScore: c.yScore } : {}) };
  const task = c.yScore === undefined ? 'regression' : 'classification';
  return prepareColumns(input, { task }).columns;
}

/** The confusion counts of drawn rows (the multinomial bootstrap scores such counts). */
function countsOf(c: FixtureCase, draw: readonly number[]): Float64Array {
  const counts = new Float64Array(4);
  for (const r of draw) counts[c.yTrue[r]! * 2 + c.yPred[r]!]!++;
  return counts;
}

describe('a resample where a metric has no value is left out of its interval, not scored 0', () => {
  for (const c of fixture.cases) {
    for (const [name, expected] of Object.entries(c.metrics)) {
      test(`${c.name}: ${name} equals scikit-learn where defined and is NaN where not`, () => {
        const columns = columnsOf(c);
        const errors: string[] = [];
        const replicates = c.draws.map((draw, d) => {
          const out = new Float64Array(1);
          computeResampledValues(columns, [name], Uint32Array.from(draw), null, out, 0, errors);
          const spec = METRIC_REGISTRY.get(name)!;
          if (spec.kind === 'confusion') {
            // the multinomial path scores the draw's counts: the same value, or NaN
            const counted = replicateValue(spec, countsOf(c, draw), 2, columns);
            expect(Object.is(counted, out[0]) || counted === out[0], `draw ${d}`).toBe(true);
          }
          if (expected.defined[d]) expect(out[0], `draw ${d}`).toBeCloseTo(expected.values[d]!, 12);
          else expect(out[0], `draw ${d}`).toBeNaN();
          return out[0]!;
        });
        expect(errors).toEqual([]);
        const [low, high] = percentileInterval(replicates, 0.95)!;
        expect(low).toBeCloseTo(expected.interval[0], 12);
        expect(high).toBeCloseTo(expected.interval[1], 12);
      });

      test(`${c.name}: ${name} keeps scikit-learn's value on rows where it is undefined`, () => {
        const columns = columnsOf(c);
        const d = expected.defined.indexOf(false);
        const draw = d < 0 ? null : Uint32Array.from(c.draws[d]!);
        const out = new Float64Array(1);
        computeMetricValues(columns, [name], draw, out, 0, []);
        const sklearn = d < 0 ? expected.whole : expected.values[d];
        // cohen_kappa_score is nan where both sides hold the same one class
        if (sklearn === null) expect(out[0]).toBeNaN();
        else expect(out[0]).toBeCloseTo(sklearn!, 12);
      });
    }
  }
});

describe('assay score intervals of average_precision and matthews_corrcoef', () => {
  // the audit's str12.csv: 3 positives of 12 rows
  const str12 = {
    yTrue: ['spam', 'spam', 'spam', ...Array.from({ length: 9 }, () => 'ham')],
    yPred: ['spam', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'spam'],
    yScore: [0.9, 0.4, 0.6, 0.1, 0.2, 0.3, 0.2, 0.1, 0.5, 0.3, 0.2, 0.7],
  };

  test('average_precision leaves out resamples without a positive row, with a warning', async () => {
    const options = {
      posLabel: 'spam',
      metrics: ['average_precision', 'roc_auc'],
      bootstrap: 2000,
      seed: 1,
    };
    const report = await scorePredictions(str12, { ...options, workers: 0 });
    expect(report.overall.average_precision!.value).toBeCloseTo(0.7555555555555555, 12);
    // scoring those resamples 0 stretched the interval to [0, 1]
    expect(report.overall.average_precision!.ci![0]).toBeGreaterThan(0.2);
    const note = report.warnings.find((w) => w.startsWith('average_precision has no value on'));
    expect(note).toMatch(
      /^average_precision has no value on \d+ of 2000 bootstrap resamples \(no positive row drawn\), so its interval is taken over the other \d+\.$/,
    );
    // the same resamples lack a positive for roc_auc, which was NaN there already
    const auc = report.warnings.find((w) => w.startsWith('roc_auc has no value on'));
    expect(/on (\d+) of/.exec(note!)?.[1]).toBe(/on (\d+) of/.exec(auc!)?.[1]);
    expect(auc).toContain('(rows of one true class only drawn)');
    const runner = createRunner({ workers: 2 });
    try {
      const pooled = await runner.scorePredictions(str12, options);
      expect(pooled.overall).toEqual(report.overall);
      expect(pooled.warnings).toEqual(report.warnings);
    } finally {
      await runner.close();
    }
  });

  test('matthews_corrcoef and cohen_kappa leave out resamples of one class, counts or rows', async () => {
    // the audit's small5.csv: 5 rows, all right; about 9% of resamples hold one class
    const small5 = { yTrue: [1, 0, 1, 1, 0], yPred: [1, 0, 1, 1, 0] };
    const metrics = ['matthews_corrcoef', 'cohen_kappa', 'balanced_accuracy'];
    const counts = await scorePredictions(small5, { metrics, bootstrap: 1000, workers: 0 });
    expect(counts.settings.bootstrapMethod?.matthews_corrcoef).toBe('multinomial-counts');
    // weights make the bootstrap resample rows instead of counts
    const weight = [1, 1, 1, 1, 1];
    const rows = await scorePredictions(
      { ...small5, weight },
      { metrics, bootstrap: 1000, workers: 0 },
    );
    expect(rows.settings.bootstrapMethod?.matthews_corrcoef).toBe('rows');
    for (const report of [counts, rows]) {
      expect(report.overall.matthews_corrcoef).toEqual({ value: 1, ci: [1, 1] });
      expect(report.overall.cohen_kappa).toEqual({ value: 1, ci: [1, 1] });
      const note = report.warnings.find((w) => w.startsWith('matthews_corrcoef has no value'));
      const missing = Number(/on (\d+) of 1000/.exec(note ?? '')?.[1]);
      // (2/5)^5 + (3/5)^5 ≈ 8.8% of resamples
      expect(missing).toBeGreaterThan(50);
      expect(missing).toBeLessThan(130);
      expect(note).toContain('(rows of one true or one predicted class only drawn)');
      // balanced accuracy of one class drawn is that class's recall: a value, kept
      expect(report.warnings.some((w) => w.startsWith('balanced_accuracy has no value'))).toBe(
        false,
      );
    }
  });

  test('a slice with no positive row has no interval, and a warning says why', async () => {
    const report = await scorePredictions(
      { ...str12, slice: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'b'] },
      { posLabel: 'spam', metrics: ['average_precision'], bootstrap: 200, workers: 0 },
    );
    expect(report.slices!.b!.metrics.average_precision).toEqual({ value: 0 });
    expect(report.warnings).toContain(
      'average_precision on slice "b" has no value on any of its 200 bootstrap resamples (no positive row drawn), so it has no interval.',
    );
  });
});
