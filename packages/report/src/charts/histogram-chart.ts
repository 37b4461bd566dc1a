import { escapeHtml } from '../html/escape-html.js';
import { axisStartNote, horizontalAxisBreak } from './axis-break.js';
import { seriesColor } from './palette.js';

/** Ticks between the axis' two ends, at quarters: more of the scale than its ends alone. */
function innerTicks(lo: number, hi: number, x: (v: number) => number, y: number): string {
  if (!(hi > lo)) return '';
  return [1, 2, 3]
    .map((k) => {
      const v = lo + (k * (hi - lo)) / 4;
      return `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${y}" y2="${y + 4}" class="axis"/><text x="${x(v).toFixed(1)}" y="${y + 14}" text-anchor="middle" class="tick">${Number(v.toPrecision(3))}</text>`;
    })
    .join('');
}

/**
 * Histogram of one sample (e.g. time to first token) as SVG.
 *
 * @param values - observations
 * @param options - title, x label, bin count (default 20), series colour index
 * @returns SVG markup; a labelled empty frame when there are no values
 * @remarks The y axis counts observations per bin (labelled `count`); the x axis has ticks at
 *   its ends and quarters. The axis ends at the 99th percentile; the last bin also holds everything above it.
 *   It starts at the smallest value: above 0, a break mark and a note say so.
 * @example
 * histogramChart([1, 2, 2, 3], { title: 'TTFT', xLabel: 'ms' }).startsWith('<svg'); // true
 */
export function histogramChart(
  values: readonly number[],
  options: { title: string; xLabel: string; bins?: number; colorIndex?: number },
): string {
  const W = 420;
  const H = 240;
  const m = { l: 52, r: 12, t: 28, b: 52 };
  const bins = options.bins ?? 20;
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(options.title)}"><title>${escapeHtml(options.title)}</title><text x="${m.l}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`;
  if (values.length === 0) {
    return `${head}<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" class="empty"/><text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="tick">no data (non-streamed requests, or cached answers stored without timings)</text></svg>`;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const lo = sorted[0]!;
  // Clip the axis at the 99th percentile so one slow outlier does not squash the shape;
  // the last bin collects everything above.
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * (sorted.length - 1)))]!;
  const max = sorted[sorted.length - 1]!;
  const hi = p99 > lo ? p99 : max;
  const width = (hi - lo || 1) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
  const maxC = Math.max(...counts);
  const bw = (W - m.l - m.r) / bins;
  const parts = [head];
  counts.forEach((c, i) => {
    const h = (c / maxC) * (H - m.t - m.b);
    parts.push(
      `<rect class="bar" x="${(m.l + i * bw + 1).toFixed(1)}" y="${(H - m.b - h).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${seriesColor(options.colorIndex ?? 0)}"><title>${(lo + i * width).toFixed(1)}–${(lo + (i + 1) * width).toFixed(1)}: ${c}</title></rect>`,
    );
  });
  parts.push(
    `<line x1="${lo > 0 ? m.l - 16 : m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/><text x="${m.l}" y="${H - m.b + 14}" class="tick">${lo.toFixed(1)}</text><text x="${W - m.r}" y="${H - m.b + 14}" text-anchor="end" class="tick">${hi < max ? `≥ ${hi.toFixed(1)}` : hi.toFixed(1)}</text><text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle" class="axis-label">${escapeHtml(options.xLabel)}</text><text x="${m.l - 6}" y="${m.t + 8}" text-anchor="end" class="tick">${maxC}</text>`,
    innerTicks(lo, hi, (v) => m.l + ((v - lo) / (hi - lo || 1)) * (W - m.l - m.r), H - m.b),
    `<text x="${m.l - 6}" y="${H - m.b}" text-anchor="end" class="tick">0</text><text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle" class="axis-label">count</text>`,
  );
  if (lo > 0) {
    // the axis starts at the fastest value, not at 0
    parts.push(
      horizontalAxisBreak(m.l - 8, H - m.b),
      axisStartNote(m.l, H - m.b + 28, lo.toFixed(1)),
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
