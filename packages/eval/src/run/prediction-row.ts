/** How one (item, fold, model) prediction turned out. */
export type PredictionOutcome = 'correct' | 'wrong' | 'unparseable' | 'failed' | 'answered';
// generation: 'answered' when the extraction chain found an answer, 'unparseable' when it did not

/** One row of `predictions.arrow`: one item of one fold answered by one model. */
export interface PredictionRow {
  /** item id */
  id: string;
  /** fold number (across repeats) */
  fold: number;
  /** model name */
  model: string;
  /**
   * the prompt variant asked (multiple-choice: the choice order, 0 for the data set's); absent
   * for tasks with one prompt per item
   */
  permutation?: number;
  /** hash of the prompt sent */
  promptHash: string;
  /**
   * fingerprint of the item's text and choices (`itemHash`): `assay compare` checks that
   * paired rows read the same item; absent in files written before it existed
   */
  itemHash?: string | null | undefined;
  /** dataset group (slice), when the dataset has one */
  group: string | null;
  /** gold label / target / reference */
  expected: string | null;
  /** raw answer text (null when the request failed) */
  rawAnswer: string | null;
  /** parsed label or number (null when unparseable or failed) */
  parsed: string | null;
  /** outcome; `answered` for generation tasks (no scoring) */
  outcome: PredictionOutcome;
  /** whether the parsed answer equals the gold label (null when failed or not scored) */
  correct: boolean | null;
  /** error class and message of a failed request */
  error: string | null;
  /** time to first token, ms */
  ttftMs: number | null;
  /** time per output token, ms */
  tpotMs: number | null;
  /** end-to-end latency, ms */
  e2eMs: number | null;
  /** prompt tokens */
  inputTokens: number | null;
  /** completion tokens */
  outputTokens: number | null;
  /** cost in USD */
  costUsd: number | null;
  /** probability of the positive label (binary classification with log-probabilities) */
  score: number | null;
  /** whether the answer came from the response cache */
  cached: boolean;
  /** sample index of the answer (`task.samples` answers per prompt; default 0) */
  sample?: number | undefined;
  /** every reference of a generation item (`expected` is the first); null otherwise */
  references?: string[] | null | undefined;
}

/**
 * Converts NaN/±Infinity to null for JSON and Arrow output.
 *
 * @param x - a number
 * @returns `x` when finite, else `null`
 * @example
 * finiteOrNull(Number.NaN); // null
 */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
