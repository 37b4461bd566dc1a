import { formatValue } from '@assay/report/text';
import { labelText, type ScoreReport } from '@assay/runner/scoring';
import { intervalText } from './interval-text.js';

/**
 * A metric's name as the tables show it: `top_k_accuracy (k=2)` names its k, which the report
 * keeps in `settings.topK`; other names as they are.
 *
 * @param report - the report
 * @param metric - the metric's key in the report
 * @returns the label
 * @example
 * ```ts
 * metricLabel({ settings: { topK: 2 } }, 'top_k_accuracy'); // 'top_k_accuracy (k=2)'
 * metricLabel({ settings: {} }, 'accuracy'); // 'accuracy'
 * ```
 */
export function metricLabel(report: Pick<ScoreReport, 'settings'>, metric: string): string {
  const k = report.settings.topK;
  return (metric === 'top_k_accuracy' || metric === 'top_k') && k !== undefined
    ? `${metric} (k=${k})`
    : metric;
}

/** One line of the metric table. */
export interface MetricRow {
  readonly metric: string;
  readonly value: string;
  readonly ci: string;
  readonly folds: string;
  readonly range: string;
  /** the cells under {@link foldHeader}: `folds` and `range`, or with one fold its value */
  readonly foldCells: readonly string[];
}

/**
 * The metric table of a report: value, interval (`(Wilson)` after a Wilson interval) and fold
 * statistics per metric.
 *
 * @param report - the report
 * @returns one row per metric
 */
export function metricRows(report: ScoreReport): MetricRow[] {
  const n = report.folds.length;
  return report.settings.metrics.map((metric) => {
    const overall = report.overall[metric];
    const summary = report.summary[metric];
    const folds =
      summary === undefined
        ? ''
        : `${formatValue(summary.mean)} ± ${formatValue(summary.std)}${partial(summary.definedFolds, n)}`;
    const range =
      summary === undefined ? '' : `${formatValue(summary.min)} – ${formatValue(summary.max)}`;
    // one fold: its value is the min, the max and the mean
    const only = summary === undefined ? '' : formatValue(summary.mean);
    return {
      metric: metricLabel(report, metric),
      value: formatValue(overall?.value),
      ci: intervalText(overall),
      folds,
      range,
      foldCells: n === 0 ? [] : n === 1 ? [only] : [folds, range],
    };
  });
}

/**
 * The fold columns' header of the metric table: mean ± std and min – max over the folds, or
 * with one fold (`--cv holdout:F`, a one-fold `timeseries`) that fold's value alone, since the
 * spread of one value (`0.7000 ± —`, `0.7000 – 0.7000`) is no spread; none without folds.
 *
 * @param report - the report
 * @returns the header cells (zero, one or two)
 * @example
 * ```ts
 * foldHeader(report); // ['folds mean ± std (5)', 'min – max']
 * ```
 */
export function foldHeader(report: ScoreReport): string[] {
  const n = report.folds.length;
  if (n === 0) return [];
  if (n === 1) return [`test fold (${report.folds[0]!.nTest} rows)`];
  return [`folds mean ± std (${n})`, 'min – max'];
}

/**
 * The per-fold table of a report: header and one row per fold (fold, repeat, train and test
 * rows, each metric), the repeat column only when there are repeats.
 *
 * @param report - the report
 * @returns the header and the rows
 * @example
 * ```ts
 * foldTable(report).header; // ['fold', 'train', 'test', 'accuracy', 'f1_macro']
 * ```
 */
export function foldTable(report: ScoreReport): { header: string[]; rows: string[][] } {
  const metrics = report.settings.metrics;
  const repeats = report.folds.some((f) => f.repeat > 0);
  const header = [
    'fold',
    ...(repeats ? ['repeat'] : []),
    'train',
    'test',
    ...metrics.map((m) => metricLabel(report, m)),
  ];
  // folds from a --folds column are shown by their value in it
  const values = report.settings.foldValues;
  const rows = report.folds.map((f) => [
    String(values?.[f.fold] ?? f.fold),
    ...(repeats ? [String(f.repeat)] : []),
    String(f.nTrain),
    String(f.nTest),
    ...metrics.map((m) => formatValue(f.metrics[m])),
  ]);
  return { header, rows };
}

/** ` (2 of 5 folds)` when the metric is undefined on some folds (one class only, say), else ``. */
function partial(defined: number | undefined, folds: number): string {
  return defined === undefined || defined >= folds ? '' : ` (${defined} of ${folds} folds)`;
}

