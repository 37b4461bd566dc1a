import type { LabelValue } from '@assay/labels';
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
