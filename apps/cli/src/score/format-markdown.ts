import { formatMs, formatValue, markdownInline, metricScaleNote } from '@assay/report/text';
import { labelText, type ScoreReport } from '@assay/runner/scoring';
import { intervalText } from './interval-text.js';
import {
  countCell,
  foldHeader,
  foldTable,
  headline,
  inputLine,
  metricLabel,
  metricRows,
  signatureLines,
} from './report-rows.js';

/** The most classes whose confusion matrix the Markdown report draws as a table. */
const MAX_MATRIX_CLASSES = 50;

function mdTable(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? ':--' : '--:'));
  return [header, align, ...rows].map((r) => `| ${r.map(markdownInline).join(' | ')} |`).join('\n');
}

/**
 * Renders a report as a Markdown document: metrics, folds, slices, confusion
 * matrix, warnings and timing.
 *
 * @param report - the report
 * @param title - the document title (e.g. the file scored)
 * @returns the Markdown, ending with a newline
 */
export function formatMarkdown(report: ScoreReport, title = 'assay score'): string {
  const input = inputLine(report);
  const out: string[] = [`# ${title}`, '', headline(report), ''];
  if (input !== undefined) out.push(input, '');
  out.push('## Metrics', '');
  const withCi = report.settings.bootstrap > 0;
  const withFolds = report.folds.length > 0;
  const header = ['metric', 'overall'];
  if (withCi) header.push(`${Math.round(report.settings.ci * 100)}% CI`);
  header.push(...foldHeader(report));
  out.push(
    mdTable(
      header,
      metricRows(report).map((r) => {
        const cells = [r.metric, r.value];
        if (withCi) cells.push(r.ci);
        cells.push(...r.foldCells);
        return cells;
      }),
    ),
  );
  // right under the figures they qualify, as the table prints them
  if (report.warnings.length > 0) {
    out.push('', '## Warnings', '', ...report.warnings.map((w) => `- ${w}`));
  }
  const metrics = report.settings.metrics;
  if (withFolds) {
    const folds = foldTable(report);
    out.push('', '## Folds', '', mdTable(folds.header, folds.rows));
  }
  if (report.slices !== undefined) {
    out.push('', '## Slices', '');
    out.push(
      mdTable(
        ['slice', 'n', ...metrics.map((m) => metricLabel(report, m))],
        Object.entries(report.slices).map(([value, slice]) => [
          labelText(value),
          String(slice.n),
          ...metrics.map((m) => {
            const v = slice.metrics[m];
            return `${formatValue(v?.value)} ${intervalText(v)}`.trim();
          }),
        ]),
      ),
    );
  }
  const cm = report.confusionMatrix;
  if (cm !== null && cm.labels.length > MAX_MATRIX_CLASSES) {
    out.push(
      '',
      '## Confusion matrix',
      '',
      `${cm.labels.length} classes are too many for a table here: the matrix is in the JSON report (\`--format json\`).`,
    );
  } else if (cm !== null) {
    out.push('', '## Confusion matrix', '', 'Rows are true labels, columns predicted labels.', '');
    out.push(
      mdTable(
        ['true \\ pred', ...cm.labels.map(labelText)],
        cm.counts.map((row, t) => [labelText(cm.labels[t]), ...row.map(countCell)]),
      ),
    );
  }
  const scale = metricScaleNote(Object.keys(report.overall));
  if (scale !== null) out.push('', markdownInline(scale));
  const signatures = signatureLines(report);
  if (signatures.length > 0) {
    out.push('', '## sacrebleu signatures', '', ...signatures.map((line) => `- \`${line}\``));
  }
  out.push(
    '',
    `_Load ${formatMs(report.timing.loadMs)}, compute ${formatMs(report.timing.computeMs)}, ${report.timing.workers} worker(s)._`,
  );
  return `${out.join('\n')}\n`;
}
