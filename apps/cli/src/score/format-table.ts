import { formatMs, formatValue, metricScaleNote, textTable } from '@assay/report/text';
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

const MAX_MATRIX_CLASSES = 20;
/** Folds listed one per row; a 10x10 repeated CV's 100 would bury the metric table. */
const MAX_FOLD_ROWS = 20;

/** The metric table: a row per metric, its interval and each fold's value when there are. */
function metricTable(report: ScoreReport): string {
  const withCi = report.settings.bootstrap > 0;
  const header = ['metric', 'overall'];
  if (withCi) header.push(`${Math.round(report.settings.ci * 100)}% CI`);
  header.push(...foldHeader(report));
  return textTable(
    header,
    metricRows(report).map((r) => {
      const cells = [r.metric, r.value];
      if (withCi) cells.push(r.ci);
      cells.push(...r.foldCells);
      return cells;
    }),
  );
}

/** The folds, a row each, or a line saying where they are when there are too many to list. */
function foldLines(report: ScoreReport): string[] {
  if (report.folds.length === 0) return [];
  if (report.folds.length > MAX_FOLD_ROWS) {
    return [
      '',
      `folds: ${report.folds.length}, too many to list here; each fold's figures are in the JSON and Markdown reports.`,
    ];
  }
  const folds = foldTable(report);
  return ['', 'folds:', textTable(folds.header, folds.rows)];
}

/** The slice table: a row per slice value, each metric with its interval when there is one. */
function sliceLines(report: ScoreReport): string[] {
  if (report.slices === undefined) return [];
  const metrics = report.settings.metrics;
  return [
    '',
    'slices:',
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
  ];
}

/** The confusion matrix, or a line saying where it is when it has too many classes to show. */
function matrixLines(report: ScoreReport): string[] {
  const cm = report.confusionMatrix;
  if (cm === null) return [];
  if (cm.labels.length > MAX_MATRIX_CLASSES) {
    return [
      '',
      `confusion matrix: ${cm.labels.length} classes, too many to show here; it is in the JSON report (--format json).`,
    ];
  }
  return [
    '',
    'confusion matrix (rows = true, columns = predicted):',
    textTable(
      ['', ...cm.labels.map(labelText)],
      cm.counts.map((row, t) => [labelText(cm.labels[t]), ...row.map(countCell)]),
    ),
  ];
}

/** The notes under the tables: metric scales, sacrebleu signatures, unseen labels, timing. */
function noteLines(report: ScoreReport): string[] {
  const out: string[] = [];
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
  return out;
}

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
    metricTable(report),
  ];
  // right under the figures they qualify, where a reader of the table still is
  if (report.warnings.length > 0) out.push('', ...report.warnings.map((w) => `warning: ${w}`));
  out.push(...foldLines(report), ...sliceLines(report), ...matrixLines(report));
  out.push(...noteLines(report));
  return `${out.join('\n')}\n`;
}
