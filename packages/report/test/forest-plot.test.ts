import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../src/charts/nice-ticks.js';
import { forestPlot } from '../src/index.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

const ROWS = [
  { label: 'accuracy', estimate: -0.02, low: -0.035, high: -0.006, flagged: true },
  { label: 'f1_macro <&>', estimate: 0.001, low: -0.004, high: 0.007 },
  { label: 'roc_auc', estimate: null, low: null, high: null },
];

/** The x position of a vertical line of the given class. */
function lineXs(svg: string, cls: string): number[] {
  return [...svg.matchAll(new RegExp(`<line x1="([-\\d.]+)"[^>]*class="${cls}"`, 'g'))].map((m) =>
    Number(m[1]),
  );
}

describe('forestPlot', () => {
  it('is well-formed SVG with one interval and one mark per row that has them', () => {
    const svg = forestPlot(ROWS, { title: 'candidate − baseline', axisLabel: 'difference' });
    const doc = parser.parse(svg);
    expect(doc.svg.title).toBe('candidate − baseline');
    expect(svg.match(/class="interval"/g)).toHaveLength(2);
    expect(svg.match(/class="estimate"/g)).toHaveLength(2);
    expect(svg).toContain('f1_macro &lt;&amp;&gt;');
    // the flagged row is drawn in the warning colour
    expect(svg).toMatch(/stroke="#D55E00" stroke-width="2" class="interval"/);
  });

  it('draws the zero line between the margin lines, the interval left of -margin left of it', () => {
    const svg = forestPlot(ROWS, { title: 't', axisLabel: 'x', margin: 0.01 });
    const [zero] = lineXs(svg, 'zero-line');
    const [minus, plus] = lineXs(svg, 'margin-line');
    expect(minus!).toBeLessThan(zero!);
    expect(plus!).toBeGreaterThan(zero!);
    // the accuracy interval [-0.035, -0.006] starts left of -0.01 and ends right of it
    const interval = /<line x1="([\d.]+)" x2="([\d.]+)"[^>]*class="interval"/.exec(svg)!;
    expect(Number(interval[1])).toBeLessThan(minus!);
    expect(Number(interval[2])).toBeGreaterThan(minus!);
    expect(forestPlot(ROWS, { title: 't', axisLabel: 'x' })).not.toContain('margin-line');
  });
});

describe('the forest plot axis', () => {
  it('has round ticks with 0 among them, and labels both margins', () => {
    expect(niceTicks(-0.072, 0.071)).toEqual([-0.05, 0, 0.05]);
    expect(niceTicks(-1, 3)).toEqual([-1, 0, 1, 2, 3]);
    expect(niceTicks(2, 2)).toEqual([2]);
    // a running sum of steps gave -2.8e-17 for 0 here
    expect(niceTicks(-0.46, 0.018)).toContain(0);
    for (let i = 0; i < 2000; i++) {
      const lo = -Math.random() * 3;
      const hi = Math.random() * 3;
      const ticks = niceTicks(lo, hi);
      const step = ticks[1]! - ticks[0]!;
      if (ticks.some((t) => Math.abs(t) < step / 2)) expect(ticks).toContain(0);
    }
    const svg = forestPlot(
      [
        { label: 'accuracy', estimate: -0.02, low: -0.072, high: 0.015 },
        { label: 'f1_macro', estimate: 0.03, low: -0.01, high: 0.071 },
      ],
      { title: 'candidate − baseline', axisLabel: 'difference', margin: 0.05 },
    );
    const labels = [...svg.matchAll(/class="tick">([^<]+)</g)].map((m) => m[1]);
    expect(labels).toContain('0');
    expect(labels).toContain('−margin');
    expect(labels).toContain('+margin');
  });
});
