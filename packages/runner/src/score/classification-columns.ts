import { compareLabels, type Label, LabelError, sortedUnion } from '@assay/labels';
import { RunnerError } from '../errors.js';
import type { LabelColumn, LoadedColumn } from '../io/loaded-column.js';
import { sharedFloat64, sharedInt32 } from '../io/shared-arrays.js';
import { codeProfileOf } from './code-profile.js';
import { spareBytesOf } from './in-place-codes.js';
import { asRunnerError, dataRowKindCheck } from './label-kinds.js';
import { checkFinite } from './numeric-checks.js';
import {
  scoreLikeAdvice,
  scoreLikePredictions,
  scoreLikeWarning,
} from './probability-predictions.js';
import { quotedLabels } from './quoted-labels.js';
import { describeColumn, type RawColumns, sharesMemory } from './raw-columns.js';
import { COMPLETE_LABELS, numberLabelPair } from './to-loaded-column.js';

/** The labels of a column's dictionary that occur in its rows. */
function usedLabels(column: LabelColumn): Label[] {
  if (COMPLETE_LABELS.has(column)) return [...column.dictionary];
  const known = codeProfileOf(column.codes);
  if (known !== undefined) return column.dictionary.filter((_, i) => known.used[i] === 1);
  const seen = new Uint8Array(column.dictionary.length);
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i]!;
    if (code >= 0) seen[code] = 1;
  }
  return column.dictionary.filter((_, i) => seen[i] === 1);
}

/**
 * The labels with the strings that do not read as numbers first: a CSV column became strings
 * because of one of them (`cat` beside `1`), so a "Mix of label input types" message names it,
 * not a `"1"` that looks like the other column's number. The union sorts them anyway.
 */
function wordsFirst(labels: Label[]): Label[] {
  const isWord = (l: Label) => typeof l === 'string' && Number.isNaN(Number(l));
  if (!labels.some(isWord)) return labels;
  return [...labels.filter(isWord), ...labels.filter((l) => !isWord(l))];
}

/**
 * The `labels` option's entries that occur in neither label column, as the classes' kind (a
 * number given for string classes means its text), when `labels` lists every class of the
 * data too and they account exactly for the probability columns beyond the classes:
 * scikit-learn's `log_loss(labels=)` for a class the test set lacks. Empty otherwise, so a
 * wrong column count is still refused.
 */
function rowlessProbaClasses(
  classes: readonly Label[],
  labels: readonly Label[] | undefined,
  probaColumns: number | undefined,
): Label[] {
  if (labels === undefined || probaColumns === undefined || probaColumns <= classes.length) {
    return [];
  }
  const asStrings = classes.some((c) => typeof c === 'string');
  const listed = new Set<Label>(labels.map((l) => (asStrings ? String(l) : l)));
  // as log_loss(labels=): the list names every class, those of the data included
  if (classes.some((c) => !listed.has(c))) return [];
  const present = new Set<Label>(classes);
  const extra = [...listed].filter((l) => !present.has(l));
  // a number among string classes (or the reverse) cannot be a class: leave the count refused
  if (extra.some((l) => typeof l !== typeof classes[0])) return [];
  return classes.length + extra.length === probaColumns ? extra : [];
}

/** How the label mix message names the roles. */
const ROLE_WORDS: Readonly<Record<string, string>> = { yTrue: 'y_true', yPred: 'y_pred' };

/** The first row of each code of a label column, -1 for a code no row has: one pass. */
function firstRows(column: LabelColumn): Int32Array {
  const first = new Int32Array(column.dictionary.length).fill(-1);
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0 && first[code]! < 0) first[code] = i;
  }
  return first;
}

/**
 * The "Mix of label input types" error of two label columns again, checked label by label
 * in the order their union was, so that it names the data row of each label (the file's row:
 * `keptRows` maps back past rows that `dropMissing` removed); undefined if they do not mix.
 * Runs only on the way to that error: one pass per column finds each label's first row.
 */
function mixedKindsWithRows(
  columns: readonly (readonly [string, LabelColumn, readonly Label[]])[],
  keptRows: Uint32Array | undefined,
): LabelError | undefined {
  const kinds = dataRowKindCheck();
  const seen = new Set<Label>();
  try {
    for (const [what, column, labels] of columns) {
      const first = firstRows(column);
      const codeOf = new Map<Label, number>(column.dictionary.map((l, i) => [l, i]));
      for (const label of labels) {
        if (seen.has(label)) continue;
        seen.add(label);
        const row = first[codeOf.get(label) ?? -1] ?? -1;
        kinds.check(label, what, row < 0 ? undefined : (keptRows?.[row] ?? row));
      }
    }
  } catch (error) {
    if (error instanceof LabelError) return error;
    throw error;
  }
  return undefined;
}

