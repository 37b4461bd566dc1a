import { describe, expect, test } from 'vitest';
import { type Box, pointLabelBox } from '../src/charts/point-labels.js';
import { calibrationChart, forestPlot, lineChart } from '../src/index.js';

/** Two models' reliability bins, crowded at both ends as a well-separated spam model's are. */
const CURVES = [
  {
    name: 'old',
    meanPredicted: [0.02, 0.14, 0.25, 0.344, 0.45, 0.55, 0.658, 0.755, 0.856, 0.982],
    fractionPositive: [0.017, 0, 0.182, 0.071, 0.25, 0.579, 0.818, 0.917, 0.974, 0.997],
    counts: [302, 50, 22, 14, 12, 19, 11, 24, 38, 308],
  },
  {
    name: 'new',
    meanPredicted: [0.035, 0.163, 0.259, 0.349, 0.456, 0.546, 0.658, 0.749, 0.846, 0.954],
    fractionPositive: [0.188, 0.083, 0.081, 0, 0.021, 0.212, 0.491, 0.667, 0.931, 1],
    counts: [16, 12, 37, 47, 96, 113, 110, 144, 130, 95],
  },
];

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The plot area of a line chart: from its two axis lines. */
function plotArea(svg: string): { left: number; right: number; top: number; bottom: number } {
  const axis =
    /<line x1="([\d.]+)" x2="([\d.]+)" y1="([\d.]+)" y2="[\d.]+" class="axis"\/><line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/.exec(
      svg,
    )!;
  const [left, right, bottom, top] = axis.slice(1).map(Number) as [number, number, number, number];
  return { left, right, top, bottom };
}

/** Every `n=…` label's box, as drawn (anchor and baseline from the SVG). */
function labelBoxes(svg: string): Box[] {
  return [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)"(?: text-anchor="(start|middle|end)")? class="point-label">([^<]+)<\/text>/g,
    ),
  ].map((m) =>
    pointLabelBox(
      m[4]!,
      Number(m[1]),
      Number(m[2]),
      (m[3] ?? 'start') as 'start' | 'middle' | 'end',
    ),
  );
}

/** The tick labels' boxes (11 px text, 6.8 px a character, centred or right-aligned). */
function tickBoxes(svg: string): Box[] {
  return [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)" text-anchor="(middle|end)" class="tick">([^<]+)</g,
    ),
  ].map((m) => {
    const w = 6.8 * m[4]!.length;
    const x = Number(m[1]);
    return { x: m[3] === 'end' ? x - w : x - w / 2, y: Number(m[2]) - 9, w, h: 12 };
  });
}

describe('the calibration chart’s n= labels', () => {
  const svg = calibrationChart(CURVES);
  const labels = labelBoxes(svg);

  test('are all drawn, inside the plot area, so none runs past the edge or into the axis', () => {
    expect(labels).toHaveLength(20);
    const plot = plotArea(svg);
    const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
    for (const b of labels) {
      expect(b.x).toBeGreaterThanOrEqual(plot.left);
      expect(b.x + b.w).toBeLessThanOrEqual(plot.right);
      expect(b.x + b.w).toBeLessThan(width);
      expect(b.y).toBeGreaterThanOrEqual(plot.top);
      expect(b.y + b.h).toBeLessThanOrEqual(plot.bottom);
    }
  });

  test('overlap neither each other nor the tick labels nor the legend', () => {
    const ticks = tickBoxes(svg);
    expect(ticks.length).toBeGreaterThan(10);
    const legend =
      /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="#fff"/.exec(svg)!;
    const [x, y, w, h] = legend.slice(1).map(Number) as [number, number, number, number];
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      for (const t of ticks) expect(overlaps(a, t)).toBe(false);
      expect(overlaps(a, { x, y, w, h })).toBe(false);
    });
  });
});

describe('SVG coordinates', () => {
  test('a legend outside the plot writes its coordinates to two decimals at most', () => {
    // legendWidth 22 + 6.2 × 37 characters put the frame at x = 238.99999999999997
    const svg = lineChart(
      [
        { name: 'a model with a long name, cut at 32 characters', x: [0, 1], y: [0, 1] },
        { name: 'b', x: [0, 1], y: [1, 0] },
      ],
      { title: 't', xLabel: 'x', yLabel: 'y', legendOutside: true, width: 233 },
    );
    const numbers = [...svg.matchAll(/ (?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(numbers.length).toBeGreaterThan(20);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d{1,2})?$/);
  });
});

describe('the forest plot', () => {
  test('keeps the −margin label in a band of its own below the title', () => {
    const svg = forestPlot(
      [
        { label: 'accuracy', estimate: -0.23, low: -0.265, high: -0.2 },
        { label: 'f1_macro', estimate: -0.246, low: -0.28, high: -0.215 },
      ],
      {
        title: 'Difference per metric, 95% CI: right = candidate better',
        axisLabel: 'difference',
        margin: 0.01,
        marginSides: 'lower',
        ends: ['← worse', 'better →'],
      },
    );
    const titleBaseline = Number(/<text x="[\d.]+" y="([\d.]+)" class="chart-title"/.exec(svg)![1]);
    const label = /<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" class="tick">−margin/.exec(
      svg,
    )!;
    // the title's descent (13 px text: about 4 px) above the label's ascent (11 px: about 9 px)
    expect(Number(label[2]) - 9).toBeGreaterThan(titleBaseline + 4);
    // and the margin line starts below the label
    const line = /<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"[^>]*class="margin-line"/.exec(svg)!;
    expect(Number(line[1])).toBeGreaterThan(Number(label[2]));
  });
});
