import { formatMs, formatValue, metricScaleNote, textTable } from '@assay/report';
import { labelText, type ScoreReport } from '@assay/runner';
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

const MAX_MATRIX_CLASSES = 20;
/** Folds listed one per row; a 10x10 repeated CV's 100 would bury the metric table. */
const MAX_FOLD_ROWS = 20;

/**
 * Renders a report as aligned plain-text tables for a terminal.
 *
 * @param report - the report
 * @returns the text, ending with a newline
 * @example
 * ```ts
 * process.stdout.write(formatTable(report)); // 'assay score: 40 rows · classification · ...'
 * ```
 */
export function formatTable(report: ScoreReport): string {
  const input = inputLine(report);
  const out: string[] = [
    `assay score: ${headline(report)}`,
    ...(input === undefined ? [] : [input]),
    '',
  ];
  const rows = metricRows(report);
  const withCi = report.settings.bootstrap > 0;
  const withFolds = report.folds.length > 0;
  const header = ['metric', 'overall'];
  if (withCi) header.push(`${Math.round(report.settings.ci * 100)}% CI`);
  header.push(...foldHeader(report));
  out.push(
    textTable(
      header,
      rows.map((r) => {
        const cells = [r.metric, r.value];
        if (withCi) cells.push(r.ci);
        cells.push(...r.foldCells);
        return cells;
      }),
    ),
  );
  // right under the figures they qualify, where a reader of the table still is
  if (report.warnings.length > 0) out.push('', ...report.warnings.map((w) => `warning: ${w}`));
  if (withFolds && report.folds.length > MAX_FOLD_ROWS) {
    out.push(
      '',
      `folds: ${report.folds.length}, too many to list here; each fold's figures are in the JSON and Markdown reports.`,
    );
  } else if (withFolds) {
    const folds = foldTable(report);
    out.push('', 'folds:', textTable(folds.header, folds.rows));
  }
  if (report.slices !== undefined) {
    const metrics = report.settings.metrics;
    out.push('', 'slices:');
    out.push(
      textTable(
        ['slice', 'n', ...metrics.map((m) => metricLabel(report, m))],
        Object.entries(report.slices).map(([value, slice]) => [
          labelText(value),
          String(slice.n),
          ...metrics.map((m) => {
            const v = slice.metrics[m];
            return v?.ci === undefined
              ? formatValue(v?.value)
              : `${formatValue(v.value)} ${intervalText(v)}`;
          }),
        ]),
      ),
    );
  }
  const cm = report.confusionMatrix;
  if (cm !== null && cm.labels.length > MAX_MATRIX_CLASSES) {
    out.push(
      '',
      `confusion matrix: ${cm.labels.length} classes, too many to show here; it is in the JSON report (--format json).`,
    );
  } else if (cm !== null) {
    out.push('', 'confusion matrix (rows = true, columns = predicted):');
    out.push(
      textTable(
        ['', ...cm.labels.map(labelText)],
        cm.counts.map((row, t) => [labelText(cm.labels[t]), ...row.map(countCell)]),
      ),
    );
  }
  const scale = metricScaleNote(Object.keys(report.overall));
  if (scale !== null) out.push('', scale);
  const signatures = signatureLines(report);
  if (signatures.length > 0) out.push('', 'sacrebleu signatures:', ...signatures);
  if (report.unseenPredLabels !== undefined) {
    out.push(
      '',
      `predicted labels never seen in y_true: ${report.unseenPredLabels.map(labelText).join(', ')}`,
    );
  }
  out.push(
    '',
    `load ${formatMs(report.timing.loadMs)} · compute ${formatMs(report.timing.computeMs)} · ${report.timing.workers} worker(s)`,
  );
  return `${out.join('\n')}\n`;
}
