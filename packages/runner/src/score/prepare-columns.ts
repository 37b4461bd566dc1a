import { compareLabels, type Label } from '@assay/labels';
import { checkInputColumns } from '../check-input-columns.js';
import { RunnerError } from '../errors.js';
import type { LabelColumn, LoadedColumn } from '../io/loaded-column.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import { encodeClassification } from './classification-columns.js';
import { profileCodePair, withCodeProfileCache } from './code-profile.js';
import { takeTable } from './handed-over-tables.js';
import { inferredClassificationWarning } from './inferred-task-warnings.js';
import type { LabelPresenceByRole } from './label-scan.js';
import { handleMissing } from './missing-values.js';
import { noRowsError } from './no-rows-error.js';
import { profileNumberPair, withProfileCache } from './number-profile.js';
import { checkFinite, isIntegral } from './numeric-checks.js';
import {
  type ArrowPredictions,
  COLUMN_ROLES,
  type LoadedPredictions,
  PREDICTION_COLUMNS,
  type PredictionColumns,
  type PredictionInput,
} from './prediction-input.js';
import { checkProbaColumnOrder } from './proba-column-order.js';
import { type RawColumns, sharesMemory } from './raw-columns.js';
import type { ScoreColumns, ScoreTask } from './score-columns.js';
import { sliceWarning } from './slice-warning.js';
import { encodeSmallLabelPair } from './small-label-pair.js';
import { COMPLETE_LABELS, numbersToLabels, toLoadedColumn } from './to-loaded-column.js';

/** The result of {@link prepareColumns}. */
export interface PreparedColumns {
  readonly columns: ScoreColumns;
  /** Rows dropped for a missing value (with `dropMissing`). */
  readonly dropped: number;
  /** Predicted labels that never occur as a true label. */
  readonly unseenPredLabels: Label[];
  /** Classes that come from `labels` alone (no row has them), for their probability columns. */
  readonly rowlessClasses?: Label[] | undefined;
  readonly warnings: string[];
  /** The input rows `dropMissing` kept (row `i` of the columns is input row `keptRows[i]`); undefined when none was dropped. */
  readonly keptRows?: Uint32Array | undefined;
}

function isRoleInput(input: PredictionInput): input is LoadedPredictions | ArrowPredictions {
  return 'roles' in input && 'table' in input;
}

/** Refuses an input without `yTrue` or `yPred` (or their roles), or with a key not read. */
function checkInput(input: PredictionInput): void {
  if (typeof input === 'object' && input !== null && isRoleInput(input)) {
    checkInputColumns(input.roles, COLUMN_ROLES);
  } else {
    checkInputColumns(input, PREDICTION_COLUMNS);
  }
}

function fromRoles(input: LoadedPredictions | ArrowPredictions, regression: boolean): RawColumns {
  const { roles } = input;
  const table = input.table;
  if ('columns' in table && table.columns instanceof Map) {
    const loaded = table as LoadedPredictions['table'];
    const get = (name: string): LoadedColumn => {
      const column = loaded.columns.get(name);
      if (column === undefined) {
        throw new RunnerError(
          'MISSING_COLUMN',
          `Column "${name}" was not loaded; the loaded columns are: ${[...loaded.columns.keys()].join(', ')}.`,
          { path: name },
        );
      }
      return column;
    };
    return {
      n: loaded.n,
      yTrue: get(roles.yTrue),
      yPred: get(roles.yPred),
      yScore: roles.yScore === undefined ? undefined : get(roles.yScore),
      yProba: roles.yProba?.map(get),
      weight: roles.weight === undefined ? undefined : get(roles.weight),
      group: roles.group === undefined ? undefined : get(roles.group),
      slice: roles.slice === undefined ? undefined : get(roles.slice),
    };
  }
  const arrow = table as ArrowPredictions['table'];
  const pick = (name: string) => {
    const child = arrow.getChild(name);
    if (child === null) {
      throw new RunnerError('MISSING_COLUMN', `The Arrow table has no column "${name}".`, {
        path: name,
      });
    }
    return child;
  };
  const cols: PredictionColumns = {
    yTrue: pick(roles.yTrue),
    yPred: pick(roles.yPred),
    yScore: roles.yScore === undefined ? undefined : pick(roles.yScore),
    yProba: roles.yProba?.map(pick),
    weight: roles.weight === undefined ? undefined : pick(roles.weight),
    group: roles.group === undefined ? undefined : pick(roles.group),
    slice: roles.slice === undefined ? undefined : pick(roles.slice),
  };
  return fromMemory(cols, regression);
}

