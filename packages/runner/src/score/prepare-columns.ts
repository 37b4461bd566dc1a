import { compareLabels, type Label, LabelError, sortedUnion } from '@assay/labels';
import { RunnerError } from '../errors.js';
import type { LabelColumn, LoadedColumn } from '../io/loaded-column.js';
import { sharedFloat64, sharedInt32 } from '../io/shared-arrays.js';
import { asRunnerError } from './label-kinds.js';
import type { LabelPresenceByRole } from './label-scan.js';
import { handleMissing } from './missing-values.js';
import type {
  ArrowPredictions,
  LoadedPredictions,
  PredictionColumns,
  PredictionInput,
} from './prediction-input.js';
import { describeColumn, type RawColumns } from './raw-columns.js';
import type { ScoreColumns, ScoreTask } from './score-columns.js';
import { COMPLETE_LABELS, numbersToLabels, toLoadedColumn } from './to-loaded-column.js';

/** The result of {@link prepareColumns}. */
export interface PreparedColumns {
  readonly columns: ScoreColumns;
  /** Rows dropped for a missing value (with `dropMissing`). */
  readonly dropped: number;
  /** Predicted labels that never occur as a true label. */
  readonly unseenPredLabels: Label[];
  readonly warnings: string[];
}

function isRoleInput(input: PredictionInput): input is LoadedPredictions | ArrowPredictions {
  return 'roles' in input && 'table' in input;
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
        'INVALID_OPTION',
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

/** The labels of a column's dictionary that occur in its rows. */
function usedLabels(column: LabelColumn): Label[] {
  if (COMPLETE_LABELS.has(column)) return [...column.dictionary];
  const seen = new Uint8Array(column.dictionary.length);
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i]!;
    if (code >= 0) seen[code] = 1;
  }
  return column.dictionary.filter((_, i) => seen[i] === 1);
}

/**
 * Encodes true and predicted labels over their sorted union (`@assay/labels`
 * order: numbers numerically, strings by code point), in place when allowed.
 *
 * @throws {@link RunnerError} `MIXED_LABEL_TYPES` when one column holds numbers and the
 *   other strings (scikit-learn's "Mix of label input types")
 */
function unifyLabels(
  yTrue: LabelColumn,
  yPred: LabelColumn,
  inPlace: boolean,
): { classes: Label[]; unseen: Label[]; yTrue: Int32Array; yPred: Int32Array } {
  const trueLabels = usedLabels(yTrue);
  const predLabels = usedLabels(yPred);
  const predWhat = describeColumn('yPred', yPred);
  let classes: Label[];
  try {
    classes = sortedUnion([
      [describeColumn('yTrue', yTrue), trueLabels],
      [predWhat, predLabels],
    ]);
  } catch (error) {
    const atPred = error instanceof LabelError && error.path === predWhat;
    throw asRunnerError(error, atPred ? yPred.name : yTrue.name);
  }
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
  return { classes, unseen, yTrue: out[0]!, yPred: out[1]! };
}

function asNumbers(role: string, column: LoadedColumn): Float64Array {
  if (column.kind === 'number') return column.values;
  const row = column.codes.findIndex((c) => typeof column.dictionary[c] === 'string');
  throw new RunnerError(
    'NON_NUMERIC_VALUE',
    `${describeColumn(role, column)} has the non-numeric value ${JSON.stringify(column.dictionary[column.codes[row]!])} at row ${row}; every value must be a number.`,
    { path: column.name },
  );
}

function checkFinite(
  role: string,
  column: LoadedColumn,
  min = Number.NEGATIVE_INFINITY,
): Float64Array {
  const values = asNumbers(role, column);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < min) {
      throw new RunnerError(
        'NON_NUMERIC_VALUE',
        `${describeColumn(role, column)} has ${String(v)} at row ${i}; every value must be a finite number${min === 0 ? ' >= 0' : ''}.`,
        { path: column.name },
      );
    }
  }
  return values;
}

