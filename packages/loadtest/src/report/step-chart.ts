import { escapeHtml } from '@assay/report';

/** One measured step on a {@link stepChart}. */
export interface StepPoint {
  readonly x: number;
  readonly y: number;
  /** false: drawn hollow (the generator fell behind, so the figure describes the client) */
  readonly valid: boolean;
  /** the tooltip, e.g. `step 2: 142.92/s poisson` */
  readonly label: string;
  /** the ends of the figure's interval (e.g. a 95% CI), drawn as a bar through the mark */
  readonly interval?: readonly [number, number];
}

/** One series of a {@link stepChart}. */
export interface StepSeries {
  readonly name: string;
  readonly color: string;
  readonly points: readonly StepPoint[];
  /** a dashed line (told apart from a solid one it may lie on) */
  readonly dash?: boolean;
}

/** Options of {@link stepChart}. */
export interface StepChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** join the points (false: points only, where a line would claim what was not measured) */
  readonly line: boolean;
  /** the y unit in tooltips, e.g. `ms` */
  readonly unit?: string;
}

const W = 440;
const PLOT_H = 260;
const M = { l: 52, r: 14, t: 28, b: 42 };

/** Round ticks from 0 up to at least `hi` (1, 2, 2.5 or 5 times a power of ten apart). */
export function roundTicks(hi: number, count = 5): number[] {
  const top = hi > 0 ? hi : 1;
  const raw = top / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

function tickText(v: number): string {
  return Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Number(v.toPrecision(3)));
}

interface Scale {
  readonly sx: (v: number) => number;
  readonly sy: (v: number) => number;
  readonly xt: number[];
  readonly yt: number[];
}

function scaleOf(series: readonly StepSeries[]): Scale {
  const pts = series.flatMap((s) => s.points);
  const xt = roundTicks(Math.max(0, ...pts.map((p) => p.x)));
  const yt = roundTicks(Math.max(0, ...pts.map((p) => Math.max(p.y, p.interval?.[1] ?? 0))));
  const x1 = xt.at(-1)!;
  const y1 = yt.at(-1)!;
  return {
    sx: (v) => M.l + (v / x1) * (W - M.l - M.r),
    sy: (v) => PLOT_H - M.b - (v / y1) * (PLOT_H - M.t - M.b),
    xt,
    yt,
  };
}

function axes(parts: string[], s: Scale, o: StepChartOptions): void {
  for (const t of s.xt)
    parts.push(
      `<line x1="${s.sx(t)}" x2="${s.sx(t)}" y1="${M.t}" y2="${PLOT_H - M.b}" class="grid"/><text x="${s.sx(t)}" y="${PLOT_H - M.b + 14}" text-anchor="middle" class="tick">${tickText(t)}</text>`,
    );
  for (const t of s.yt)
    parts.push(
      `<line x1="${M.l}" x2="${W - M.r}" y1="${s.sy(t)}" y2="${s.sy(t)}" class="grid"/><text x="${M.l - 6}" y="${s.sy(t) + 4}" text-anchor="end" class="tick">${tickText(t)}</text>`,
    );
  parts.push(
    `<line x1="${M.l}" x2="${W - M.r}" y1="${PLOT_H - M.b}" y2="${PLOT_H - M.b}" class="axis"/><line x1="${M.l}" x2="${M.l}" y1="${M.t}" y2="${PLOT_H - M.b}" class="axis"/>`,
    `<text x="${(M.l + W - M.r) / 2}" y="${PLOT_H - 8}" text-anchor="middle" class="axis-label">${escapeHtml(o.xLabel)}</text>`,
    `<text transform="translate(13 ${(M.t + PLOT_H - M.b) / 2}) rotate(-90)" text-anchor="middle" class="axis-label">${escapeHtml(o.yLabel)}</text>`,
  );
}

const dashOf = (s: StepSeries): string => (s.dash ? ' stroke-dasharray="7 4"' : '');

