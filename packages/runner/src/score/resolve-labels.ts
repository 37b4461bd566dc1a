import { compareCodePoints, compareLabels, type Label } from '@assay/labels';
import { RunnerError } from '../errors.js';
import { quotedLabel, quotedLabels } from './quoted-labels.js';
import type { LabelSet, ScoreColumns } from './score-columns.js';

/** `a > b` in `@assay/labels` order; a number and a string compare as strings. */
function greater(a: Label, b: Label): boolean {
  if (typeof a === typeof b) return compareLabels(a, b) > 0;
  return compareCodePoints(String(a), String(b)) > 0;
}

/**
 * Resolves the `labels` scoring option against the prepared columns: class
 * index per label (labels absent from the data get indices past the classes),
 * the positive label of a two-label set (`1` when listed, else the greater),
 * and the positive indicator that score metrics (ROC AUC, log loss, Brier) read:
 * the greater of two true classes (scikit-learn's `roc_auc_score` looks at
 * `y_true` only, so a predicted-only label does not make it multiclass), or,
 * with a single true class, the greater of two given labels.
 *
 * @param columns - the prepared columns
 * @param labels - the option, or undefined
 * @returns the columns, with `labelSet` (and `isPositive`) set when labels are given
 * @throws {@link RunnerError} `INVALID_OPTION` (path `labels`) for an empty list, a
 *   duplicate, a value that is not a string or finite number, or a regression task
 */
export function withLabels(
  columns: ScoreColumns,
  labels: readonly Label[] | undefined,
): ScoreColumns {
  if (labels === undefined) return columns;
  if (columns.task !== 'classification') {
    throw new RunnerError(
      'INVALID_OPTION',
      'labels applies to classification only; leave it out for a regression task.',
      { path: 'labels' },
    );
  }
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      'labels must be a non-empty array of class labels (strings or numbers).',
      { path: 'labels' },
    );
  }
  const { classes } = columns;
  // string classes: a label given as a number (e.g. parsed from `--labels 1,0`) means its text
  const asStrings = classes.some((c) => typeof c === 'string');
  const indexOf = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const seen = new Set<Label>();
  let width = classes.length;
  const indices = labels.map((raw, i) => {
    if (!(typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw)))) {
      throw new RunnerError(
        'INVALID_OPTION',
        `labels[${i}] is ${String(raw)}; each label must be a string or a finite number.`,
        { path: `labels[${i}]` },
      );
    }
    const label = asStrings ? String(raw) : raw;
    if (seen.has(label)) {
      throw new RunnerError(
        'INVALID_OPTION',
        `labels[${i}] repeats the label ${JSON.stringify(raw)}; list each label once.`,
        { path: `labels[${i}]` },
      );
    }
    seen.add(label);
    return indexOf.get(label) ?? width++;
  });
  let positive = -1;
  if (labels.length === 2) {
    const [a, b] = labels as [Label, Label];
    const pick = a === 1 ? 0 : b === 1 ? 1 : greater(b, a) ? 1 : 0;
    positive = indices[pick]!;
  }
  const labelSet: LabelSet = { indices, width, positive };
  // score metrics read a 0/1 positive indicator: the greater of two true classes, as
  // roc_auc_score takes it from y_true alone (a predicted-only label, such as an
  // unparseable answer, must not make the target multiclass); with one true class, the
  // greater of two given labels, as log_loss(labels=) binarizes
  let isPositive = columns.isPositive;
  const present = new Uint8Array(width);
  for (let i = 0; i < columns.n; i++) present[columns.yTrue[i]!] = 1;
  const trueClasses = present.reduce((s, v) => s + v, 0);
  let top = -1;
  if (trueClasses === 2) top = present.lastIndexOf(1);
  else if (labels.length === 2 && trueClasses === 1) {
    const [a, b] = labels as [Label, Label];
    top = indices[greater(b, a) ? 1 : 0]!;
  }
  if (top >= 0) {
    isPositive = new Uint8Array(new SharedArrayBuffer(columns.n));
    for (let i = 0; i < columns.n; i++) isPositive[i] = columns.yTrue[i] === top ? 1 : 0;
  }
  return { ...columns, labelSet, isPositive };
}

