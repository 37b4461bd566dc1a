import { wilsonInterval } from '@assay/stats';
import { describe, expect, it } from 'vitest';
import { alikeItemsBound, itemsDiffering } from '../src/compare/alike-items-bound.js';
import type { MeasuredMetric } from '../src/compare/compare-metrics.js';
import { intervalMethod } from '../src/compare/compare-text.js';

const alike = (metric: string, overrides: Partial<MeasuredMetric> = {}): MeasuredMetric => ({
  metric,
  greaterIsBetter: true,
  baseline: 0.9,
  candidate: 0.9,
  difference: 0,
  ciLow: 0,
  ciHigh: 0,
  interval: 'percentile',
  test: 'mcnemar',
  pValue: 1,
  ...overrides,
});

describe('the interval of a share on which no paired item differs', () => {
  it("is ± the Wilson upper end of 0 of the items (scipy's z²/(n + z²)) at the run's level", () => {
    // z = scipy.stats.norm.ppf(0.975) and norm.ppf(0.95): 0.07134759913335871, 0.11915783736096448
    const at95 = alikeItemsBound(alike('accuracy'), { items: 50, differing: 0 }, 0.95);
    expect(at95.ciLow).toBeCloseTo(-0.07134759913335871, 14);
    expect(at95.ciHigh).toBeCloseTo(0.07134759913335871, 14);
    expect([at95.interval, at95.itemsAlike, at95.difference]).toEqual(['wilson', 50, 0]);
    const at90 = alikeItemsBound(alike('exact_match'), { items: 20, differing: 0 }, 0.9);
    expect(at90.ciHigh).toBeCloseTo(0.11915783736096448, 14);
    expect(at90.ciHigh).toBe(wilsonInterval(0, 20, 0.9)![1]);
  });

  it('leaves alone a metric that is no share of 0/1 outcomes, an item answered differently, or an interval with width', () => {
    for (const [m, counts] of [
      [alike('f1_macro'), { items: 50, differing: 0 }],
      [alike('roc_auc'), { items: 50, differing: 0 }],
      [alike('token_f1'), { items: 50, differing: 0 }],
      // two items answered differently in opposite directions: a difference of 0 is no bound
      [alike('accuracy'), { items: 50, differing: 2 }],
      [alike('accuracy', { ciLow: -0.02, ciHigh: 0.02 }), { items: 50, differing: 0 }],
      [alike('accuracy'), { items: 0, differing: 0 }],
    ] as const) {
      expect(alikeItemsBound(m, counts, 0.95)).toBe(m);
    }
  });

  it('counts an item once over its rows, and as differing when any of its rows does', () => {
    expect(itemsDiffering(['a', 'a', 'b', 'c'], [false, true, false, false])).toEqual({
      items: 3,
      differing: 1,
    });
    expect(itemsDiffering([], [])).toEqual({ items: 0, differing: 0 });
  });

  it('is named in the methods line after the bootstrap intervals', () => {
    const bca = alike('f1_macro', { interval: 'bca' });
    const wilson = alike('accuracy', { interval: 'wilson' });
    expect(intervalMethod([bca, wilson])).toBe('BCa; Wilson bound for accuracy');
    expect(intervalMethod([bca, alike('roc_auc'), wilson])).toBe(
      'BCa; percentile for roc_auc; Wilson bound for accuracy',
    );
    expect(intervalMethod([alike('f1_macro'), wilson])).toBe(
      'percentile; Wilson bound for accuracy',
    );
    expect(intervalMethod([bca])).toBe('BCa');
  });
});