function fromMemory(
  input: PredictionColumns,
  regression: boolean,
  presence: LabelPresenceByRole = {},
): RawColumns {
  const yTrue = toLoadedColumn('yTrue', input.yTrue, regression, presence.yTrue);
  const n = lengthOf(yTrue);
  const check = (name: string, column: LoadedColumn): LoadedColumn => {
    if (lengthOf(column) !== n) {
      throw new RunnerError(
        'LENGTH_MISMATCH',
        `${name} has ${lengthOf(column)} values but yTrue has ${n}; every column must have one value per row.`,
        { path: name },
      );
    }
    return column;
  };
  const opt = (name: string, values: unknown, numeric: boolean) =>
    values === undefined
      ? undefined
      : check(name, toLoadedColumn(name, values as PredictionColumns['yTrue'], numeric));
  return {
    n,
    yTrue,
    yPred: check('yPred', toLoadedColumn('yPred', input.yPred, regression, presence.yPred)),
    yScore: opt('yScore', input.yScore, true),
    yProba: input.yProba?.map((c, i) =>
      check(`yProba[${i}]`, toLoadedColumn(`yProba[${i}]`, c, true)),
    ),
    weight: opt('weight', input.weight, true),
    group: opt('group', input.group, false),
    slice: opt('slice', input.slice, false),
  };
}

function lengthOf(column: LoadedColumn): number {
  return column.kind === 'number' ? column.values.length : column.codes.length;
}

/**
 * Said when whole-number true labels met fractional predictions and the task was not given:
 * most often a binary classifier's probabilities passed as the predictions.
 */
const INFERRED_REGRESSION =
  "Scored as regression (the task was inferred): the true values are whole numbers but the predictions are not. If the predictions are a classifier's scores or probabilities, pass them with --y-score and the predicted labels with --y-pred; pass --task regression to say that regression is meant.";

/**
 * The task when the options do not say: classification when a column holds labels; regression
 * when the true values are numbers that are not all whole (no class labels, whatever scores
 * come with them: a price column scored with --y-score became 8,000 classes); else
 * classification when scores are given or both columns hold integers only, regression
 * otherwise.
 */
function inferTask(raw: RawColumns): ScoreTask {
  if (raw.yTrue.kind === 'label' || raw.yPred.kind === 'label') return 'classification';
  if (!isIntegral(raw.yTrue)) return 'regression';
  const scoresGiven = raw.yScore !== undefined || raw.yProba !== undefined;
  return scoresGiven || isIntegral(raw.yPred) ? 'classification' : 'regression';
}

function groupCodes(
  column: LoadedColumn | undefined,
  inPlace: boolean,
): { codes: Int32Array | null; values: Label[] } {
  if (column === undefined) return { codes: null, values: [] };
  const labels = numbersToLabels(column) as LabelColumn;
  // sort group/slice values so that codes (and report order) do not depend on row order
  const order = labels.dictionary
    .map((_, i) => i)
    .sort((a, b) => compareLabels(labels.dictionary[a]!, labels.dictionary[b]!));
  const remap = new Int32Array(order.length);
  order.forEach((old, i) => {
    remap[old] = i;
  });
  const source = labels.codes;
  if (remap.every((code, i) => code === i))
    return { codes: source, values: order.map((i) => labels.dictionary[i]!) };
  const codes = inPlace || labels !== column ? source : sharedInt32(source.length);
  for (let i = 0; i < codes.length; i++) codes[i] = remap[source[i]!]!;
  return { codes, values: order.map((i) => labels.dictionary[i]!) };
}

