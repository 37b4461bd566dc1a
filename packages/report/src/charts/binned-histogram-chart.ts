import { escapeHtml } from '../html/escape-html.js';
import { axisStartNote, horizontalAxisBreak } from './axis-break.js';
import { seriesColor } from './palette.js';

/** Bin edges as ticks: whole numbers plain, others with up to two decimals. */
function tick(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(2)));
}

/**
 * Histogram of counts already binned (e.g. a generation metric's per-item values, binned by
 * the harness) as SVG.
 *
 * @param edges - bin edges, one more than `counts`: `counts[i]` falls in `[edges[i], edges[i + 1])`
 * @param counts - items per bin
 * @param options - title, x label, y label (what the bars count; default `count`), series
 *   colour index
 * @returns SVG markup; a labelled empty frame when there is nothing to draw (no counts, or
 *   edges that do not fit them)
 * @remarks Bars are as wide as their bins, so unequal bins keep their proportions. An axis
 *   that starts above 0 carries a break mark and a note, as in {@link histogramChart}.
 * @example
 * binnedHistogramChart([0, 0.5, 1], [3, 7], { title: 'token_f1', xLabel: 'per-item value' }).startsWith('<svg'); // true
 */
export function binnedHistogramChart(
  edges: readonly number[],
  counts: readonly number[],
  options: { title: string; xLabel: string; yLabel?: string; colorIndex?: number },
): string {
  const W = 420;
  const H = 240;
  const m = { l: 52, r: 12, t: 28, b: 52 };
  const title = escapeHtml(options.title);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}"><title>${title}</title><text x="${m.l}" y="16" class="chart-title">${title}</text>`;
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const maxC = Math.max(0, ...counts);
  const fits = edges.length === counts.length + 1 && lo !== undefined && hi !== undefined;
  if (!fits || maxC === 0 || !(hi! > lo!)) {
    return `${head}<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" class="empty"/><text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="tick">no values</text></svg>`;
  }
  const x = (v: number): number => m.l + ((v - lo!) / (hi! - lo!)) * (W - m.l - m.r);
  const parts = [head];
  counts.forEach((c, i) => {
    const h = (c / maxC) * (H - m.t - m.b);
    const x0 = x(edges[i]!);
    const w = Math.max(1, x(edges[i + 1]!) - x0 - 2);
    parts.push(
      `<rect class="bar" x="${(x0 + 1).toFixed(1)}" y="${(H - m.b - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${seriesColor(options.colorIndex ?? 0)}"><title>${tick(edges[i]!)}–${tick(edges[i + 1]!)}: ${c}</title></rect>`,
    );
  });
  parts.push(
    `<line x1="${lo! > 0 ? m.l - 16 : m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/><text x="${m.l}" y="${H - m.b + 14}" class="tick">${tick(lo!)}</text><text x="${W - m.r}" y="${H - m.b + 14}" text-anchor="end" class="tick">${tick(hi!)}</text><text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle" class="axis-label">${escapeHtml(options.xLabel)}</text><text x="${m.l - 6}" y="${m.t + 8}" text-anchor="end" class="tick">${maxC}</text><text x="${m.l - 6}" y="${H - m.b}" text-anchor="end" class="tick">0</text><text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle" class="axis-label">${escapeHtml(options.yLabel ?? 'count')}</text>`,
  );
  if (lo! > 0) {
    parts.push(horizontalAxisBreak(m.l - 8, H - m.b), axisStartNote(m.l, H - m.b + 28, tick(lo!)));
  }
  parts.push('</svg>');
  return parts.join('');
}
