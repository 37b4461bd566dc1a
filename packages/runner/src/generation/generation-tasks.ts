import type { BleuTokenizer } from '@assay/text-metrics';
import type { ClusterColumn } from '../score/score-columns.js';
import type { ResolvedNormalize } from './answer-normalization.js';
import type { GenerationMetric } from './generation-metrics.js';

/*
 * The messages of generation scoring: what the generation worker runs. Type-only, so that
 * the engine, the kernels and the runner can name them without loading one another.
 */

/** How the per-row metrics read texts. Plain data: it travels to the workers. */
export interface GenerationSettings {
  /** How `exact_match` and `token_f1` compare texts. */
  readonly normalize: ResolvedNormalize;
  /** ROUGE's stemmer. */
  readonly stemmer: 'porter' | 'none';
  /** BLEU's tokenizer (sacrebleu's `tokenize`). */
  readonly bleuTokenize: BleuTokenizer;
}

/**
 * One metric's place in a row of the per-row matrix: a per-row metric takes one slot (its
 * value), a corpus metric `width` slots (its sacrebleu statistics).
 */
export interface MetricSlot {
  readonly name: GenerationMetric;
  readonly offset: number;
  readonly width: number;
}

/** The layout of the per-row matrix (row-major, `width` numbers per row). */
export interface RowLayout {
  readonly width: number;
  /** One slot per metric, in the report's metric order. */
  readonly slots: readonly MetricSlot[];
}

/** Scores rows: per-row values and per-row corpus statistics, `rows × layout.width` numbers. */
export interface GenerationRowsTask {
  readonly kind: 'generation-rows';
  readonly outputs: readonly string[];
  /** Per row, its references (missing ones already left out; at least one each). */
  readonly references: readonly (readonly string[])[];
  readonly layout: RowLayout;
  readonly settings: GenerationSettings;
}

/**
 * Bootstrap replicates over the per-row matrix: replicate `r` draws rows (or whole clusters
 * of rows) with `createRng(seeds[r])`, sums their rows of the matrix and scores the sums.
 * Returns `seeds.length × layout.slots.length` values.
 */
export interface GenerationBootstrapTask {
  readonly kind: 'generation-bootstrap';
  /** The per-row matrix, `n × layout.width` (shared memory). */
  readonly rows: Float64Array;
  readonly n: number;
  readonly layout: RowLayout;
  /** The rows of one slice (`ids[i] === value`), or null for every row. */
  readonly selection: { readonly ids: Int32Array; readonly value: number } | null;
  readonly clusters: ClusterColumn | undefined;
  readonly seeds: readonly number[];
}

/** Any task of the generation worker. */
export type GenerationTask = GenerationRowsTask | GenerationBootstrapTask;

/**
 * A row a rows task could not score: valid text a metric refuses for its size (rougeLsum on
 * lines too long for its table). Returned, not thrown, because the pool turns a thrown error
 * into `WORKER_FAILED` and loses which row it was.
 */
export interface RefusedRow {
  readonly kind: 'refused-row';
  /** The row within the task (from 0). */
  readonly row: number;
  /** The metric's message, saying what is too large and what to do. */
  readonly reason: string;
}

/**
 * Runs a generation task (on the pool, or on the calling thread) and returns its numbers, or
 * the row a rows task refused.
 */
export type GenerationTaskRunner = (task: GenerationTask) => Promise<Float64Array | RefusedRow>;
