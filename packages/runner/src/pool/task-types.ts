import type { CsvTask } from '../io/csv-range-types.js';
import type { CvSpec } from '../score/cv-spec.js';
import type { ScoreColumns } from '../score/score-columns.js';

/*
 * The messages of the scoring pool: every task a worker runs and the types they carry.
 * Type-only, importing no runtime module, so that the modules which build tasks (shared
 * passes, the stratified fold planning, the label census and scan) and the module which
 * runs them (worker-tasks) can all import these without importing one another.
 */

/** Integer typed arrays that label columns may arrive as. */
export type IntegerArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/** Fold-id column of the runner's stratified folds: one byte per row up to 127 folds. */
export type FoldIdArray = Int8Array | Int32Array;

/** Scans one chunk of an integer label column on the pool. */
export interface LabelScanTask {
  readonly kind: 'label-scan';
  readonly values: IntegerArray;
  readonly start: number;
  readonly end: number;
}

/** Rows `[start, end)` of an integer label column. */
export interface LabelSegment {
  readonly values: IntegerArray;
  readonly start: number;
  readonly end: number;
}

/** Scans several segments of label columns in one task (one worker's share of a read). */
export interface LabelSpansTask {
  readonly kind: 'label-spans';
  readonly segments: readonly LabelSegment[];
}

/** Counts label values and (true, predicted) pairs over whole blocks of rows. */
export interface LabelCensusTask {
  readonly kind: 'label-census';
  readonly yTrue: IntegerArray;
  readonly yPred: IntegerArray;
  readonly blockRows: number;
  readonly start: number;
  readonly end: number;
}

/** Per-block class counts over a range of whole blocks (the planning pass). */
export interface BlockCountTask {
  readonly kind: 'block-counts';
  readonly yTrue: Int32Array;
  readonly nClasses: number;
  readonly blockRows: number;
  readonly start: number;
  readonly end: number;
}

/** Splits the fold labels of some classes over the blocks (see `allocateFoldBlocks`). */
export interface FoldAllocationTask {
  readonly kind: 'fold-allocation';
  /** The table to fill (shared, zeroed): blocks × classes × folds. */
  readonly alloc: Int32Array;
  /** `blockCounts[b * K + c]`: rows of class `c` in block `b` (shared). */
  readonly blockCounts: Int32Array;
  /** Rows per class. */
  readonly counts: Int32Array;
  /** The plan's `take`. */
  readonly take: Int32Array;
  readonly nSplits: number;
  readonly seed: number;
  /** The class codes this task splits. */
  readonly classes: readonly number[];
}

/** A task of the stratified fold planning. */
export type StratifiedFoldTask = BlockCountTask | FoldAllocationTask;

/**
 * The runner's `stratified:K` folds before any row is assigned: what a counting
 * task needs to assign the rows of its blocks and count them per fold.
 */
export interface StratifiedFoldLayout {
  readonly nSplits: number;
  readonly blockRows: number;
  /** `allocateFoldBlocks`' table (shared memory). */
  readonly alloc: Int32Array;
  readonly seed: number;
  /** Train and test sizes of each fold. */
  readonly splits: readonly { readonly nTrain: number; readonly nTest: number }[];
}

/** A grouping of rows (CV folds or slices): `ids[i]` in `[0, nGroups)` or -1 to skip. */
export interface IdGrouping {
  readonly ids: Int32Array | Int8Array;
  readonly nGroups: number;
}

/**
 * The runner's stratified folds, assigned while counting (task ranges must
 * start on a block boundary); the fold ids are written to `ids` when given.
 */
export interface StratifiedGrouping {
  readonly layout: StratifiedFoldLayout;
  /** The layout's number of folds. */
  readonly nGroups: number;
  readonly ids: FoldIdArray | null;
}

/** How a confusion task groups its rows besides the whole set. */
export type Grouping = IdGrouping | StratifiedGrouping;

/** Confusion counts over one fixed row chunk: overall, then per group of each grouping. */
export interface ConfusionTask {
  readonly kind: 'confusion';
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly weight: Float64Array | null;
  readonly nClasses: number;
  readonly start: number;
  readonly end: number;
  readonly groupings: readonly Grouping[];
}

/** The rows with `ids[i] === value`, or every row when null. */
export type Selection = { readonly ids: Int32Array | Int8Array; readonly value: number } | null;

/** Row-based metrics on whole selections (the full set, one fold, one slice). */
export interface RowsTask {
  readonly kind: 'rows';
  readonly columns: ScoreColumns;
  readonly metrics: readonly string[];
  readonly selections: readonly Selection[];
}

