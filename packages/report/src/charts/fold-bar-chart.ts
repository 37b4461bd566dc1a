import { escapeHtml } from '../html/escape-html.js';
import { axisStartNote, verticalAxisBreak } from './axis-break.js';
import { seriesColor } from './palette.js';

/** One model's per-fold scores and pooled CI for {@link foldBarChart}. */
export interface FoldBars {
  /** model name */
  name: string;
  /** per-fold values (null = undefined in that fold) */
  folds: ReadonlyArray<number | null>;
  /** the value on every test prediction pooled (the one its CI describes) */
  pooled: number | null;
  /** CI of the pooled value */
  ciLow: number | null;
  /** CI of the pooled value */
  ciHigh: number | null;
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Grouped bar chart of a metric per fold and overall (mean with CI whiskers),
 * one colour per model. The value axis starts just below the smallest value shown; when
 * that is above 0 the axis carries a break mark and the note `axis starts at 0.90, not at 0`.
 *
 * @param metric - metric name (axis label)
 * @param input - per model: fold values, the pooled value and its CI (NaN draws nothing, as null)
 * @returns SVG markup
 * @example
 * foldBarChart('accuracy', [{ name: 'nb', folds: [0.9, 0.92], pooled: 0.91, ciLow: 0.89, ciHigh: 0.93 }]).startsWith('<svg'); // true
 */
export function foldBarChart(metric: string, input: readonly FoldBars[]): string {
  // NaN (a metric undefined in a fold) and an absent value draw nothing, as null does
  const models = input.map((md) => ({
    name: md.name,
    folds: md.folds.map(finiteOrNull),
    pooled: finiteOrNull(md.pooled),
    ciLow: finiteOrNull(md.ciLow),
    ciHigh: finiteOrNull(md.ciHigh),
  }));
  const nFolds = Math.max(0, ...models.map((m) => m.folds.length));
  const groups = [...Array.from({ length: nFolds }, (_, i) => `fold ${i + 1}`), 'pooled ± CI'];
  const W = Math.max(420, 60 + groups.length * (models.length * 16 + 18));
  const H = 280;
  const m = { l: 48, r: 12, t: 40, b: 40 };
  const vals = models
    .flatMap((md) => [...md.folds, md.ciLow, md.ciHigh, md.pooled])
    .filter((v): v is number => v !== null);
  const lo = Math.max(0, Math.min(...vals, 1) - 0.05);
  const hi = Math.min(Math.max(...vals, 0) + 0.02, Math.max(1, ...vals));
  const y0 = Number.isFinite(lo) && lo < hi ? lo : 0;
  const y1 = Number.isFinite(hi) && hi > y0 ? hi : 1;
  const sy = (v: number): number => H - m.b - ((v - y0) / (y1 - y0)) * (H - m.t - m.b);
  const gw = (W - m.l - m.r) / groups.length;
  const bw = Math.min(24, (gw - 10) / Math.max(1, models.length));
  const truncated = y0 > 0;
  const label = `${metric} per fold${truncated ? ` (axis starts at ${y0.toFixed(2)})` : ''}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>`,
    `<text x="${m.l}" y="16" class="chart-title">${escapeHtml(metric)} per fold</text>`,
  ];
  if (truncated) parts.push(axisStartNote(m.l, 31, y0.toFixed(2)));
  for (let k = 0; k <= 4; k++) {
    const v = y0 + ((y1 - y0) * k) / 4;
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${sy(v)}" y2="${sy(v)}" class="grid"/><text x="${m.l - 6}" y="${sy(v) + 4}" text-anchor="end" class="tick">${v.toFixed(2)}</text>`,
    );
  }
  groups.forEach((g, gi) => {
    const gx = m.l + gi * gw + (gw - bw * models.length) / 2;
    models.forEach((md, mi) => {
      const v = gi < nFolds ? md.folds[gi] : md.pooled;
      if (v === null || v === undefined) return;
      const x = gx + mi * bw;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${sy(v).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${Math.max(0.5, H - m.b - sy(v)).toFixed(1)}" fill="${seriesColor(mi)}"><title>${escapeHtml(`${md.name} ${g}: ${v.toFixed(4)}`)}</title></rect>`,
      );
      if (gi === nFolds && md.ciLow !== null && md.ciHigh !== null) {
        const cx = x + (bw - 2) / 2;
        parts.push(
          `<path class="whisker" d="M${cx},${sy(md.ciLow)}V${sy(md.ciHigh)}M${cx - 4},${sy(md.ciLow)}h8M${cx - 4},${sy(md.ciHigh)}h8" stroke="#222" stroke-width="1.5" fill="none"/>`,
        );
      }
    });
    parts.push(
      `<text x="${m.l + gi * gw + gw / 2}" y="${H - m.b + 14}" text-anchor="middle" class="tick">${escapeHtml(g)}</text>`,
    );
  });
  parts.push(
    `<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/><line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" class="axis"/>`,
  );
  // the bars stand on y0, not on 0: the break says their heights exaggerate differences
  if (truncated) parts.push(verticalAxisBreak(m.l, H - m.b - 9));
  models.forEach((md, i) => {
    parts.push(
      `<rect x="${m.l + i * 140}" y="${H - 14}" width="10" height="10" fill="${seriesColor(i)}"/><text x="${m.l + i * 140 + 14}" y="${H - 5}" class="legend">${escapeHtml(md.name.slice(0, 18))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
