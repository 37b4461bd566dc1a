import { escapeHtml } from '../html/escape-html.js';
import { type Frame, legend, legendWidth } from './line-chart-legend.js';
import type { LineSeries } from './line-series.js';
import { niceCeil, niceTicks } from './nice-ticks.js';
import { seriesColor } from './palette.js';
import { placePointLabels, pointLabelsMarkup } from './point-labels.js';

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
  /** the legend to the right of the plot, widening the chart, instead of in a corner of it */
  legendOutside?: boolean;
  /** a note under the title, right-aligned (e.g. what the axis leaves out) */
  note?: string;
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
 * lineChart([{ name: 'model', x: [0, 1], y: [0, 1] }], { title: 'ROC', xLabel: 'FPR', yLabel: 'TPR' }).startsWith('<svg'); // true
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
  if (options.note) {
    parts.push(
      `<text x="${round(f.sx(f.x1))}" y="32" text-anchor="end" class="axis-note">${escapeHtml(options.note)}</text>`,
    );
  }
  axes(parts, f, options);
  if (options.diagonal) {
    const lo = Math.max(f.x0, f.y0);
    const hi = Math.min(f.x1, f.y1);
    parts.push(
      `<line x1="${round(f.sx(lo))}" y1="${round(f.sy(lo))}" x2="${round(f.sx(hi))}" y2="${round(f.sy(hi))}" class="diagonal"/>`,
    );
  }
  // an emphasised series is drawn last, on top of any it coincides with; colours keep the order
  const order = series.map((s, i) => ({ s, i }));
  const drawn = [...order.filter((o) => !o.s.emphasis), ...order.filter((o) => o.s.emphasis)];
  for (const { s, i } of drawn) seriesMarkup(parts, s, seriesColor(i), f);
  const legendBox =
    series.length > 0 ? legend(parts, series, f, options.legendOutside === true) : null;
  // labels last, on top, placed inside the plot clear of each other, the markers and the legend
  parts.push(pointLabelsMarkup(placePointLabels(series, f, legendBox ? [legendBox] : [])));
  parts.push('</svg>');
  return parts.join('');
}

/** A coordinate to two decimals at most, without float noise. */
function round(v: number): number {
  return Number(v.toFixed(2));
}

/** The top of an axis that starts at 0: the largest value, or 1 when none is above 0 (all zero). */
function upper(values: readonly number[]): number {
  const top = Math.max(0, ...values);
  return top > 0 ? top : 1;
}

function frameOf(series: readonly LineSeries[], options: LineChartOptions): Frame {
  const outside =
    options.legendOutside === true && series.length > 0 ? round(legendWidth(series) + 16) : 0;
  const W = round((options.width ?? 420) + outside);
  const H = options.height ?? 300;
  // room on the right for half the last tick label, and for the legend when it is outside
  const m = { l: 52, r: round(18 + outside), t: options.note ? 48 : 28, b: 42 };
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
  const { W, H, m } = f;
  const sx = (v: number): number => round(f.sx(v));
  const sy = (v: number): number => round(f.sy(v));
  const right = round(W - m.r);
  const mid = round((m.l + W - m.r) / 2);
  const midY = round((m.t + H - m.b) / 2);
  for (const t of niceTicks(f.x0, f.x1)) {
    parts.push(
      `<line x1="${sx(t)}" x2="${sx(t)}" y1="${m.t}" y2="${H - m.b}" class="grid"/><text x="${sx(t)}" y="${H - m.b + 14}" text-anchor="middle" class="tick">${tickLabel(t)}</text>`,
    );
  }
  for (const t of niceTicks(f.y0, f.y1)) {
    parts.push(
      `<line x1="${m.l}" x2="${right}" y1="${sy(t)}" y2="${sy(t)}" class="grid"/><text x="${m.l - 6}" y="${round(sy(t) + 4)}" text-anchor="end" class="tick">${tickLabel(t)}</text>`,
    );
  }
  parts.push(
    `<line x1="${m.l}" x2="${right}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/><line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" class="axis"/>`,
  );
  parts.push(
    `<text x="${mid}" y="${H - 6}" text-anchor="middle" class="axis-label">${escapeHtml(options.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(13 ${midY}) rotate(-90)" text-anchor="middle" class="axis-label">${escapeHtml(options.yLabel)}</text>`,
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
  const width = s.emphasis ? 4 : 2;
  if (pts.length > 0) {
    parts.push(
      `<polyline class="series${s.emphasis ? ' emphasis' : ''}" fill="none" stroke="${color}" stroke-width="${width}" points="${pts.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`,
    );
  }
  if (!s.markers) return;
  for (let j = 0; j < s.x.length; j++) {
    const cx = sx(s.x[j]!).toFixed(1);
    const cy = sy(s.y[j]!).toFixed(1);
    const r = s.markerRadii?.[j] ?? (s.emphasis ? 5 : 3);
    parts.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}" fill-opacity="0.85"/>`);
  }
}
