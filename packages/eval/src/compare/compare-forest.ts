import { escapeHtml } from '@assay/report';
import { metricReading } from './compare-html-reading.js';
import type { CompareResult, MetricComparison } from './compare-result.js';
import { metricFacts } from './decide-compare.js';

/** The colour of a significant improvement: dark green, 4.5:1 or more on white. */
export const BETTER_COLOR = '#006b4f';
/** The colour of a significant regression or a failed gate: dark orange, 4.5:1 or more on white. */
export const WORSE_COLOR = '#a33a00';
/** Neither: dark grey. */
const NEUTRAL_COLOR = '#57606a';

const M = { l: 230, r: 24, t: 40, b: 52 };
const W = 700;
const ROW_H = 26;

/** Round ticks over [lo, hi] (1, 2, 2.5 or 5 times a power of ten apart). */
function ticks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step)
    out.push(Number(v.toPrecision(10)));
  return out;
}

/** A metric's difference and interval signed so that positive is better for the candidate. */
function oriented(m: MetricComparison): {
  est: number | null;
  lo: number | null;
  hi: number | null;
} {
  const s = m.greaterIsBetter ? 1 : -1;
  const flip = (x: number | null) => (x === null ? null : s * x || 0);
  return m.greaterIsBetter
    ? { est: m.difference, lo: m.ciLow, hi: m.ciHigh }
    : { est: flip(m.difference), lo: flip(m.ciHigh), hi: flip(m.ciLow) };
}

function colorOf(r: CompareResult, m: MetricComparison): string {
  const reading = metricReading(r, m);
  if (m.failed || (reading.significant && reading.side === 'worse')) return WORSE_COLOR;
  return reading.significant && reading.side === 'better' ? BETTER_COLOR : NEUTRAL_COLOR;
}

function rowMarkup(
  r: CompareResult,
  m: MetricComparison,
  y: number,
  sx: (v: number) => number,
): string {
  const reading = metricReading(r, m);
  const o = oriented(m);
  const color = colorOf(r, m);
  const name = `${reading.arrow} ${m.metric}${m.greaterIsBetter ? '' : ' (sign flipped)'}`;
  const tip = escapeHtml(`${metricFacts(m, r.settings.ci, r.settings)}; ${reading.direction}`);
  const parts = [
    `<text x="${M.l - 8}" y="${y + 4}" text-anchor="end" class="tick">${escapeHtml(name)}</text>`,
  ];
  if (o.lo !== null && o.hi !== null)
    parts.push(
      `<line x1="${sx(o.lo).toFixed(1)}" x2="${sx(o.hi).toFixed(1)}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="${m.failed ? 3 : 2}" class="interval"><title>${tip}</title></line>`,
    );
  if (o.est !== null)
    parts.push(
      `<rect x="${(sx(o.est) - 5).toFixed(1)}" y="${y - 5}" width="10" height="10" fill="${color}" class="estimate"><title>${tip}</title></rect>`,
    );
  return parts.join('');
}

/**
 * The forest plot of a comparison, oriented so that right is better for every metric: a
 * lower-is-better metric (▼, log_loss) is drawn with its sign flipped and says so. Significant
 * improvements are drawn green, significant regressions and failed gates dark orange, the rest
 * grey; with `--margin`, a dashed line at −margin (worse by the margin).
 *
 * @param r - the comparison
 * @returns an inline SVG element
 * @example
 * compareForest(result).startsWith('<svg'); // true
 */
export function compareForest(r: CompareResult): string {
  const rows = r.metrics.map(oriented);
  const margin = r.settings.margin;
  const values = [
    0,
    ...rows
      .flatMap((o) => [o.est, o.lo, o.hi])
      .filter((v): v is number => v !== null && Number.isFinite(v)),
  ];
  if (margin !== null) values.push(-margin);
  const lo0 = Math.min(...values);
  const hi0 = Math.max(...values);
  const pad = (hi0 - lo0 || 0.01) * 0.08;
  const [x0, x1] = [lo0 - pad, hi0 + pad];
  const H = M.t + M.b + ROW_H * Math.max(1, rows.length);
  const sx = (v: number): number => M.l + ((v - x0) / (x1 - x0)) * (W - M.l - M.r);
  const title = `Difference per metric, ${Math.round(r.settings.ci * 100)}% BCa CI: right = candidate better`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart forest" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`,
    `<text x="${M.l}" y="16" class="chart-title">${escapeHtml(title)}</text>`,
  ];
  for (const v of ticks(x0, x1))
    parts.push(
      `<line x1="${sx(v)}" x2="${sx(v)}" y1="${M.t}" y2="${H - M.b}" class="grid"/><text x="${sx(v)}" y="${H - M.b + 14}" text-anchor="middle" class="tick">${v > 0 ? '+' : ''}${v}</text>`,
    );
  parts.push(
    `<line x1="${sx(0)}" x2="${sx(0)}" y1="${M.t - 6}" y2="${H - M.b}" stroke="#222" stroke-width="1.5" class="zero-line"/>`,
  );
  if (margin !== null && margin > 0)
    parts.push(
      `<line x1="${sx(-margin)}" x2="${sx(-margin)}" y1="${M.t - 6}" y2="${H - M.b}" stroke="${WORSE_COLOR}" stroke-dasharray="4 3" class="margin-line"/><text x="${sx(-margin)}" y="${M.t - 9}" text-anchor="middle" class="tick">−margin</text>`,
    );
  r.metrics.forEach((m, i) => {
    parts.push(rowMarkup(r, m, M.t + ROW_H * i + ROW_H / 2, sx));
  });
  parts.push(
    `<line x1="${M.l}" x2="${W - M.r}" y1="${H - M.b}" y2="${H - M.b}" class="axis"/>`,
    `<text x="${M.l}" y="${H - 20}" class="axis-label">← candidate worse</text>`,
    `<text x="${W - M.r}" y="${H - 20}" text-anchor="end" class="axis-label">candidate better →</text>`,
    `<text x="${(M.l + W - M.r) / 2}" y="${H - 4}" text-anchor="middle" class="legend">difference (candidate − baseline), ▼ metrics negated</text>`,
    '</svg>',
  );
  return parts.join('');
}