/** Whether the number columns may be overwritten: in-memory ones were copied above. */
function ownsNumbers(input: PredictionInput, options: PrepareOptions): boolean {
  return options.inPlace === true || !isRoleInput(input);
}

/**
 * The job with its numeric true and predicted labels already encoded when both hold small
 * non-negative integers only (one pass for the missing-value check, task inference and
 * encoding); else as it was.
 */
function smallLabelsFirst(raw: RawColumns, owned: boolean): RawColumns {
  const { yTrue, yPred } = raw;
  if (!owned || yTrue.kind !== 'number' || yPred.kind !== 'number') return raw;
  if (sharesMemory(raw, yTrue) || sharesMemory(raw, yPred)) return raw;
  const labels = encodeSmallLabelPair(yTrue, yPred);
  return labels === undefined ? raw : { ...raw, yTrue: labels[0], yPred: labels[1] };
}

/** Options of {@link prepareColumns}. */
export interface PrepareOptions {
  readonly task?: ScoreTask | undefined;
  readonly dropMissing?: boolean | undefined;
  /**
   * Re-encode a loaded table's label codes in place instead of copying them
   * (saves memory when the table is not used again). Default false. The table is then
   * handed over: a later call with it throws `TABLE_CONSUMED`.
   */
  readonly inPlace?: boolean | undefined;
  /**
   * Presence tables of in-memory integer `yTrue` / `yPred` arrays already
   * scanned on the pool (see `scanLabelsOnPool`), so that they are not scanned
   * again on this thread.
   */
  readonly presence?: LabelPresenceByRole | undefined;
  /**
   * The `labels` scoring option: a listed class absent from the data becomes a class (without
   * rows) when the probability columns have one column for each such class.
   */
  readonly labels?: readonly Label[] | undefined;
}

/**
 * Validates and encodes a scoring job's columns into shared memory: drops or
 * rejects missing values, infers the task, encodes labels over their sorted
 * union and checks scores, probabilities and weights.
 *
 * @param input - in-memory columns, or a loaded table / Arrow table with column roles
 * @param options - task (inferred when omitted) and `dropMissing`
 * @returns the columns ready for scoring, the dropped-row count, unseen predicted labels and warnings
 * @throws {@link RunnerError} `MISSING_VALUE`, `NON_NUMERIC_VALUE`, `MISSING_COLUMN` (also a
 *   missing `yTrue`/`yPred`), `INVALID_OPTION` (also an unknown input key), `LENGTH_MISMATCH`
 *   (columns of different lengths), `EMPTY_INPUT` (no row, or none left after `dropMissing`)
 */
export function prepareColumns(
  input: PredictionInput,
  options: PrepareOptions = {},
): PreparedColumns {
  return withProfileCache(() => withCodeProfileCache(() => prepareSteps(input, options)));
}

/**
 * Refuses scores or probabilities under regression (asked for, or inferred from fractional
 * true values), which compares `yPred` with `yTrue`: they were dropped without a word before,
 * so a user who meant classification got other metrics.
 */
function refuseClassificationInputs(raw: RawColumns, inferred: boolean): void {
  const given = [
    ...(raw.yScore === undefined ? [] : ['yScore (--y-score)']),
    ...(raw.yProba === undefined ? [] : ['yProba (--y-proba)']),
  ];
  if (given.length === 0) return;
  throw new RunnerError(
    'INVALID_OPTION',
    `${given.join(' and ')} ${given.length > 1 ? 'are inputs' : 'is an input'} of classification, but the task is regression${inferred ? ' (inferred: the true values are numbers that are not all whole, so no class labels)' : ''}, which compares yPred with yTrue: drop ${given.length > 1 ? 'them' : 'it'}, or set the task to classification (--task classification) if the true values are labels.`,
    { path: raw.yScore === undefined ? 'yProba' : 'yScore' },
  );
}

