import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { cellText } from './markdown-text.js';

/** One model's confusion matrix as a GFM table: counts, each row's total and its share right. */
function confusionTable(confusion: NonNullable<ModelResult['confusion']>): string[] {
  const { labels, matrix } = confusion;
  const lines = [
    `| true \\ predicted | ${labels.map(cellText).join(' | ')} | total | right |`,
    `|---|${labels.map(() => '--:|').join('')}--:|--:|`,
  ];
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    const right = total === 0 ? '—' : `${((100 * (row[i] ?? 0)) / total).toFixed(1)}%`;
    lines.push(
      `| ${cellText(labels[i] ?? '')} | ${row.map((c, j) => (i === j ? `**${c}**` : String(c))).join(' | ')} | ${total} | ${right} |`,
    );
  });
  return lines;
}

/**
 * The confusion matrices of a classification run for `report.md`, one table per model (rows:
 * true labels; columns: answers, the last one the unparseable answers), with each row's total
 * and the share of it answered right; a model without a matrix says why.
 *
 * @param r - the run's results
 * @returns Markdown lines, none for other tasks
 * @example
 * confusionSection(results)[1]; // '## Confusion matrices'
 */
export function confusionSection(r: RunResults): string[] {
  if (r.task.type !== 'classification') return [];
  const blocks = r.models.flatMap((m) => {
    if (m.confusion) return ['', `### ${cellText(m.name)}`, '', ...confusionTable(m.confusion)];
    return m.confusionNote ? ['', `${cellText(m.name)}: ${cellText(m.confusionNote)}`] : [];
  });
  if (blocks.length === 0) return [];
  return ['', '## Confusion matrices', ...blocks];
}
