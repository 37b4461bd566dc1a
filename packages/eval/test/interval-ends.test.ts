import type { ModelResult } from '@assay/report';
import { describe, expect, it } from 'vitest';
import { binaryWilson } from '../src/generation/binary-wilson.js';
import { judgeScoreInterval } from '../src/index.js';
import type { Outcome } from '../src/run/journal.js';
import { serviceIntervals } from '../src/summary/service-intervals.js';

/*
 * The Wilson score interval of 0 of n comes out of floating point as [1.7e-18, …] for some n
 * (2, 8, 17, …), and of n of n as […, 1 − 1e-16]: a hair beside the value, so a reader's
 * `ciLow <= value <= ciHigh` fails. Every interval assay writes must reach a value of 0 or 1.
 */
const SIZES = Array.from({ length: 120 }, (_, i) => i + 1);

function outcomes(n: number, status: 'ok' | 'error'): Outcome[] {
  return Array.from({ length: n }, (_, i) => ({ model: 'm', key: `k${i}`, status }) as Outcome);
}

const model = (n: number, unparseable: number) =>
  ({ name: 'm', items: { total: n, unparseable } }) as unknown as ModelResult;

describe('intervals of a rate of exactly 0 or 1 reach the value', () => {
  it('error_rate with no failed request starts at exactly 0, and with every request failed ends at exactly 1', () => {
    const options = { ci: 0.95 };
    for (const n of SIZES) {
      const none = serviceIntervals(['error_rate'], model(n, 0), outcomes(n, 'ok'), options);
      expect(none.get('error_rate')!.low, `0 of ${n}`).toBe(0);
      const all = serviceIntervals(['error_rate'], model(n, 0), outcomes(n, 'error'), options);
      expect(all.get('error_rate')!.high, `${n} of ${n}`).toBe(1);
    }
  });

  it('unparseable_rate of 0 starts at exactly 0', () => {
    for (const n of SIZES) {
      const got = serviceIntervals(['unparseable_rate'], model(n, 0), outcomes(n, 'ok'), {
        ci: 0.95,
      });
      expect(got.get('unparseable_rate')!.low, `0 of ${n}`).toBe(0);
    }
  });

  it("a generation exact_match of 0 on every item has ciLow exactly 0 (ciMethod 'wilson')", () => {
    for (const n of SIZES) {
      const values = new Float64Array(n);
      const units = { units: Array.from({ length: n }, (_, cluster) => ({ cluster })) };
      const summary = { value: 0, ciLow: 0, ciHigh: 0, std: null, perFold: [] };
      const got = binaryWilson(summary as never, 'exact_match', values, units as never, 0.95);
      expect(got.ciMethod).toBe('wilson');
      expect(got.ciLow, `0 of ${n}`).toBe(0);
      const ones = binaryWilson(
        { ...summary, value: 1, ciLow: 1, ciHigh: 1 } as never,
        'exact_match',
        new Float64Array(n).fill(1),
        units as never,
        0.95,
      );
      expect(ones.ciHigh, `${n} of ${n}`).toBe(1);
    }
  });

  it('a judge_score of 0 on every answer has ciLow exactly 0', () => {
    for (const n of SIZES) {
      const draws = Array.from({ length: n }, () => [0]);
      const got = judgeScoreInterval(draws, { resamples: 50, level: 0.95, seed: 0 });
      expect(got.ciLow, `0 of ${n}`).toBe(0);
      expect(got.ciLow! <= got.value!).toBe(true);
    }
  });
});
