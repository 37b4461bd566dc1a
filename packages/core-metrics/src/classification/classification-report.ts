import { describeValue } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import type { ZeroDivision } from './average-option.js';
import { precisionRecallFscoreSupportFromConfusion } from './precision-recall-fscore-from-confusion.js';
import type { ClassificationReportRow } from './report-row.js';
import { numpySum, renderReport } from './report-text.js';
import { type PreparedSetWise, prepareSetWise } from './set-wise-labels.js';

/**
 * scikit-learn's `classification_report(..., output_dict=True)` plus its text rendering:
 * one row per label (keyed by target name), `accuracy` (when the report covers every
 * label), `micro avg` (instead of accuracy, when `labels` is a strict subset or adds
 * labels), `macro avg`, `weighted avg`, and `text`.
 */
export interface ClassificationReport {
  readonly [label: string]: ClassificationReportRow | number | string | undefined;
  readonly accuracy?: number;
  readonly 'micro avg'?: ClassificationReportRow;
  readonly 'macro avg': ClassificationReportRow;
  readonly 'weighted avg': ClassificationReportRow;
  /** The report as scikit-learn prints it. */
  readonly text: string;
}

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /** Labels to report, in order (default: all, sorted); may include absent labels. */
  labels?: readonly Label[];
  /** Display names, one per reported label (default: the labels as text). */
  targetNames?: readonly string[];
  /** Non-negative weight per row (default: 1 each). */
  sampleWeight?: NumericInput;
  /** Decimals in `text` (default 2). */
  digits?: number;
  /** Value for 0/0 ratios (default `'warn'`). */
  zeroDivision?: ZeroDivision;
}

const RESERVED = new Set(['accuracy', 'micro avg', 'macro avg', 'weighted avg', 'text']);

const REPORT_KEYS: OptionKeys<ClassificationReportOptions> = {
  labels: true,
  targetNames: true,
  sampleWeight: true,
  digits: true,
  zeroDivision: true,
};

/**
 * Per-label precision, recall, F1 and support with micro/macro/weighted averages, as a
 * structured object and as scikit-learn's text table.
 *
 * @remarks
 * Every number comes from {@link precisionRecallFscoreSupportFromConfusion} on one
 * confusion matrix. When the report covers exactly the labels present, the micro
 * average equals accuracy and is reported as `accuracy` (its precision), as in
 * scikit-learn.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels, same length
 * @param options - `labels`, `targetNames`, `sampleWeight`, `digits` (2), `zeroDivision`
 * @returns the report object with its `text`
 * @throws {@link MetricInputError} `INVALID_OPTION` (bad digits, target names of the wrong
 *   length or clashing with a summary key) and the input errors
 * @example
 * ```ts
 * import { classificationReport } from '@assay/core-metrics';
 * const report = classificationReport(['a', 'b', 'b'], ['a', 'b', 'a']);
 * report['macro avg']; // { precision: 0.75, recall: 0.75, 'f1-score': 0.666…, support: 3 }
 * console.log(report.text);
 * ```
 * @see sklearn.metrics.classification_report
 */
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  checkOptions(options, 'classificationReport', REPORT_KEYS);
  const digits = checkedDigits(options.digits ?? 2);
  const prepared = prepareSetWise(
    yTrue,
    yPred,
    {
      average: null,
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.sampleWeight !== undefined ? { sampleWeight: options.sampleWeight } : {}),
      ...(options.zeroDivision !== undefined ? { zeroDivision: options.zeroDivision } : {}),
    },
    null,
  );
  const { counts, nClasses, classes, nPresent, weighted } = prepared.encoded;
  const indices = prepared.labels ?? classes.map((_, i) => i);
  const names = targetNames(
    options.targetNames,
    indices.map((c) => classes[c]!),
  );
  const microIsAccuracy =
    prepared.labels === undefined ||
    (new Set(indices).size === nPresent && indices.every((c) => c < nPresent));
  const base = {
    labels: indices,
    zeroDivision: prepared.zeroDivision,
    metric: 'classificationReport',
    classes,
  };
  const report: Record<string, ClassificationReportRow | number | string> = {};
  const { rows, totalSupport } = labelRows(counts, nClasses, base, names, report);
  const summaries = averageRows(counts, nClasses, base, microIsAccuracy, totalSupport, report);
  if (weighted) {
    const { perRow, total } = weightedSupports(prepared.encoded, indices);
    rows.forEach(([name, row], j) => {
      rows[j] = [name, { ...row, support: perRow[j]! }];
    });
    summaries.forEach(([name, row], j) => {
      summaries[j] = [name, { ...row, support: total }];
    });
  }
  // scikit-learn 1.2's supports are floats when weighted, and also when no row at all has
  // yTrue === yPred (multilabel_confusion_matrix then starts from float zeros).
  let anyCorrect = false;
  for (let c = 0; c < nClasses; c++) if (counts[c * nClasses + c]! > 0) anyCorrect = true;
  const floatSupport = weighted || !anyCorrect;
  report.text = renderReport(rows, summaries, digits, floatSupport);
  return report as unknown as ClassificationReport;
}