/** The number a text reads as, or undefined (`Number('')` is 0, which no label means). */
function numberOf(text: string): number | undefined {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isNaN(value) ? undefined : value;
}

/** Labels an unknown `posLabel` error lists before it says how many more there are. */
const LISTED_CLASSES = 20;

/**
 * The error for a `posLabel` that is none of the classes, listing them and naming the
 * class meant where one differs only in case or surrounding whitespace (`Spam` for `spam`:
 * labels are compared exactly, as scikit-learn's `pos_label`).
 */
function unknownPositiveLabel(posLabel: Label, classes: readonly Label[]): RunnerError {
  const text = String(posLabel).trim();
  const folded = text.toLowerCase();
  const near = classes.filter((c) => String(c).trim().toLowerCase() === folded);
  // text labels of a string column (Arrow, Parquet) that are the same number written
  // otherwise: `--pos-label 1.0` for "1"
  const sameNumber = classes.filter(
    (c) =>
      typeof c === 'string' &&
      !near.includes(c) &&
      numberOf(c) !== undefined &&
      numberOf(c) === numberOf(text),
  );
  const advice =
    near.length > 0
      ? `did you mean ${near.map(quotedLabel).join(' or ')}? Labels are compared exactly, case and spaces included.`
      : sameNumber.length > 0
        ? `did you mean ${sameNumber.map(quotedLabel).join(' or ')}? The labels are text, compared exactly as written, so ${quotedLabel(text)} is another label.`
        : 'name one of them.';
  const booleans =
    /^(true|false)$/i.test(text) && classes.every((c) => c === 0 || c === 1)
      ? ' JSON booleans are read as 1 (true) and 0 (false), as scikit-learn compares them: name 1 or 0.'
      : '';
  return new RunnerError(
    'INVALID_OPTION',
    `posLabel is ${quotedLabel(posLabel)}, which is not one of the labels (${quotedLabels(classes, LISTED_CLASSES)}); ${advice}${booleans}`,
    { path: 'posLabel' },
  );
}

/**
 * Resolves the `posLabel` scoring option: the class that metrics of one positive class
 * (binary F1, precision, recall, Jaccard; ROC AUC, average precision, log loss and Brier
 * score on scores) treat as positive, as scikit-learn's `pos_label`.
 *
 * @param columns - the prepared columns (after `withLabels`)
 * @param posLabel - the positive label; a number given for string labels means its text,
 *   and numeric text given for numeric labels means the number (`--pos-label 1`)
 * @returns the columns with `positive` set and the score metrics' positive indicator
 *   rebuilt from it, or the columns unchanged when `posLabel` is undefined
 * @throws {@link RunnerError} `INVALID_OPTION` (path `posLabel`) for a regression task or
 *   a label that is not one of the classes, listing them and naming the one meant where it
 *   differs only in case or surrounding whitespace
 * @example
 * const { columns } = prepareColumns({ yTrue: ['ok', 'fraud', 'ok'], yPred: ['ok', 'ok', 'fraud'] });
 * columns.classes; // ['fraud', 'ok']
 * withPositiveLabel(columns, 'fraud').positive; // 0: the index of 'fraud' in columns.classes
 */
export function withPositiveLabel(
  columns: ScoreColumns,
  posLabel: Label | undefined,
): ScoreColumns {
  if (posLabel === undefined) return columns;
  if (columns.task !== 'classification') {
    throw new RunnerError(
      'INVALID_OPTION',
      'posLabel applies to classification only; leave it out for a regression task.',
      { path: 'posLabel' },
    );
  }
  const { classes } = columns;
  const asStrings = classes.some((c) => typeof c === 'string');
  // the label as the classes hold it: text for string classes, a number for numeric ones
  const text = String(posLabel).trim();
  const wanted: Label = asStrings
    ? String(posLabel)
    : typeof posLabel === 'string' && /^-?\d+(\.\d+)?$/.test(text)
      ? Number(text)
      : posLabel;
  const index = classes.indexOf(wanted);
  if (index < 0) throw unknownPositiveLabel(posLabel, classes);
  const isPositive = new Uint8Array(new SharedArrayBuffer(columns.n));
  for (let i = 0; i < columns.n; i++) isPositive[i] = columns.yTrue[i] === index ? 1 : 0;
  return { ...columns, positive: index, isPositive };
}
