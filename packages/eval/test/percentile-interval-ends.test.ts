import type { ModelResult } from '@assay/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../src/run/journal.js';
import { percentileBoundSize } from '../src/summary/percentile-bound-size.js';
import { serviceIntervals } from '../src/summary/service-intervals.js';

function timed(n: number): Outcome[] {
  return Array.from(
    { length: n },
    (_, i) =>
      ({ model: 'm', key: `k${i}`, status: 'ok', e2eMs: 100 + ((i * 37) % 101) }) as Outcome,
  );
}

const model = { name: 'm', items: { total: 0, unparseable: 0 } } as unknown as ModelResult;
const options = { ci: 0.95 };

describe('the ends of a percentile interval that the sample can support', () => {
  it('need the fewest n whose extreme value lies beyond the quantile with the level’s probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (q, level) => {
          const tail = (1 - level) / 2;
          const { low, high } = percentileBoundSize(q, level);
          // P(largest of n below the q quantile) = q^n; P(smallest above it) = (1 - q)^n
          expect(q ** high).toBeLessThanOrEqual(tail * (1 + 1e-9));
          if (high > 1) expect(q ** (high - 1)).toBeGreaterThan(tail);
          expect((1 - q) ** low).toBeLessThanOrEqual(tail * (1 + 1e-9));
          if (low > 1) expect((1 - q) ** (low - 1)).toBeGreaterThan(tail);
        },
      ),
    );
    expect(percentileBoundSize(0.95, 0.95)).toEqual({ low: 2, high: 72 });
    expect(percentileBoundSize(0.99, 0.95)).toEqual({ low: 1, high: 368 });
    expect(percentileBoundSize(0.5, 0.95)).toEqual({ low: 6, high: 6 });
  });

  it('drop the upper end of a p95 below 72 timed requests, with the reason, and keep it from 72', () => {
    const short = serviceIntervals(['p95_latency_ms'], model, timed(71), options).get(
      'p95_latency_ms',
    )!;
    expect(short.high).toBeNull();
    expect(short.low).toBeGreaterThan(0);
    expect(short.reason).toMatch(
      /^with 71 timed requests the p95_latency_ms has no upper 95% bound: .* needs at least 72 timed requests/,
    );
    const enough = serviceIntervals(['p95_latency_ms'], model, timed(72), options).get(
      'p95_latency_ms',
    )!;
    expect(enough.reason).toBeUndefined();
    // scipy.stats.binom: for n = 72, q = 0.95 at 95% the 64th and the 72nd (largest) smallest
    // (P(B <= 63) = 0.0096 <= 0.025 < P(B <= 64) = 0.027; P(B >= 72) = 0.0249 <= 0.025)
    const sorted = timed(72)
      .map((o) => o.e2eMs!)
      .sort((a, b) => a - b);
    expect([enough.low, enough.high]).toEqual([sorted[63], sorted[71]]);
    expect([enough.low, enough.high]).toEqual([189, 200]);
  });

  it('drop both ends of a p50 of 5 requests, and keep both from 6', () => {
    const five = serviceIntervals(['p50_latency_ms'], model, timed(5), options).get(
      'p50_latency_ms',
    )!;
    expect([five.low, five.high]).toEqual([null, null]);
    expect(five.reason).toMatch(/has no upper or lower 95% bound/);
    const six = serviceIntervals(['p50_latency_ms'], model, timed(6), options).get(
      'p50_latency_ms',
    )!;
    expect(six.low).not.toBeNull();
    expect(six.high).not.toBeNull();
  });
});
