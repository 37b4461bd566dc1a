import type { GenerationOptions, InputFormat, ScoreTask } from '@assay/runner/scoring';

/** Parsed options of `assay score`. */
export interface ScoreCommandOptions {
  readonly yTrue: string;
  readonly yPred: string;
  readonly yScore?: string;
  readonly yProba?: string[];
  readonly weight?: string;
  readonly group?: string;
  readonly slice?: string;
  readonly clusters?: string;
  /** `--folds`: a column of precomputed test folds, instead of `--cv`. */
  readonly folds?: string;
  /** `--folds-out`: a CSV file to save each row's test fold in. */
  readonly foldsOut?: string;
  readonly posLabel?: string;
  /** `--labels`: the labels averages range over, as written (numeric text is a number). */
  readonly labels?: string[];
  readonly task?: ScoreTask | 'generation';
  /** ROUGE's stemmer (`--task generation`). */
  readonly stemmer?: 'porter' | 'none';
  /** BLEU's tokenizer, sacrebleu's `--tokenize` (`--task generation`). */
  readonly bleuTokenize?: NonNullable<GenerationOptions['bleuTokenize']>;
  /** How exact match and token F1 compare texts (`--task generation`). */
  readonly normalize?: string;
  readonly metrics?: string[];
  readonly cv: string;
  /** False with `--no-shuffle`: unshuffled folds, as scikit-learn's `shuffle=False`; default shuffled. */
  readonly shuffle?: boolean;
  readonly seed: number;
  readonly bootstrap: number;
  readonly ci: number;
  readonly workers?: number;
  readonly format?: 'table' | 'json' | 'md';
  readonly out?: string;
  readonly inputFormat?: InputFormat;
  readonly dropMissing?: boolean;
  readonly quiet?: boolean;
}