/**
 * A "Mix of label input types" error, with what to do instead when the predictions are
 * numbers that look like scores or probabilities (string true labels beside `0.91`): the mix
 * is the symptom, scores passed as labels the cause.
 */
function withScoreLikeAdvice(error: unknown, predWhat: string, yPred: LabelColumn): unknown {
  if (!(error instanceof RunnerError)) return error;
  const counted = scoreLikePredictions(yPred.codes, yPred.dictionary);
  if (counted === undefined) return error;
  return new RunnerError(error.code, `${error.message} ${scoreLikeAdvice(predWhat, counted)}`, {
    ...(error.path === undefined ? {} : { path: error.path }),
    cause: error.cause,
  });
}

/**
 * Encodes true and predicted labels over their sorted union (`@assay/labels`
 * order: numbers numerically, strings by code point), in place when allowed. `rowless`
 * classes (see {@link rowlessProbaClasses}) join the union.
 *
 * @throws {@link RunnerError} `MIXED_LABEL_TYPES` when one column holds numbers and the
 *   other strings (scikit-learn's "Mix of label input types")
 */
function unifyLabels(
  yTrue: LabelColumn,
  yPred: LabelColumn,
  inPlace: boolean,
  rowless: (classes: readonly Label[]) => Label[],
  keptRows: Uint32Array | undefined,
): {
  classes: Label[];
  unseen: Label[];
  rowless: Label[];
  yTrue: Int32Array;
  yPred: Int32Array;
} {
  const trueLabels = usedLabels(yTrue);
  const predLabels = usedLabels(yPred);
  const predWhat = describeColumn('yPred', yPred);
  let classes: Label[];
  try {
    classes = sortedUnion([
      [describeColumn('yTrue', yTrue), wordsFirst(trueLabels)],
      [predWhat, wordsFirst(predLabels)],
    ]);
  } catch (error) {
    const atPred = error instanceof LabelError && error.path === predWhat;
    // 'y_pred column "p" (data row 4)' reads better than 'Column "p" (y_pred) (data row 4)'
    const named = (role: string, column: LabelColumn) =>
      column.name === role ? role : `${ROLE_WORDS[role]} column "${column.name}"`;
    const withRows = mixedKindsWithRows(
      [
        [named('yTrue', yTrue), yTrue, wordsFirst(trueLabels)],
        [named('yPred', yPred), yPred, wordsFirst(predLabels)],
      ],
      keptRows,
    );
    throw withScoreLikeAdvice(
      asRunnerError(withRows ?? error, atPred ? yPred.name : yTrue.name),
      predWhat,
      yPred,
    );
  }
  const extra = rowless(classes);
  if (extra.length > 0)
    classes = sortedUnion([
      ['labels', classes],
      ['labels', extra],
    ]);
  const trueSet = new Set<Label>(trueLabels);
  const unseen = [...new Set(predLabels.filter((l) => !trueSet.has(l)))].sort(compareLabels);
  const index = new Map<Label, number>(classes.map((l, i) => [l, i]));
  const out: Int32Array[] = [];
  for (const column of [yTrue, yPred]) {
    const remap = Int32Array.from(column.dictionary, (l) => index.get(l) ?? -1);
    const codes = column.codes;
    if (remap.every((code, i) => code === i)) {
      out.push(codes);
      continue;
    }
    const target = inPlace ? codes : sharedInt32(codes.length);
    for (let i = 0; i < codes.length; i++) target[i] = remap[codes[i]!]!;
    out.push(target);
  }
  return { classes, unseen, rowless: extra, yTrue: out[0]!, yPred: out[1]! };
}

/** What the classification part of preparation gives: codes, classes and score columns. */
export interface ClassificationEncoding {
  readonly classes: Label[];
  /** Predicted labels that never occur as a true label. */
  readonly unseen: Label[];
  /** Classes from `labels` with no row, for probability columns of classes the data lacks. */
  readonly rowless: Label[];
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly yScore: Float64Array | null;
  readonly yProba: Float64Array | null;
  readonly isPositive: Uint8Array | null;
}

