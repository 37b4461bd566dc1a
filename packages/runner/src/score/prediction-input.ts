import type { LabelValue, OptionKeys } from '@assay/labels';
import type { InputColumnsSpec } from '../check-input-columns.js';
import type { LoadedTable } from '../io/loaded-column.js';

/**
 * Labels given in memory: a plain array, any typed array, or an Arrow vector.
 * Numbers or strings (booleans read as 0 and 1); null, undefined and NaN are missing.
 */
export type LabelValues =
  | ArrayLike<LabelValue | null | undefined>
  | { toArray(): ArrayLike<unknown> };

/** Numbers given in memory: a plain array, any typed array, or an Arrow vector. */
export type NumberValues = ArrayLike<number | null | undefined> | { toArray(): ArrayLike<unknown> };

/**
 * Predictions held in memory, one entry per column, all of the same length.
 * This is what `assay run` hands over after parsing a model's answers.
 */
export interface PredictionColumns {
  /** True labels (classification) or values (regression). */
  readonly yTrue: LabelValues;
  /** Predicted labels or values. */
  readonly yPred: LabelValues;
  /** Scores of the positive class (binary classification). */
  readonly yScore?: NumberValues | undefined;
  /** One probability column per class, in sorted class order. */
  readonly yProba?: readonly NumberValues[] | undefined;
  /** Row weights. */
  readonly weight?: NumberValues | undefined;
  /** Group of each row (for `group:K` / `stratified-group:K` CV). */
  readonly group?: LabelValues | undefined;
  /** Slice of each row: every metric is also reported per slice value. */
  readonly slice?: LabelValues | undefined;
}

/**
 * The in-memory columns `scorePredictions` reads, one per field of {@link PredictionColumns}
 * (the compiler refuses a missing or extra name), `yTrue` and `yPred` required.
 *
 * @example
 * ```ts
 * Object.hasOwn(PREDICTION_COLUMNS.keys, 'yPred'); // true
 * ```
 */
export const PREDICTION_COLUMNS: InputColumnsSpec = {
  owner: 'the in-memory columns',
  what: 'column',
  keys: {
    yTrue: true,
    yPred: true,
    yScore: true,
    yProba: true,
    weight: true,
    group: true,
    slice: true,
  } satisfies OptionKeys<PredictionColumns>,
  required: {
    yTrue: 'the true labels or values',
    yPred: 'the predicted labels or values',
  },
};

/** Which columns of a loaded table play which role. */
export interface ColumnRoles {
  readonly yTrue: string;
  readonly yPred: string;
  readonly yScore?: string | undefined;
  readonly yProba?: readonly string[] | undefined;
  readonly weight?: string | undefined;
  readonly group?: string | undefined;
  readonly slice?: string | undefined;
}

/**
 * The column roles of a `{ table, roles }` input, one per field of {@link ColumnRoles},
 * `yTrue` and `yPred` required.
 *
 * @example
 * ```ts
 * Object.hasOwn(COLUMN_ROLES.keys, 'slice'); // true
 * ```
 */
export const COLUMN_ROLES: InputColumnsSpec = {
  owner: 'the roles of the table',
  what: 'column role',
  keys: {
    yTrue: true,
    yPred: true,
    yScore: true,
    yProba: true,
    weight: true,
    group: true,
    slice: true,
  } satisfies OptionKeys<ColumnRoles>,
  required: {
    yTrue: 'the name of the column of true labels or values',
    yPred: 'the name of the column of predicted labels or values',
  },
};

/** A table from {@link loadColumns} together with the roles of its columns. */
export interface LoadedPredictions {
  readonly table: LoadedTable;
  readonly roles: ColumnRoles;
}

/**
 * An apache-arrow `Table` (duck-typed) with the roles of its columns.
 */
export interface ArrowPredictions {
  readonly table: {
    getChild(name: string): { toArray(): ArrayLike<unknown> } | null;
    readonly numRows: number;
  };
  readonly roles: ColumnRoles;
}

/** Anything {@link scorePredictions} scores. */
export type PredictionInput = PredictionColumns | LoadedPredictions | ArrowPredictions;