/**
 * Bootstrap replicates by row resampling within a selection: replicate `r`
 * draws `m` rows with replacement using `createRng(seeds[r])`, or, when the
 * columns have clusters, the selection's `C` clusters with replacement and
 * every row of each.
 */
export interface BootstrapTask {
  readonly kind: 'bootstrap';
  readonly columns: ScoreColumns;
  readonly metrics: readonly string[];
  readonly selection: Selection;
  readonly seeds: readonly number[];
}

/** Replicates shared out in batches between the workers (see `bootstrapConfusionCounts`). */
export interface ReplicateClaims {
  /** The next batch to claim (shared, one Int32). */
  readonly next: Int32Array;
  /** Replicates per batch. */
  readonly batch: number;
  /** Replicate `r`'s value of metric `j` goes to `out[r * metrics.length + j]` (shared). */
  readonly out: Float64Array;
}

/**
 * Bootstrap replicates of confusion metrics by multinomial resampling of a
 * count matrix: replicate `r` draws with `createRng(seeds[r])`. With `claims`,
 * one such task is queued per worker and the workers share out the replicates
 * in batches (their values go to `claims.out`, and the result's `values` is empty).
 */
export interface MultinomialTask {
  readonly kind: 'multinomial';
  readonly columns: ScoreColumns;
  readonly counts: Float64Array;
  readonly metrics: readonly string[];
  readonly seeds: readonly number[];
  readonly claims?: ReplicateClaims;
}

/** Builds the CV fold assignment (the splitter runs off the main thread). */
export interface FoldsTask {
  readonly kind: 'folds';
  readonly spec: CvSpec;
  readonly columns: ScoreColumns;
  readonly seed: number;
  readonly text: string;
}

/** A range task a shared pass repeats over the ranges it claims. */
export type RangeTask = LabelCensusTask | BlockCountTask | ConfusionTask;

/**
 * One worker's share of a pass: the worker claims ranges from a shared counter
 * until none is left, runs `range` over each, and returns the sum of their
 * results; one such task is queued per worker.
 *
 * @remarks
 * Only for passes whose results are exact integer counts, so that which
 * worker took which range cannot change the merged result. Claiming a range
 * is one atomic add, so a pass costs one hand-off between threads per worker
 * instead of one per range (a wake-up of 0.5–1 ms each on the 2-core
 * benchmark machine), while small ranges still balance the workers.
 */
export interface SharedPassTask {
  readonly kind: 'shared-pass';
  /** The task to run per range (its own `start`/`end` are ignored). */
  readonly range: RangeTask;
  /** Range `i` is rows `[bounds[i], bounds[i + 1])` (shared). */
  readonly bounds: Float64Array;
  /** The next range to claim (shared, one Int32). */
  readonly next: Int32Array;
  /** Rows per block of the per-block tables (census, block counts). */
  readonly blockRows: number;
  /** Blocks over the whole column. */
  readonly nBlocks: number;
}

/**
 * Runs a pass over `ranges` of a column of `n` rows and returns the merged
 * whole-column table (or an empty Int32Array when a range gave up).
 */
export type PassRunner = (
  range: RangeTask,
  ranges: readonly [number, number][],
  blockRows: number,
  n: number,
  onProgress?: (done: number, total: number) => void,
) => Promise<Int32Array | Float64Array>;

/**
 * Paired bootstrap replicates of two models' predictions of the same rows: replicate
 * `r` draws `n` rows (or side A's clusters of rows) with replacement using
 * `createRng(seeds[r])` and evaluates every metric on that one draw for both sides.
 */
export interface PairedBootstrapTask {
  readonly kind: 'paired-bootstrap';
  /** side A's columns (row i is the same item as B's row i) */
  readonly a: ScoreColumns;
  /** side B's columns */
  readonly b: ScoreColumns;
  /** registry names */
  readonly metrics: readonly string[];
  /** one generator seed per replicate */
  readonly seeds: readonly number[];
}

/** Any task of the scoring pool. */
export type WorkerTask =
  | ConfusionTask
  | RowsTask
  | BootstrapTask
  | MultinomialTask
  | FoldsTask
  | StratifiedFoldTask
  | LabelScanTask
  | LabelSpansTask
  | LabelCensusTask
  | SharedPassTask
  | PairedBootstrapTask
  | CsvTask;

/** What a rows or bootstrap task returns: values (row-major) and metric failures. */
export interface ValuesResult {
  readonly values: Float64Array;
  readonly errors: readonly string[];
}