function checkedDigits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.digits is ${describeValue(digits)}; it must be an integer from 0 to 20.`,
      'options.digits',
    );
  }
  return digits;
}

/** What every `precisionRecallFscoreSupportFromConfusion` call of a report shares. */
interface ReportBase {
  readonly labels: number[];
  readonly zeroDivision: ZeroDivision;
  readonly metric: string;
  readonly classes: readonly Label[];
}

/** One row per reported label, added to `report` under its name; and their total support. */
function labelRows(
  counts: Float64Array,
  nClasses: number,
  base: ReportBase,
  names: readonly string[],
  report: Record<string, ClassificationReportRow | number | string>,
): { rows: [string, ClassificationReportRow][]; totalSupport: number } {
  const perLabel = precisionRecallFscoreSupportFromConfusion(counts, nClasses, {
    ...base,
    average: null,
  });
  let totalSupport = 0;
  for (const s of perLabel.support) totalSupport += s;
  const rows: [string, ClassificationReportRow][] = [];
  names.forEach((name, j) => {
    const row = {
      precision: perLabel.precision[j]!,
      recall: perLabel.recall[j]!,
      'f1-score': perLabel.fbeta[j]!,
      support: perLabel.support[j]!,
    };
    report[name] = row;
    rows.push([name, row]);
  });
  return { rows, totalSupport };
}

/** The micro (or accuracy), macro and weighted rows, added to `report`. */
function averageRows(
  counts: Float64Array,
  nClasses: number,
  base: ReportBase,
  microIsAccuracy: boolean,
  totalSupport: number,
  report: Record<string, ClassificationReportRow | number | string>,
): [string, ClassificationReportRow][] {
  const summaries: [string, ClassificationReportRow][] = [];
  for (const average of ['micro', 'macro', 'weighted'] as const) {
    const avg = precisionRecallFscoreSupportFromConfusion(counts, nClasses, {
      ...base,
      average,
      warnFor: [],
    });
    const heading = average === 'micro' && microIsAccuracy ? 'accuracy' : `${average} avg`;
    const row = {
      precision: avg.precision,
      recall: avg.recall,
      'f1-score': avg.fbeta,
      support: totalSupport,
    };
    summaries.push([heading, row]);
    report[heading] = heading === 'accuracy' ? row.precision : row;
  }
  return summaries;
}

/**
 * Weighted supports as scikit-learn's text prints them, with every digit: row-order
 * bincounts of true and of correct rows, then support = tp + (true - tp) as
 * multilabel_confusion_matrix does, then np.sum.
 */
function weightedSupports(
  encoded: PreparedSetWise['encoded'],
  indices: readonly number[],
): { perRow: number[]; total: number } {
  const { weight, nClasses } = encoded;
  const { trueCodes, predCodes } = encoded.codes();
  const sums = new Float64Array(nClasses);
  const tps = new Float64Array(nClasses);
  for (let i = 0; i < trueCodes.length; i++) {
    const t = trueCodes[i]!;
    sums[t]! += weight![i]!;
    if (t === predCodes[i]) tps[t]! += weight![i]!;
  }
  const perRow = indices.map((c) => tps[c]! + (sums[c]! - tps[c]!));
  return { perRow, total: numpySum(perRow) };
}

function targetNames(given: readonly string[] | undefined, labels: readonly Label[]): string[] {
  const names = given === undefined ? labels.map(String) : [...given];
  if (given !== undefined) {
    if (!Array.isArray(given) || given.some((n) => typeof n !== 'string')) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `options.targetNames must be an array of strings, one per reported label.`,
        'options.targetNames',
      );
    }
    if (given.length !== labels.length) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `options.targetNames has ${given.length} names but the report has ${labels.length} labels (${labels.map((l) => JSON.stringify(l)).join(', ')}); give one name per label.`,
        'options.targetNames',
      );
    }
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (RESERVED.has(name) || seen.has(name)) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `The report row name ${JSON.stringify(name)} ${RESERVED.has(name) ? 'clashes with a summary key' : 'appears twice'}; rename it with options.targetNames (names must be unique and not 'accuracy', 'micro avg', 'macro avg', 'weighted avg' or 'text').`,
        'options.targetNames',
      );
    }
    seen.add(name);
  }
  return names;
}
