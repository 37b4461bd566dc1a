import { describe, expect, it } from 'vitest';
import {
  alikeItemsBound,
  itemsDiffering,
  noneSeenTrialsNeeded,
  noneSeenUpper,
} from '../src/compare/alike-items-bound.js';
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

describe('the exact upper end of a share none of whose trials was seen', () => {
  it("equals scipy's beta.ppf(1 - (1 - ci) / 2, 1, n), the Clopper-Pearson end", () => {
    // /usr/bin/python3: scipy.stats.beta.ppf(0.975, 1, n) and beta.ppf(0.95, 1, 20)
    const scipy: [number, number, number][] = [
      [5, 0.95, 0.5218237501049814],
      [40, 0.95, 0.08809730287880237],
      [50, 0.95, 0.07112173646419764],
      [80, 0.95, 0.045064035067692285],
      [300, 0.95, 0.012220974694293552],
      [20, 0.9, 0.13910834066826516],
    ];
    for (const [n, ci, expected] of scipy) expect(noneSeenUpper(n, ci)).toBeCloseTo(expected, 14);
  });

  it('needs the fewest trials whose end meets the limit, strictly where asked', () => {
    // ln(0.025) / ln(1 - m): 367.04 for 0.01, 35.01 for 0.1
    expect(noneSeenTrialsNeeded(0.01, 0.95)).toBe(368);
    expect(noneSeenTrialsNeeded(0.1, 0.95)).toBe(36);
    for (const limit of [0.01, 0.05, 0.1, 0.3]) {
      const n = noneSeenTrialsNeeded(limit, 0.95)!;
      expect(noneSeenUpper(n, 0.95)).toBeLessThanOrEqual(limit);
      expect(noneSeenUpper(n - 1, 0.95)).toBeGreaterThan(limit);
    }
    // at exactly the end of n trials, < needs one more than <=
    const at = noneSeenUpper(36, 0.95);
    expect(noneSeenTrialsNeeded(at, 0.95, true)).toBe(37);
    expect(noneSeenTrialsNeeded(0, 0.95)).toBeNull();
    expect(noneSeenTrialsNeeded(-0.1, 0.95)).toBeNull();
  });
});

describe('the interval of a share on which no paired item differs', () => {
  it('is ± the exact upper end of 0 of the items at the run level', () => {
    const at95 = alikeItemsBound(alike('accuracy'), { items: 50, differing: 0 }, 0.95);
    expect(at95.ciLow).toBeCloseTo(-0.07112173646419764, 14);
    expect(at95.ciHigh).toBeCloseTo(0.07112173646419764, 14);
    expect([at95.interval, at95.itemsAlike, at95.difference]).toEqual(['clopper-pearson', 50, 0]);
    const at90 = alikeItemsBound(alike('exact_match'), { items: 20, differing: 0 }, 0.9);
    expect(at90.ciHigh).toBeCloseTo(0.13910834066826516, 14);
    // a renamed 0/1 scorer, by the names the task passes
    const renamed = alikeItemsBound(
      alike('em_raw'),
      { items: 20, differing: 0 },
      0.9,
      new Set(['em_raw']),
    );
    expect(renamed.interval).toBe('clopper-pearson');
  });

  it('leaves alone a metric that is no share of 0/1 outcomes, an item answered differently, or an interval with width', () => {
    for (const [m, counts] of [
      [alike('f1_macro'), { items: 50, differing: 0 }],
      [alike('roc_auc'), { items: 50, differing: 0 }],
      [alike('token_f1'), { items: 50, differing: 0 }],
      [alike('em_raw'), { items: 50, differing: 0 }],
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
    const exact = alike('accuracy', { interval: 'clopper-pearson' });
    expect(intervalMethod([bca, exact])).toBe('BCa; Clopper-Pearson bound for accuracy');
    expect(intervalMethod([bca, alike('roc_auc'), exact])).toBe(
      'BCa; percentile for roc_auc; Clopper-Pearson bound for accuracy',
    );
    expect(intervalMethod([alike('f1_macro'), exact])).toBe(
      'percentile; Clopper-Pearson bound for accuracy',
    );
    expect(intervalMethod([bca])).toBe('BCa');
  });
});