/** `1 row`, `2 rows`: a count with its noun in the right number. */
function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A one-line description of the run.
 *
 * @param report - the report
 * @returns e.g. `1000 rows · classification · 3 classes · cv stratified:5` (`cv kfold:5
 *   unshuffled` with `--no-shuffle`, `cv predefined folds` with `--folds`), or with
 *   clusters `900 rows of 300 clusters · … · bootstrap 1000 of clusters (95% CI)`; with
 *   `--pos-label`, `--labels` or `--weight` `positive class fraud`, `labels cat, ant`,
 *   `weighted rows` after the classes; or for
 *   generated text `500 rows · generation · normalize squad · stemmer porter · cv none`
 *   (and `bleu tokenize zh` when BLEU does not use sacrebleu's default 13a)
 * @example
 * ```ts
 * headline(report); // '1000 rows · classification · 3 classes · cv stratified:5'
 * ```
 */
export function headline(report: ScoreReport): string {
  const rows =
    report.clusters === undefined
      ? counted(report.n, 'row')
      : `${counted(report.n, 'row')} of ${counted(report.clusters, 'cluster')}`;
  const parts = [rows, report.task];
  if (report.task === 'classification')
    parts.push(counted(report.labels.length, 'class', 'classes'));
  const { posLabel, labels, weighted } = report.settings;
  // quoted where whitespace would hide it, as the confusion matrix shows the same labels
  if (posLabel !== undefined) parts.push(`positive class ${labelText(posLabel)}`);
  if (labels !== undefined) parts.push(`labels ${labels.map(labelText).join(', ')}`);
  if (weighted === true) parts.push('weighted rows');
  const generation = report.settings.generation;
  if (generation !== undefined) {
    parts.push(`normalize ${generation.normalize}`);
    if (generation.stemmer !== 'none') parts.push(`stemmer ${generation.stemmer}`);
    const tokenize = generation.bleuTokenize;
    if (tokenize !== undefined && tokenize !== '13a') parts.push(`bleu tokenize ${tokenize}`);
  }
  const { cv, shuffle } = report.settings;
  // foldIds: the library's name for folds given per row (--folds)
  parts.push(
    cv === 'foldIds'
      ? 'cv predefined folds'
      : cv.startsWith('folds:')
        ? `cv predefined folds from column "${cv.slice('folds:'.length)}"`
        : `cv ${cv}${shuffle === false ? ' unshuffled' : ''}`,
  );
  if (report.settings.bootstrap > 0) {
    parts.push(
      `bootstrap ${report.settings.bootstrap}${report.settings.resampling === 'clusters' ? ' of clusters' : ''} (${Math.round(report.settings.ci * 100)}% CI)`,
    );
  }
  if (report.dropped !== undefined) parts.push(`${report.dropped} dropped`);
  return parts.join(' · ');
}

/**
 * sacrebleu's signature of each corpus metric of a generation report, one line each, so a
 * BLEU or chrF figure can be reported and compared like one from sacrebleu.
 *
 * @param report - the report
 * @returns e.g. `bleu: nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`; empty
 *   for other reports
 */
export function signatureLines(report: ScoreReport): string[] {
  const signatures = report.settings.generation?.signatures ?? {};
  return Object.entries(signatures).map(([metric, signature]) => `${metric}: ${signature}`);
}

/**
 * Where a report's numbers came from, for the table's and Markdown's header.
 *
 * @param report - the report
 * @returns e.g. `input: preds.csv · csv · 52,310 bytes · modified 2026-12-01T09:30:00.000Z ·
 *   assay 0.1.0` (`stdin (-)` without a modification time for stdin); undefined for a
 *   report without `input`
 * @example
 * inputLine(report); // 'input: preds.csv · csv · 19 bytes · modified 2026-12-05T10:08:14.746Z · assay 0.1.0'
 */
export function inputLine(report: ScoreReport): string | undefined {
  const { input } = report;
  if (input === undefined) return undefined;
  const parts = [
    input.file === '-' ? 'stdin (-)' : input.file,
    input.format,
    counted(input.bytes, 'byte').replace(/^\d+/, (n) => Number(n).toLocaleString('en-US')),
  ];
  if (input.modifiedAt !== null) parts.push(`modified ${input.modifiedAt}`);
  if (report.assayVersion !== undefined) parts.push(`assay ${report.assayVersion}`);
  return `input: ${parts.join(' · ')}`;
}

/**
 * A confusion-matrix cell: a count as it is, a weighted sum to 12 significant digits (a sum of
 * weights such as 0.1 prints as `225.408`, not `225.40799999999996`).
 *
 * @param c - the cell
 * @returns the text
 * @example
 * ```ts
 * countCell(225.40799999999996); // '225.408'
 * ```
 */
export function countCell(c: number): string {
  return Number.isInteger(c) ? String(c) : String(Number(c.toPrecision(12)));
}
