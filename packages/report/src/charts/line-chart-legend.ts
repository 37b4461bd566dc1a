import { escapeHtml } from '../html/escape-html.js';
import type { LineSeries } from './line-series.js';
import { seriesColor } from './palette.js';

/** The chart's size, margins, domains and scales. */
export interface Frame {
  readonly W: number;
  readonly H: number;
  readonly m: { readonly l: number; readonly r: number; readonly t: number; readonly b: number };
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly sx: (v: number) => number;
  readonly sy: (v: number) => number;
}

/** Legend names as shown: cut to 32 characters. */
function legendNames(series: readonly LineSeries[]): string[] {
  return series.map((s) => s.name.slice(0, 32));
}

/**
 * The legend box's width in px for these series' names (about 6.2 px a character at 11 px).
 *
 * @param series - the chart's series
 * @returns the width
 * @example
 * legendWidth([{ name: 'c0', x: [], y: [] }]); // 34.4
 */
export function legendWidth(series: readonly LineSeries[]): number {
  return round(22 + 6.2 * Math.max(...legendNames(series).map((n) => n.length)));
}

/** A coordinate to two decimals at most, without float noise (`255.60000000000002` → 255.6). */
function round(v: number): number {
  return Number(v.toFixed(2));
}

/**
 * The legend, in the corner of the plot where it covers the fewest points: bottom-right first
 * (empty for ROC, reliability and CDF plots, where curves climb to the top-left), then
 * top-right, top-left and bottom-left, so a latency curve that ends low at the right keeps its
 * last points in view; with `outside`, to the right of the plot (the frame leaves room).
 * Appends SVG elements to `parts`: the box, then a swatch and a name per series (names cut to
 * 32 characters, escaped), every coordinate rounded to two decimals at most. Returns the box
 * the legend's frame covers, for point labels to keep clear of.
 *
 * @example
 * const parts = [], f = { W: 300, H: 200, m: { l: 40, r: 10, t: 10, b: 30 }, x0: 0, x1: 1, y0: 0, y1: 1, sx: (v) => 40 + 250 * v, sy: (v) => 170 - 160 * v };
 * legend(parts, [{ name: 'nb', x: [0, 1], y: [0, 1] }], f);
 * parts[0]; // '<rect x="245.6" y="142" width="38.4" height="22" …' (bottom-right: the curve leaves it empty)
 * parts[1]; // '<rect x="249.6" y="146" width="10" height="10" fill="#0072B2"/><text …>nb</text>'
 */
export function legend(
  parts: string[],
  series: readonly LineSeries[],
  f: Frame,
  outside = false,
): { x: number; y: number; w: number; h: number } {
  const { W, H, m } = f;
  const names = legendNames(series);
  const boxW = legendWidth(series);
  const boxH = names.length * 16 + 6;
  const left = m.l + 6;
  const right = W - m.r - boxW - 6;
  const top = m.t + 6;
  const bottom = H - m.b - 8 - names.length * 16;
  const corners: [number, number][] = [
    [right, bottom],
    [right, top],
    [left, top],
    [left, bottom],
  ];
  let best: [number, number] = outside ? [W - boxW - 6, m.t + 6] : corners[0]!;
  let fewest = Number.POSITIVE_INFINITY;
  for (const corner of outside ? [] : corners) {
    const covered = pointsInside(series, f, corner[0] - 4, corner[1] - 4, boxW + 4, boxH);
    if (covered < fewest) {
      fewest = covered;
      best = corner;
    }
  }
  const [x, y0] = best.map(round) as [number, number];
  const frame = { x: round(x - 4), y: round(y0 - 4), w: round(boxW + 4), h: boxH };
  parts.push(
    `<rect x="${frame.x}" y="${frame.y}" width="${frame.w}" height="${frame.h}" fill="#fff" fill-opacity="0.85" stroke="#d0d7de"/>`,
  );
  names.forEach((name, i) => {
    const y = round(y0 + i * 16);
    parts.push(
      `<rect x="${x}" y="${y}" width="10" height="10" fill="${seriesColor(i)}"/><text x="${round(x + 14)}" y="${round(y + 9)}" class="legend"${series[i]!.emphasis ? ' font-weight="700"' : ''}>${escapeHtml(name)}</text>`,
    );
  });
  return frame;
}

/** How many of the series' points fall in a box (in SVG coordinates), margin of a marker included. */
function pointsInside(
  series: readonly LineSeries[],
  f: Frame,
  x: number,
  y: number,
  w: number,
  h: number,
): number {
  const r = 3;
  let n = 0;
  for (const s of series) {
    for (let j = 0; j < s.x.length; j++) {
      const px = f.sx(s.x[j]!);
      const py = f.sy(s.y[j]!);
      if (px >= x - r && px <= x + w + r && py >= y - r && py <= y + h + r) n++;
    }
  }
  return n;
}
