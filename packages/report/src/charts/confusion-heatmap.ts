import { escapeHtml } from '../html/escape-html.js';

/**
 * Confusion matrix heat map (rows: truth, columns: prediction; the last
 * column holds unparseable answers).
 *
 * @param labels - column labels (task labels then `unparseable`)
 * @param matrix - counts, one row per task label
 * @param title - chart title (e.g. the model name)
 * @returns SVG markup
 * @example
 * confusionHeatmap(['ham', 'spam', 'unparseable'], [[90, 10, 0], [5, 95, 0]], 'nb').startsWith('<svg'); // true
 */
export function confusionHeatmap(
  labels: readonly string[],
  matrix: readonly (readonly number[])[],
  title: string,
): string {
  const cell = 64;
  const m = { l: 100, t: 56, r: 12, b: 12 };
  const W = m.l + labels.length * cell + m.r;
  const H = m.t + matrix.length * cell + m.b + 18;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(`Confusion matrix: ${title}`)}"><title>${escapeHtml(`Confusion matrix: ${title}`)}</title>`,
    `<text x="4" y="16" class="chart-title">${escapeHtml(title)}</text>`,
    `<text x="${m.l + (labels.length * cell) / 2}" y="${m.t - 26}" text-anchor="middle" class="axis-label">predicted</text>`,
    `<text x="4" y="${m.t + (matrix.length * cell) / 2}" class="axis-label">true</text>`,
  ];
  labels.forEach((l, j) => {
    parts.push(
      `<text x="${m.l + j * cell + cell / 2}" y="${m.t - 8}" text-anchor="middle" class="tick">${escapeHtml(l.slice(0, 12))}</text>`,
    );
  });
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    parts.push(
      `<text x="${m.l - 8}" y="${m.t + i * cell + cell / 2 + 4}" text-anchor="end" class="tick">${escapeHtml((labels[i] ?? '').slice(0, 12))}</text>`,
    );
    row.forEach((c, j) => {
      const share = c / total;
      const good = i === j;
      // Row-normalised shading: blue on the diagonal, orange off it.
      const color = good
        ? `rgba(0,114,178,${0.1 + 0.9 * share})`
        : `rgba(213,94,0,${c === 0 ? 0.04 : 0.15 + 0.85 * share})`;
      parts.push(
        `<rect class="cell" x="${m.l + j * cell}" y="${m.t + i * cell}" width="${cell - 2}" height="${cell - 2}" fill="${color}"><title>${escapeHtml(`${labels[i]} → ${labels[j]}: ${c}`)}</title></rect>`,
        `<text x="${m.l + j * cell + cell / 2 - 1}" y="${m.t + i * cell + cell / 2 + 4}" text-anchor="middle" class="${share > 0.55 ? 'cell-text light' : 'cell-text'}">${c}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
