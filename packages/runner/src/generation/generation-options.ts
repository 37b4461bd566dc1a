import { describeValue, type OptionKeys } from '@assay/labels';
import type { BleuTokenizer } from '@assay/text-metrics';
import { RunnerError } from '../errors.js';
import type { CvSpec } from '../score/cv-spec.js';
import type { ScoreProgress } from '../score/score-options.js';
import { type GenerationNormalize, resolveNormalize } from './answer-normalization.js';
import { GENERATION_BLEU_TOKENIZERS } from './bleu-tokenizers.js';
import type { GenerationSettings } from './generation-tasks.js';

/** Options of `Runner.scoreGenerations`; every field is optional. */
export interface GenerationOptions {
  /**
   * Metric names (see `GENERATION_METRICS`); default `exact_match`, `token_f1`, `bleu`,
   * `chrf`, `rougeL`.
   */
  readonly metrics?: readonly string[] | undefined;
  /**
   * How `exact_match` and `token_f1` compare texts: `'squad'` (SQuAD v1.1's normalization,
   * the default), `'none'` (raw strings; `token_f1` splits on whitespace), or
   * lm-evaluation-harness options `{ ignoreCase, ignorePunctuation, ignoreNumbers }`.
   */
  readonly normalize?: GenerationNormalize | undefined;
  /** ROUGE's stemmer: `'none'` (rouge-score's default) or `'porter'`. */
  readonly stemmer?: 'porter' | 'none' | undefined;
  /**
   * BLEU's tokenizer, sacrebleu's `tokenize`: `'13a'` (the default), `'none'`, `'intl'`,
   * `'char'` or `'zh'`; it shows in the BLEU signature as `tok:…`.
   */
  readonly bleuTokenize?: BleuTokenizer | undefined;
  /** Cross-validation, e.g. `'kfold:5'` (default `'none'`); stratified specs are refused. */
  readonly cv?: string | CvSpec | undefined;
  /** False to keep row order in `kfold:K` and `holdout:F` folds (default true: shuffled with `seed`). */
  readonly shuffle?: boolean | undefined;
  /** Called with each repeat's test fold per row once the folds are built (see `ScoreOptions`). */
  readonly onFoldIds?: ((ids: readonly (Int32Array | Int8Array)[]) => void) | undefined;
  /** Precomputed test fold per row (-1 = never tested), instead of `cv`. */
  readonly foldIds?: ArrayLike<number> | undefined;
  /**
   * The cluster of each row (non-negative integers, e.g. the item a sample answers): each
   * bootstrap replicate draws whole clusters instead of rows.
   */
  readonly clusterIds?: ArrayLike<number> | undefined;
  /** Seed of shuffled splitters and of the bootstrap (default 0). */
  readonly seed?: number | undefined;
  /** Bootstrap resamples for confidence intervals (default 0: none). */
  readonly bootstrap?: number | undefined;
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  readonly ci?: number | undefined;
  /** Drop rows with a missing output, reference, slice or group instead of failing. */
  readonly dropMissing?: boolean | undefined;
  /** Rows per scoring task (default: about 8 tasks per worker, 16 to 2048 rows each). */
  readonly chunkRows?: number | undefined;
  /** Milliseconds already spent loading the data, reported in `timing.loadMs`. */
  readonly loadMs?: number | undefined;
  /** Called as tasks finish (`metrics`: rows scored; `bootstrap`: replicate batches). */
  readonly onProgress?: ((progress: ScoreProgress) => void) | undefined;
}

/**
 * The option names of `scoreGenerations`, one per field of {@link GenerationOptions} (the
 * compiler refuses a missing or extra name): a key not listed here is refused, not ignored.
 *
 * @example
 * ```ts
 * Object.hasOwn(GENERATION_OPTION_KEYS, 'bleuTokenize'); // true
 * Object.hasOwn(GENERATION_OPTION_KEYS, 'tokenize'); // false
 * ```
 */
export const GENERATION_OPTION_KEYS: OptionKeys<GenerationOptions> = {
  metrics: true,
  normalize: true,
  stemmer: true,
  bleuTokenize: true,
  cv: true,
  shuffle: true,
  onFoldIds: true,
  foldIds: true,
  clusterIds: true,
  seed: true,
  bootstrap: true,
  ci: true,
  dropMissing: true,
  chunkRows: true,
  loadMs: true,
  onProgress: true,
};

/** The options of `generationRowValues`: the per-row metrics' settings. */
export type RowValueOptions = Pick<
  GenerationOptions,
  'metrics' | 'normalize' | 'stemmer' | 'bleuTokenize'
>;

/**
 * The option names of `generationRowValues`, one per field of {@link RowValueOptions}.
 *
 * @example
 * ```ts
 * Object.keys(ROW_VALUE_OPTION_KEYS); // ['metrics', 'normalize', 'stemmer', 'bleuTokenize']
 * ```
 */
export const ROW_VALUE_OPTION_KEYS: OptionKeys<RowValueOptions> = {
  metrics: true,
  normalize: true,
  stemmer: true,
  bleuTokenize: true,
};

/**
 * The per-row metrics' settings of a job.
 *
 * @param options - the job's options
 * @returns the normalization, stemmer and BLEU tokenizer, checked
 * @throws {@link RunnerError} `INVALID_OPTION` naming the option and its valid values
 * @example
 * resolveGenerationSettings({ stemmer: 'porter' }); // { normalize: { mode: 'squad' }, stemmer: 'porter', bleuTokenize: '13a' }
 */
export function resolveGenerationSettings(options: GenerationOptions): GenerationSettings {
  const stemmer = options.stemmer ?? 'none';
  if (stemmer !== 'porter' && stemmer !== 'none') {
    throw new RunnerError(
      'INVALID_OPTION',
      `stemmer must be 'porter' or 'none', got ${describeValue(stemmer)}.`,
      { path: 'stemmer' },
    );
  }
  const bleuTokenize = options.bleuTokenize ?? '13a';
  if (!GENERATION_BLEU_TOKENIZERS.includes(bleuTokenize)) {
    throw new RunnerError(
      'INVALID_OPTION',
      `bleuTokenize must be one of ${GENERATION_BLEU_TOKENIZERS.map((t) => `'${t}'`).join(', ')} (sacrebleu's BLEU tokenizers), got ${describeValue(bleuTokenize)}.`,
      { path: 'bleuTokenize' },
    );
  }
  return { normalize: resolveNormalize(options.normalize), stemmer, bleuTokenize };
}

/**
 * Rows per scoring task: `chunkRows` when given, else about 8 tasks per worker, 16 to
 * 2048 rows each (a row's numbers never depend on its task, so this changes no result).
 *
 * @param n - rows
 * @param workers - pool size (0 = calling thread)
 * @param chunkRows - the option
 * @returns rows per task
 * @throws {@link RunnerError} `INVALID_OPTION` for a `chunkRows` that is not a positive integer
 * @example
 * rowsPerTask(10_000, 2, undefined); // 625
 */
export function rowsPerTask(n: number, workers: number, chunkRows: number | undefined): number {
  if (chunkRows !== undefined) {
    if (!Number.isInteger(chunkRows) || chunkRows < 1) {
      throw new RunnerError(
        'INVALID_OPTION',
        `chunkRows must be a positive whole number of rows per task, got ${describeValue(chunkRows)}.`,
        { path: 'chunkRows' },
      );
    }
    return chunkRows;
  }
  return Math.min(2048, Math.max(16, Math.ceil(n / (Math.max(1, workers) * 8))));
}
