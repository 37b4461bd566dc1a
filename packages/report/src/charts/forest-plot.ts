import { escapeHtml } from '../html/escape-html.js';
import { niceTicks } from './nice-ticks.js';
import { seriesColor } from './palette.js';

/** One row of a forest plot: an estimate with its interval. */
export interface ForestRow {
  /** the row's label, e.g. the metric */
  readonly label: string;
  /** the point estimate (null: the row is drawn without a mark) */
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** drawn in the warning colour (e.g. a failed gate) */
  readonly flagged?: boolean;
  /** its interval drawn thicker (e.g. a failed gate among coloured rows) */
  readonly emphasis?: boolean;
  /** the row's colour, over the default and the warning colour (e.g. a significant change) */
  readonly color?: string;
  /** the tooltip; the label and numbers when absent */
  readonly note?: string;
}

/** Options of {@link forestPlot}. */
export interface ForestPlotOptions {
  /** the chart's title */
  readonly title: string;
  /** the x-axis label, e.g. `difference (candidate − baseline)` */
  readonly axisLabel: string;
  /** dashed lines at −margin and +margin (a non-inferiority margin), when given */
  readonly margin?: number | null;
  /** `'lower'`: the −margin line alone (rows oriented so that right is better); default both */
  readonly marginSides?: 'both' | 'lower';
  /** what the left and right ends of the axis mean, e.g. `['← worse', 'better →']` */
  readonly ends?: readonly [string, string];
  /** the width of the row labels' column in px (default 150), for long labels */
  readonly labelWidth?: number;
}

function niceRange(values: readonly number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo || 0.01) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * A forest plot: one row per estimate, its interval as a horizontal line, a vertical line
 * at zero (no difference) and, with a margin, dashed lines at ±margin (or −margin alone, for
 * rows oriented so that right is better).
 *
 * @param rows - the rows, top to bottom
 * @param options - title, axis label, margin
 * @returns an inline SVG element
 * @remarks The x range always holds 0 and both margins, so "the interval lies above
 *   −margin" can be read off the picture; every mark has a tooltip with its numbers.
 * @example
 * const svg = forestPlot([{ label: 'accuracy', estimate: -0.02, low: -0.035, high: -0.006 }], { title: 'candidate − baseline', axisLabel: 'difference', margin: 0.01 });
 * svg.startsWith('<svg'); // true
 */
export function forestPlot(rows: readonly ForestRow[], options: ForestPlotOptions): string {
  const margin = options.margin ?? null;
  const sides = options.marginSides === 'lower' ? [-1] : [-1, 1];
  const values = rows
    .flatMap((r) => [r.estimate, r.low, r.high])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (margin !== null) values.push(...sides.map((s) => s * margin));
  const [x0, x1] = niceRange(values);
  const ends = options.ends;
  const labelWidth = options.labelWidth ?? 150;
  const marked = margin !== null && margin > 0;
  // the ±margin labels sit above the plot: a band of their own under the title, so the two
  // never touch (title baseline 16, 13 px; labels baseline m.t − 9, 11 px)
  const m = { l: labelWidth, r: 20, t: marked ? 46 : 34, b: ends === undefined ? 40 : 52 };
  const rowH = 26;
  const W = 490 + labelWidth;
  const H = m.t + m.b + rowH * Math.max(1, rows.length);
  const sx = (v: number): number =>
    Number((m.l + ((v - x0) / (x1 - x0)) * (W - m.l - m.r)).toFixed(2));
  const title = escapeHtml(options.title);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart forest" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}"><title>${title}</title>`,
    `<text x="${m.l}" y="16" class="chart-title">${title}</text>`,
  ];
  // round ticks, so the zero line has a 0 under it
  for (const v of niceTicks(x0, x1)) {
    parts.push(
      `<line x1="${sx(v)}" x2="${sx(v)}" y1="${m.t}" y2="${H - m.b}" class="grid"/><text x="${sx(v)}" y="${H - m.b + 14}" text-anchor="middle" class="tick">${Number(v.toPrecision(6))}</text>`,
    );
  }
  parts.push(
    `<line x1="${sx(0)}" x2="${sx(0)}" y1="${m.t - 6}" y2="${H - m.b}" class="zero-line" stroke="#222" stroke-width="1.5"/>`,
  );
  if (marked) {
    for (const side of sides) {
      const v = side * margin;
      parts.push(
        `<line x1="${sx(v)}" x2="${sx(v)}" y1="${m.t - 6}" y2="${H - m.b}" class="margin-line" stroke="#D55E00" stroke-dasharray="4 3"/>`,
        // centred on its line, but held inside the chart (half the label is about 24 px)
        `<text x="${Math.min(Math.max(sx(v), 24), W - 24)}" y="${m.t - 9}" text-anchor="middle" class="tick">${side < 0 ? '−' : '+'}margin</text>`,
      );
    }
  }
  rows.forEach((r, i) => {
    const y = m.t + rowH * i + rowH / 2;
    const color = r.color ?? (r.flagged ? '#D55E00' : seriesColor(0));
    parts.push(
      `<text x="${m.l - 8}" y="${y + 4}" text-anchor="end" class="tick">${escapeHtml(r.label)}</text>`,
    );
    const tip = escapeHtml(
      r.note ?? `${r.label}: ${r.estimate ?? '–'} [${r.low ?? '–'}, ${r.high ?? '–'}]`,
    );
    if (r.low !== null && r.high !== null) {
      parts.push(
        `<line x1="${sx(r.low).toFixed(1)}" x2="${sx(r.high).toFixed(1)}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="${r.emphasis === true ? 3 : 2}" class="interval"><title>${tip}</title></line>`,
      );
    }
    if (r.estimate !== null) {
      parts.push(
        `<rect x="${(sx(r.estimate) - 5).toFixed(1)}" y="${y - 5}" width="10" height="10" fill="${color}" class="estimate"><title>${tip}</title></rect>`,
      );
    }
  });
  parts.push(
    `<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/>`,
    ...(ends === undefined
      ? []
      : [
          `<text x="${m.l}" y="${H - 20}" class="axis-label">${escapeHtml(ends[0])}</text>`,
          `<text x="${W - m.r}" y="${H - 20}" text-anchor="end" class="axis-label">${escapeHtml(ends[1])}</text>`,
        ]),
    `<text x="${Number(((m.l + W - m.r) / 2).toFixed(2))}" y="${H - (ends === undefined ? 8 : 4)}" text-anchor="middle" class="legend">${escapeHtml(options.axisLabel)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
