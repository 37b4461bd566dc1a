import { describe, expect, test } from 'vitest';
import { lineChart } from '../src/index.js';

/** The legend's frame (the first rect with a stroke) and every point marker of the chart. */
function layout(svg: string) {
  const box = svg.match(
    /<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" fill="#fff"/,
  );
  if (box === null) throw new Error('no legend');
  const [x, y, w, h] = box.slice(1).map(Number) as [number, number, number, number];
  const points = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((c) => [
    Number(c[1]),
    Number(c[2]),
  ]);
  const covered = points.filter(([px, py]) => px! >= x && px! <= x + w && py! >= y && py! <= y + h);
  return { x, y, covered };
}

const options = { title: 'Latency against rate', xLabel: 'requests/s', yLabel: 'ms' };

describe('a line chart legend', () => {
  test('stays bottom-right where that corner is empty (ROC and CDF curves climb top-left)', () => {
    const svg = lineChart(
      [{ name: 'model', x: [0, 0.1, 0.2, 1], y: [0, 0.8, 0.95, 1], markers: true }],
      options,
    );
    const { x, y, covered } = layout(svg);
    expect(covered).toEqual([]);
    expect(x).toBeGreaterThan(210);
    expect(y).toBeGreaterThan(150);
  });

  test('moves off the points a low series leaves at the right end of the chart', () => {
    // TTFT p50 stays lowish up to the highest rate while e2e p99 climbs: the bottom-right is taken
    const rates = [1, 5, 10, 12, 13, 15];
    const svg = lineChart(
      [
        { name: 'e2e p99', x: rates, y: [100, 120, 200, 600, 900, 3000], markers: true },
        { name: 'TTFT p50', x: rates, y: [150, 200, 250, 300, 350, 400], markers: true },
      ],
      options,
    );
    const { covered } = layout(svg);
    expect(covered).toEqual([]);
  });
});
