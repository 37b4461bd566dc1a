import { percentileSorted } from '@assay/stats';
import { describe, expect, test } from 'vitest';
import { ProgressHistogram } from '../src/index.js';

describe('the live progress percentiles', () => {
  test('are within about 1% of the exact ones, and null before any value', () => {
    const h = new ProgressHistogram();
    expect(h.percentile(50)).toBeNull();
    const values: number[] = [];
    let x = 7;
    for (let i = 0; i < 5000; i++) {
      x = (x * 48271) % 2147483647;
      const v = 5 + (x / 2147483647) ** 3 * 2000;
      values.push(v);
      h.add(v);
    }
    const sorted = Float64Array.from(values).sort();
    for (const q of [50, 90, 99]) {
      const exact = percentileSorted(sorted, q);
      expect(Math.abs(h.percentile(q)! - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.count).toBe(5000);
  });
});