function isIntegral(column: LoadedColumn): boolean {
  if (column.kind === 'label') return true;
  const v = column.values;
  for (let i = 0; i < v.length; i++)
    if (!Number.isInteger(v[i]!) && !Number.isNaN(v[i]!)) return false;
  return true;
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

/** Options of {@link prepareColumns}. */
export interface PrepareOptions {
  readonly task?: ScoreTask | undefined;
  readonly dropMissing?: boolean | undefined;
  /**
   * Re-encode a loaded table's label codes in place instead of copying them
   * (saves memory when the table is not used again). Default false.
   */
  readonly inPlace?: boolean | undefined;
  /**
   * Presence tables of in-memory integer `yTrue` / `yPred` arrays already
   * scanned on the pool (see `scanLabelsOnPool`), so that they are not scanned
   * again on this thread.
   */
  readonly presence?: LabelPresenceByRole | undefined;
}

/**
 * Validates and encodes a scoring job's columns into shared memory: drops or
 * rejects missing values, infers the task, encodes labels over their sorted
 * union and checks scores, probabilities and weights.
 *
 * @param input - in-memory columns, or a loaded table / Arrow table with column roles
 * @param options - task (inferred when omitted) and `dropMissing`
 * @returns the columns ready for scoring, the dropped-row count, unseen predicted labels and warnings
 * @throws {@link RunnerError} `MISSING_VALUE`, `NON_NUMERIC_VALUE`, `MISSING_COLUMN`,
 *   `INVALID_OPTION`, `EMPTY_FILE`
 */
export function prepareColumns(
  input: PredictionInput,
  options: PrepareOptions = {},
): PreparedColumns {
  const regression = options.task === 'regression';
  const first = isRoleInput(input)
    ? fromRoles(input, regression)
    : fromMemory(input, regression, options.presence);
  const { raw, dropped } = handleMissing(first, options.dropMissing === true);
  const warnings: string[] = [];
  if (dropped > 0) warnings.push(`${dropped} row(s) with a missing value were dropped.`);
  if (raw.n === 0) {
    throw new RunnerError('EMPTY_FILE', 'No rows are left to score; at least one row is required.');
  }
  const scoresGiven = raw.yScore !== undefined || raw.yProba !== undefined;
  const task: ScoreTask =
    options.task ??
    (scoresGiven ||
    raw.yTrue.kind === 'label' ||
    raw.yPred.kind === 'label' ||
    (isIntegral(raw.yTrue) && isIntegral(raw.yPred))
      ? 'classification'
      : 'regression');
  const weight = raw.weight === undefined ? null : checkFinite('weight', raw.weight, 0);
  // only buffers made here (or handed over with inPlace) may be re-encoded in place:
  // an in-memory shared Int32Array of codes 0..K-1 is used as is and must not change
  const inPlace = options.inPlace === true || dropped > 0;
  const group = groupCodes(raw.group, inPlace);
  const slice = groupCodes(raw.slice, inPlace);
  const empty = new Int32Array(new SharedArrayBuffer(0));
  if (task === 'regression') {
    return {
      columns: {
        n: raw.n,
        task,
        classes: [],
        yTrue: empty,
        yPred: empty,
        isPositive: null,
        yTrueValues: checkFinite('yTrue', raw.yTrue),
        yPredValues: checkFinite('yPred', raw.yPred),
        yScore: null,
        yProba: null,
        weight,
        group: group.codes,
        groupValues: group.values,
        slice: slice.codes,
        sliceValues: slice.values,
      },
      dropped,
      unseenPredLabels: [],
      warnings,
    };
  }
  const yTrue = numbersToLabels(raw.yTrue) as LabelColumn;
  const yPred = numbersToLabels(raw.yPred) as LabelColumn;
  const { classes, unseen, ...codes } = unifyLabels(yTrue, yPred, inPlace);
  if (unseen.length > 0) {
    warnings.push(
      `Predicted label(s) ${unseen.map((l) => JSON.stringify(l)).join(', ')} never occur in y_true; they count as errors and are listed in unseenPredLabels.`,
    );
  }
  const probaColumns = raw.yProba?.map((c, i) => checkFinite(`yProba[${i}]`, c));
  if (probaColumns !== undefined && probaColumns.length !== classes.length) {
    throw new RunnerError(
      'INVALID_OPTION',
      `y_proba has ${probaColumns.length} column(s) but there are ${classes.length} classes (${classes.join(', ')}); give one probability column per class, in sorted class order.`,
      { path: 'yProba' },
    );
  }
  let yProba: Float64Array | null = null;
  if (probaColumns !== undefined) {
    // row-major, as the core-metrics kernels (log loss, top-k) read it
    const k = probaColumns.length;
    yProba = sharedFloat64(raw.n * k);
    probaColumns.forEach((column, c) => {
      for (let i = 0; i < raw.n; i++) yProba![i * k + c] = column[i]!;
    });
  }
  const yScore = raw.yScore === undefined ? null : checkFinite('yScore', raw.yScore);
  let isPositive: Uint8Array | null = null;
  if (classes.length <= 2) {
    isPositive = new Uint8Array(new SharedArrayBuffer(raw.n));
    const positive = classes.length - 1;
    for (let i = 0; i < raw.n; i++)
      isPositive[i] = codes.yTrue[i] === positive && positive > 0 ? 1 : 0;
  }
  return {
    columns: {
      n: raw.n,
      task,
      classes,
      yTrue: codes.yTrue,
      yPred: codes.yPred,
      isPositive,
      yTrueValues: null,
      yPredValues: null,
      yScore,
      yProba,
      weight,
      group: group.codes,
      groupValues: group.values,
      slice: slice.codes,
      sliceValues: slice.values,
    },
    dropped,
    unseenPredLabels: unseen,
    warnings,
  };
}
