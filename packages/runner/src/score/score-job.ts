import type { PassRunner } from '../pool/task-types.js';
import type { Executor } from './executor.js';
import type { CodedCensus } from './label-census.js';
import type { PreparedColumns } from './prepare-columns.js';
import type { ScoreColumns } from './score-columns.js';
import type { ScoreOptions } from './score-options.js';

/**
 * One scoring job once its columns are prepared: what every stage of `scoreWith`
 * reads. Built by `prepareJob`; only `warnings` changes afterwards.
 */
export interface ScoreJob {
  /** Where tasks run. */
  readonly exec: Executor;
  /** The pool size (0 = the calling thread). */
  readonly workers: number;
  readonly options: ScoreOptions;
  readonly seed: number;
  /** Bootstrap resamples (0: none). */
  readonly bootstrap: number;
  /** Confidence level of the intervals. */
  readonly ci: number;
  /** Rows per weighted confusion task and per label-scan task. */
  readonly chunkRows: number;
  /** Rows per range of a shared integer counting pass. */
  readonly rangeRows: number;
  /** Runs a shared counting pass on the pool. */
  readonly pass: PassRunner;
  readonly columns: ScoreColumns;
  /** What preparation dropped and found (rows with a missing value, unseen predicted labels). */
  readonly prepared: PreparedColumns;
  /** The label census in class codes, when it ran and every counted value has a code. */
  readonly coded: CodedCensus | null;
  /** The report's warnings, each once, in the order they arose. */
  readonly warnings: string[];
}