function prepareSteps(input: PredictionInput, options: PrepareOptions): PreparedColumns {
  checkInput(input);
  const regression = options.task === 'regression';
  if (isRoleInput(input)) takeTable(input.table, options.inPlace === true);
  const loaded = isRoleInput(input)
    ? fromRoles(input, regression)
    : fromMemory(input, regression, options.presence);
  const first = regression ? loaded : smallLabelsFirst(loaded, ownsNumbers(input, options));
  // the label columns' missing values, integrality and range, in one pass over both
  if (first.yTrue.kind === 'number' && first.yPred.kind === 'number') {
    profileNumberPair(first.yTrue.values, first.yPred.values);
  } else if (first.yTrue.kind === 'label' && first.yPred.kind === 'label') {
    if (!COMPLETE_LABELS.has(first.yTrue) || !COMPLETE_LABELS.has(first.yPred)) {
      profileCodePair(first.yTrue, first.yPred);
    }
  }
  const { raw, dropped, missingBy } = handleMissing(first, options.dropMissing === true);
  const warnings: string[] = [];
  if (dropped > 0) {
    // a row leaves every figure, overall included, whichever column misses it (a slice too)
    warnings.push(
      `${dropped} row(s) with a missing value were dropped from every figure, overall included (missing values by column: ${missingBy}).`,
    );
  }
  if (raw.n === 0) throw noRowsError(dropped);
  const task = options.task ?? inferTask(raw);
  const weight =
    raw.weight === undefined ? null : checkFinite('weight', raw.weight, 0, raw.keptRows);
  // only buffers made here (or handed over with inPlace) may be re-encoded in place:
  // an in-memory shared Int32Array of codes 0..K-1 is used as is and must not change
  const inPlace = options.inPlace === true || dropped > 0;
  const group = groupCodes(raw.group, inPlace);
  const slice = groupCodes(raw.slice, inPlace);
  const sliceNote =
    raw.slice === undefined ? undefined : sliceWarning(raw.slice.name, slice.values, raw.n);
  if (sliceNote !== undefined) warnings.push(sliceNote);
  const common = {
    n: raw.n,
    task,
    weight,
    group: group.codes,
    groupValues: group.values,
    slice: slice.codes,
    sliceValues: slice.values,
  };
  if (task === 'regression') {
    refuseClassificationInputs(raw, options.task === undefined);
    if (options.task === undefined && isIntegral(raw.yTrue)) warnings.push(INFERRED_REGRESSION);
    const empty = new Int32Array(new SharedArrayBuffer(0));
    const columns: ScoreColumns = {
      ...common,
      classes: [],
      yTrue: empty,
      yPred: empty,
      isPositive: null,
      yTrueValues: checkFinite('yTrue', raw.yTrue, undefined, raw.keptRows),
      yPredValues: checkFinite('yPred', raw.yPred, undefined, raw.keptRows),
      yScore: null,
      yProba: null,
    };
    return { columns, dropped, unseenPredLabels: [], warnings, keptRows: raw.keptRows };
  }
  const numbers = inPlace || ownsNumbers(input, options);
  const { unseen, rowless, ...encoded } = encodeClassification(
    raw,
    { codes: inPlace, numbers },
    warnings,
    options.labels,
  );
  checkClassification(input, options, raw, encoded, warnings);
  const columns: ScoreColumns = { ...common, ...encoded, yTrueValues: null, yPredValues: null };
  return {
    columns,
    dropped,
    unseenPredLabels: unseen,
    rowlessClasses: rowless,
    warnings,
    keptRows: raw.keptRows,
  };
}

/**
 * After encoding: probability columns named against the class order, and the warning for an
 * inferred classification that may be something else.
 */
function checkClassification(
  input: PredictionInput,
  options: PrepareOptions,
  raw: RawColumns,
  encoded: { readonly classes: Label[]; readonly yTrue: Int32Array; readonly yPred: Int32Array },
  warnings: string[],
): void {
  if (isRoleInput(input)) checkProbaColumnOrder(input.roles.yProba, encoded.classes);
  if (options.task !== undefined) return;
  const scoresGiven = raw.yScore !== undefined || raw.yProba !== undefined;
  const warning = inferredClassificationWarning(encoded.classes, encoded, raw.n, scoresGiven);
  if (warning !== undefined) warnings.push(warning);
}
