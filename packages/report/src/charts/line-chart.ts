import { escapeHtml } from '../html/escape-html.js';
import { niceCeil, niceTicks } from './nice-ticks.js';
import { seriesColor } from './palette.js';

/** One line of a {@link lineChart}. */
export interface LineSeries {
  /** legend label */
  name: string;
  /** x values */
  x: readonly number[];
  /** y values */
  y: readonly number[];
  /** draw as a step function (CDFs) */
  step?: boolean;
  /** draw point markers */
  markers?: boolean;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** accessible title */
  title: string;
  /** x axis label */
  xLabel: string;
  /** y axis label */
  yLabel: string;
  /** x range (default: data range) */
  xDomain?: [number, number];
  /** y range (default: data range) */
  yDomain?: [number, number];
  /** draw the y = x diagonal (ROC, calibration) */
  diagonal?: boolean;
  /** width in px (default 420) */
  width?: number;
  /** height in px (default 300) */
  height?: number;
}

function tickLabel(v: number): string {
  return Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Number(v.toPrecision(3)));
}

/**
 * Renders a line chart as a self-contained SVG string.
 *
 * @param series - the lines
 * @param options - title, axis labels, domains, size
 * @returns `<svg>` markup (all text escaped)
 * @example
 * lineChart([{ name: 'model', x: [0, 1], y: [0, 1] }], { title: 'ROC', xLabel: 'FPR', yLabel: 'TPR' });
 */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const f = frameOf(series, options);
  const { W, H, m } = f;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(options.title)}">`,
  );
  parts.push(`<title>${escapeHtml(options.title)}</title>`);
  parts.push(`<text x="${m.l}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`);
  axes(parts, f, options);
  if (options.diagonal) {
    const lo = Math.max(f.x0, f.y0);
    const hi = Math.min(f.x1, f.y1);
    parts.push(
      `<line x1="${f.sx(lo)}" y1="${f.sy(lo)}" x2="${f.sx(hi)}" y2="${f.sy(hi)}" class="diagonal"/>`,
    );
  }
  series.forEach((s, i) => {
    seriesMarkup(parts, s, seriesColor(i), f);
  });
  if (series.length > 0) legend(parts, series, f);
  parts.push('</svg>');
  return parts.join('');
}

/** The chart's size, margins, domains and scales. */
interface Frame {
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

/** The top of an axis that starts at 0: the largest value, or 1 when none is above 0 (all zero). */
function upper(values: readonly number[]): number {
  const top = Math.max(0, ...values);
  return top > 0 ? top : 1;
}

function frameOf(series: readonly LineSeries[], options: LineChartOptions): Frame {
  const W = options.width ?? 420;
  const H = options.height ?? 300;
  const m = { l: 52, r: 12, t: 28, b: 42 };
  const xs = series.flatMap((s) => s.x).filter(Number.isFinite);
  const ys = series.flatMap((s) => s.y).filter(Number.isFinite);
  // a domain of the data's own is raised to a round tick, so the top of the data is labelled
  const auto = (values: readonly number[]): [number, number] => {
    const lo = Math.min(0, ...values);
    return [lo, niceCeil(lo, upper(values))];
  };
  const [x0, x1] = options.xDomain ?? auto(xs);
  const [y0, y1] = options.yDomain ?? auto(ys);
  const sx = (v: number): number => m.l + ((v - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (v: number): number => H - m.b - ((v - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  return { W, H, m, x0, x1, y0, y1, sx, sy };
}

/** Grid lines with tick labels, the two axes and their labels. */
function axes(parts: string[], f: Frame, options: LineChartOptions): void {
  const { W, H, m, sx, sy } = f;
  for (const t of niceTicks(f.x0, f.x1)) {
    parts.push(
      `<line x1="${sx(t)}" x2="${sx(t)}" y1="${m.t}" y2="${H - m.b}" class="grid"/><text x="${sx(t)}" y="${H - m.b + 14}" text-anchor="middle" class="tick">${tickLabel(t)}</text>`,
    );
  }
  for (const t of niceTicks(f.y0, f.y1)) {
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(t)}" y2="${sy(t)}" class="grid"/><text x="${m.l - 6}" y="${sy(t) + 4}" text-anchor="end" class="tick">${tickLabel(t)}</text>`,
    );
  }
  parts.push(
    `<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/><line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" class="axis"/>`,
  );
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle" class="axis-label">${escapeHtml(options.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(13 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle" class="axis-label">${escapeHtml(options.yLabel)}</text>`,
  );
}

/** One series: its polyline (steps for CDFs) and optional point markers. */
function seriesMarkup(parts: string[], s: LineSeries, color: string, f: Frame): void {
  const { sx, sy } = f;
  const pts: string[] = [];
  for (let j = 0; j < s.x.length; j++) {
    const px = sx(s.x[j]!).toFixed(1);
    const py = sy(s.y[j]!).toFixed(1);
    if (s.step && j > 0) pts.push(`${px},${sy(s.y[j - 1]!).toFixed(1)}`);
    pts.push(`${px},${py}`);
  }
  if (pts.length > 0) {
    parts.push(
      `<polyline class="series" fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`,
    );
  }
  if (s.markers) {
    for (let j = 0; j < s.x.length; j++) {
      parts.push(
        `<circle cx="${sx(s.x[j]!).toFixed(1)}" cy="${sy(s.y[j]!).toFixed(1)}" r="3" fill="${color}"/>`,
      );
    }
  }
}

/**
 * The legend, in the corner of the plot where it covers the fewest points: bottom-right first
 * (empty for ROC, reliability and CDF plots, where curves climb to the top-left), then
 * top-right, top-left and bottom-left, so a latency curve that ends low at the right keeps its
 * last points in view.
 */
function legend(parts: string[], series: readonly LineSeries[], f: Frame): void {
  const { W, H, m } = f;
  const names = series.map((s) => s.name.slice(0, 32));
  const boxW = 22 + 6.2 * Math.max(...names.map((n) => n.length));
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
  let best = corners[0]!;
  let fewest = Number.POSITIVE_INFINITY;
  for (const corner of corners) {
    const covered = pointsInside(series, f, corner[0] - 4, corner[1] - 4, boxW + 4, boxH);
    if (covered < fewest) {
      fewest = covered;
      best = corner;
    }
  }
  const [x, y0] = best;
  parts.push(
    `<rect x="${x - 4}" y="${y0 - 4}" width="${boxW + 4}" height="${boxH}" fill="#fff" fill-opacity="0.85" stroke="#d0d7de"/>`,
  );
  names.forEach((name, i) => {
    const y = y0 + i * 16;
    parts.push(
      `<rect x="${x}" y="${y}" width="10" height="10" fill="${seriesColor(i)}"/><text x="${x + 14}" y="${y + 9}" class="legend">${escapeHtml(name)}</text>`,
    );
  });
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
