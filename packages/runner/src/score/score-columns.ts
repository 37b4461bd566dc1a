import type { Label } from '@assay/core-metrics';

/** What is being scored. */
export type ScoreTask = 'classification' | 'regression';

/**
 * The prepared, validated columns of one scoring job. Every array lives in a
 * `SharedArrayBuffer`, so posting this object to a worker shares the columns
 * instead of copying them.
 */
export interface ScoreColumns {
  readonly n: number;
  readonly task: ScoreTask;
  /** Sorted union of true and predicted labels; codes index into it (classification). */
  readonly classes: readonly Label[];
  /** True class codes (classification; empty for regression). */
  readonly yTrue: Int32Array;
  /** Predicted class codes (classification; empty for regression). */
  readonly yPred: Int32Array;
  /** 1 where the true class is the positive (greater) class of a binary problem. */
  readonly isPositive: Uint8Array | null;
  /** True values (regression). */
  readonly yTrueValues: Float64Array | null;
  /** Predicted values (regression). */
  readonly yPredValues: Float64Array | null;
  /** Scores of the positive class (binary classification). */
  readonly yScore: Float64Array | null;
  /** Row-major n×K class probabilities, columns in `classes` order. */
  readonly yProba: Float64Array | null;
  /** Row weights. */
  readonly weight: Float64Array | null;
  /** Group codes (for group-aware CV) and their values. */
  readonly group: Int32Array | null;
  readonly groupValues: readonly Label[];
  /** Slice codes and their values. */
  readonly slice: Int32Array | null;
  readonly sliceValues: readonly Label[];
  /**
   * The `labels` option as class indices (absent: every class present in the rows counted).
   * Indices `>= classes.length` stand for labels that never occur in the data; metrics pad
   * the count matrix to `width` classes for them.
   */
  readonly labelSet?: LabelSet | undefined;
  /**
   * The class index named by the `posLabel` option; absent: the `1` of labels in {0, 1}
   * or {-1, 1}, and an error for any other labels when a metric needs a positive class.
   */
  readonly positive?: number | undefined;
  /**
   * The cluster of each row (`clusterIds` option): rows of one cluster are repeated
   * predictions of one item, and the bootstrap draws whole clusters. Absent: every row is
   * its own cluster.
   */
  readonly clusters?: ClusterColumn | undefined;
}

/** The rows' clusters, coded `0..count-1` in order of first appearance. */
export interface ClusterColumn {
  /** Cluster code per row (shared memory). */
  readonly codes: Int32Array;
  /** Distinct clusters. */
  readonly count: number;
}

/** The `labels` scoring option resolved against a job's classes. */
export interface LabelSet {
  /** Class index of each given label, in the given order. */
  readonly indices: readonly number[];
  /** `classes.length` plus the number of given labels absent from the data. */
  readonly width: number;
  /** Class index binary metrics treat as positive; -1 unless exactly two labels were given. */
  readonly positive: number;
}