/** The probability columns as one row-major n×K array, as the core-metrics kernels read it. */
function rowMajorProba(raw: RawColumns, classes: readonly Label[]): Float64Array | null {
  const probaColumns = raw.yProba?.map((c, i) =>
    checkFinite(`yProba[${i}]`, c, undefined, raw.keptRows),
  );
  if (probaColumns === undefined) return null;
  if (probaColumns.length !== classes.length) {
    throw new RunnerError(
      'INVALID_OPTION',
      `y_proba has ${probaColumns.length} column(s) but there are ${classes.length} classes (${classes.join(', ')}); give one probability column per class, in sorted class order${probaColumns.length > classes.length ? ", or, for columns of classes absent from the data, list every class with labels (--labels; scikit-learn's labels=)" : ''}.`,
      { path: 'yProba' },
    );
  }
  const k = probaColumns.length;
  const yProba = sharedFloat64(raw.n * k);
  probaColumns.forEach((column, c) => {
    for (let i = 0; i < raw.n; i++) yProba[i * k + c] = column[i]!;
  });
  return yProba;
}

/**
 * 1 where the true class is the greater of at most two classes, else 0; null above two.
 * Written into `spare` when given (bytes nothing else reads), else into fresh shared memory.
 */
function positiveIndicator(
  yTrue: Int32Array,
  nClasses: number,
  n: number,
  spare: Uint8Array | undefined,
): Uint8Array | null {
  if (nClasses > 2) return null;
  const isPositive = spare ?? new Uint8Array(new SharedArrayBuffer(n));
  if (nClasses < 2) return isPositive.fill(0);
  // the codes are 0 and 1 with 1 the positive class, so the indicator is the codes as
  // bytes: a native copy, not a loop that a fresh process would first run interpreted
  isPositive.set(yTrue.subarray(0, n));
  return isPositive;
}

/**
 * Encodes a classification job's labels over their sorted union and checks its score and
 * probability columns.
 *
 * @param raw - the columns, missing values handled
 * @param inPlace - whether label codes may be re-encoded in place (`codes`), and whether
 *   numeric label columns may be overwritten by their codes (`numbers`)
 * @param warnings - receives the note about predicted labels never seen in `y_true`
 * @param labels - the `labels` option: listed classes absent from the data join the classes
 *   when the probability columns have one column for each of them
 * @returns codes, classes, scores, row-major probabilities and the positive indicator
 * @throws {@link RunnerError} `MIXED_LABEL_TYPES`, `NON_NUMERIC_VALUE`, `INVALID_OPTION`
 */
export function encodeClassification(
  raw: RawColumns,
  inPlace: { readonly codes: boolean; readonly numbers: boolean },
  warnings: string[],
  labels?: readonly Label[],
): ClassificationEncoding {
  // numeric labels become codes in their own memory unless another role reads it too
  const own = (column: LoadedColumn) => inPlace.numbers && !sharesMemory(raw, column);
  const [yTrue, yPred] = numberLabelPair(raw.yTrue, raw.yPred, [
    own(raw.yTrue),
    own(raw.yPred),
  ]) as [LabelColumn, LabelColumn];
  const { classes, unseen, rowless, ...codes } = unifyLabels(
    yTrue,
    yPred,
    inPlace.codes,
    (c) => rowlessProbaClasses(c, labels, raw.yProba?.length),
    raw.keptRows,
  );
  // before the unseen labels: the scores passed as labels are why they are unseen
  const scoreLike = scoreLikeWarning(describeColumn('yPred', raw.yPred), classes, codes);
  if (scoreLike !== undefined) warnings.push(scoreLike);
  if (unseen.length > 0) {
    warnings.push(
      `Predicted label(s) ${quotedLabels(unseen)} never occur in y_true; they count as errors and are listed in unseenPredLabels.`,
    );
  }
  const yProba = rowMajorProba(raw, classes);
  const yScore =
    raw.yScore === undefined ? null : checkFinite('yScore', raw.yScore, undefined, raw.keptRows);
  const isPositive = positiveIndicator(
    codes.yTrue,
    classes.length,
    raw.n,
    spareBytesOf(yTrue.codes),
  );
  return {
    classes,
    unseen,
    rowless,
    yTrue: codes.yTrue,
    yPred: codes.yPred,
    yScore,
    yProba,
    isPositive,
  };
}