function seriesMarkup(parts: string[], series: StepSeries, s: Scale, o: StepChartOptions): void {
  const pts = [...series.points].sort((a, b) => a.x - b.x);
  if (o.line && pts.length > 1) {
    const xy = pts.map((p) => `${s.sx(p.x).toFixed(1)},${s.sy(p.y).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline class="series" fill="none" stroke="${series.color}" stroke-width="2"${dashOf(series)} points="${xy}"><title>${escapeHtml(series.name)}</title></polyline>`,
    );
  }
  for (const p of pts)
    if (p.interval !== undefined) parts.push(intervalBar(p, p.interval, series, s));
  for (const p of pts) {
    // an invalid step is hollow: drawn, but not as a measurement of the server
    const fill = p.valid ? series.color : '#fff';
    const tip = `${p.label}: ${series.name} ${tickText(p.y)}${o.unit === undefined ? '' : ` ${o.unit}`}${p.valid ? '' : ' (not valid: the generator fell behind)'}`;
    parts.push(
      `<circle cx="${s.sx(p.x).toFixed(1)}" cy="${s.sy(p.y).toFixed(1)}" r="${p.valid ? 3.5 : 4.5}" fill="${fill}" stroke="${series.color}" stroke-width="2" class="${p.valid ? 'point' : 'point invalid'}"><title>${escapeHtml(tip)}</title></circle>`,
    );
  }
}

/** A point's interval: a vertical bar with short caps, its ends in the tooltip. */
function intervalBar(
  p: StepPoint,
  [lo, hi]: readonly [number, number],
  series: StepSeries,
  s: Scale,
): string {
  const x = s.sx(p.x).toFixed(1);
  const [y0, y1] = [s.sy(lo).toFixed(1), s.sy(hi).toFixed(1)];
  const cap = (y: string) =>
    `<line x1="${(s.sx(p.x) - 4).toFixed(1)}" x2="${(s.sx(p.x) + 4).toFixed(1)}" y1="${y}" y2="${y}"/>`;
  const tip = `${p.label}: ${series.name} interval ${tickText(lo)} to ${tickText(hi)}`;
  return `<g class="interval" stroke="${series.color}" stroke-width="1.5"><title>${escapeHtml(tip)}</title><line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}"/>${cap(y0)}${cap(y1)}</g>`;
}

/** The legend under the plot: a line sample per series (dashes shown), and the hollow mark. */
function legend(parts: string[], series: readonly StepSeries[], hollow: boolean): number {
  const items = series.map(
    (s) =>
      `<line x1="0" x2="22" y1="-4" y2="-4" stroke="${s.color}" stroke-width="2"${dashOf(s)}/><circle cx="11" cy="-4" r="3" fill="${s.color}"/><text x="28" y="0" class="legend">${escapeHtml(s.name)}</text>`,
  );
  const at = (x: number, row: number, item: string): string =>
    `<g transform="translate(${x} ${PLOT_H + 8 + row * 16})">${item}</g>`;
  items.forEach((item, i) => {
    parts.push(at(M.l + (i % 2) * 190, Math.floor(i / 2), item));
  });
  let rows = Math.ceil(items.length / 2);
  if (hollow) {
    // on a row of its own: the longest entry
    parts.push(
      at(
        M.l,
        rows++,
        '<circle cx="11" cy="-4" r="4" fill="#fff" stroke="#57606a" stroke-width="2"/><text x="28" y="0" class="legend">hollow: step not valid (generator fell behind)</text>',
      ),
    );
  }
  return rows * 16 + 8;
}

/**
 * A chart of per-step figures as an inline SVG: one mark per measured step, joined by a line
 * only where the options say so, with a bar through it for a point's `interval`; a step that
 * is not valid is drawn hollow; dashed series stay
 * visible over solid ones they coincide with; the legend sits under the plot, covering nothing.
 *
 * @param series - the series, each with its colour
 * @param options - title, axis labels, whether to join the points
 * @returns `<svg>` markup, or an empty string when there is no point
 * @example
 * ```ts
 * const points = [{ x: 61, y: 102, valid: true, label: 'step 0' }];
 * stepChart([{ name: 'TTFT p99', color: '#0072B2', points }], { title: 'TTFT', xLabel: 'requests/s', yLabel: 'ms', line: true });
 * // '<svg …</svg>'
 * ```
 */
export function stepChart(series: readonly StepSeries[], options: StepChartOptions): string {
  const kept = series.filter((s) => s.points.length > 0);
  if (kept.length === 0) return '';
  const scale = scaleOf(kept);
  const body: string[] = [
    `<text x="${M.l}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`,
  ];
  axes(body, scale, options);
  for (const s of kept) seriesMarkup(body, s, scale, options);
  const hollow = kept.some((s) => s.points.some((p) => !p.valid));
  const H = PLOT_H + legend(body, kept, hollow);
  const title = escapeHtml(options.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}"><title>${title}</title>${body.join('')}</svg>`;
}
