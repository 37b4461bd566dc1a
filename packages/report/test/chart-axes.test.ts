import { describe, expect, test } from 'vitest';
import { niceCeil, niceTicks } from '../src/charts/nice-ticks.js';
import { foldBarChart, histogramChart, lineChart } from '../src/index.js';

describe('an axis that does not start at 0 is marked', () => {
  test('fold bars near 1: a break mark on the value axis and a note where it starts', () => {
    const svg = foldBarChart('accuracy', [
      { name: 'nb', folds: [0.95, 0.97, 0.96], pooled: 0.96, ciLow: 0.955, ciHigh: 0.969 },
    ]);
    expect(svg).toContain('class="axis-break"');
    expect(svg).toContain('>axis starts at 0.90, not at 0</text>');
    expect(svg).toContain('aria-label="accuracy per fold (axis starts at 0.90)"');
  });

  test('fold bars that reach down to 0 have neither', () => {
    const svg = foldBarChart('accuracy', [
      { name: 'nb', folds: [0.02, 0.5], pooled: 0.26, ciLow: 0.01, ciHigh: 0.5 },
    ]);
    expect(svg).not.toContain('axis-break');
    expect(svg).not.toContain('axis starts at');
  });

  test('a NaN fold value draws no bar, as null does, and no NaN reaches the SVG', () => {
    const withNaN = foldBarChart('f1_macro', [
      { name: 'nb', folds: [0.8, Number.NaN], pooled: 0.8, ciLow: 0.7, ciHigh: 0.9 },
    ]);
    const withNull = foldBarChart('f1_macro', [
      { name: 'nb', folds: [0.8, null], pooled: 0.8, ciLow: 0.7, ciHigh: 0.9 },
    ]);
    expect(withNaN).not.toContain('NaN');
    expect(withNaN).toBe(withNull);
  });

  test('a latency histogram from 13.6 ms is marked; one from 0 ms is not', () => {
    const svg = histogramChart([13.6, 20, 25, 90], { title: 'TTFT', xLabel: 'ms' });
    expect(svg).toContain('class="axis-break"');
    expect(svg).toContain('>axis starts at 13.6, not at 0</text>');
    const fromZero = histogramChart([0, 20, 25, 90], { title: 'TTFT', xLabel: 'ms' });
    expect(fromZero).not.toContain('axis-break');
  });
});

describe('a line chart whose values are all zero', () => {
  test('has the ticks 0 to 1 on that axis, not 0 to 1e-9', () => {
    // goodput 0 at every rate (every request missed the SLO)
    const svg = lineChart([{ name: 'goodput', x: [10, 20, 30], y: [0, 0, 0] }], {
      title: 'Goodput',
      xLabel: 'rate',
      yLabel: 'requests/s',
    });
    const ticks = [...svg.matchAll(/class="tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(ticks).toContain('1');
    expect(ticks.some((t) => /e-/.test(t!))).toBe(false);
  });
});

describe('the fold chart', () => {
  test('draws the pooled value beside its interval, so the bar lies inside the whisker', () => {
    // a fold mean of 0.63 would lie far below the pooled interval [0.89, 0.97]
    const svg = foldBarChart('f1_macro', [
      { name: 'nb', folds: [0.4, 0.6, 0.9], pooled: 0.93, ciLow: 0.89, ciHigh: 0.97 },
    ]);
    expect(svg).toContain('nb pooled ± CI: 0.9300');
  });
});

describe('an axis of the data’s own range', () => {
  test('ends on a labelled round tick at or above the largest value', () => {
    expect(niceCeil(0, 19.97)).toBe(20);
    expect(niceCeil(0, 0.97)).toBe(1);
    expect(niceCeil(0, 15)).toBe(15);
    // an axis below 0 whose step changes when its top is raised still ends on its own tick
    const top = niceCeil(-4.9, 5.1);
    expect(niceTicks(-4.9, top).at(-1)).toBe(top);
    expect(top).toBeGreaterThanOrEqual(5.1);
    const svg = lineChart([{ name: 'throughput', x: [1, 2, 3], y: [5, 12, 19.97] }], {
      title: 'throughput',
      xLabel: 'concurrency',
      yLabel: 'requests/s',
    });
    // the top tick is labelled 20, above the point at 19.97 (the axis used to stop at 15)
    expect(svg).toMatch(/class="tick">20<\/text>/);
  });
});
