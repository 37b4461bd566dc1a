import type { ModelResult } from '@assay/report';
import type { PredictionInput } from '@assay/runner';
import type { DatasetItem } from '../datasets/dataset-item.js';
import type { GenerationSettings } from '../generation/score-generation-model.js';
import type { PredictionOutcome, PredictionRow } from '../run/prediction-row.js';

/** One call of the runner's scoring for a set of prediction rows. */
export interface ScoringPass {
  /** the columns to score */
  readonly input: PredictionInput;
  /** test fold of each row (the runner's `foldIds`) */
  readonly foldIds: Int32Array;
  /** item of each row (the runner's `clusterIds`: intervals resample items, not rows) */
  readonly clusterIds: Int32Array;
  /** the runner's task */
  readonly task: 'classification' | 'regression';
  /** the runner's `labels` option (classification) */
  readonly labels?: number[] | undefined;
  /** run metric names (as the user wrote them) scored in this pass */
  readonly metrics: readonly string[];
  /**
   * the names the results give `metrics` (same order), when the runner's metric stands for a
   * task metric of another name (multiple-choice: `mae` of 0/1 flags is `position_bias_rate`)
   */
  readonly reportAs?: readonly string[];
}

/** Confusion matrix and curves of a classification model, for the report. */
export interface ClassificationPlots {
  /** null above `CONFUSION_MATRIX_CLASS_LIMIT` labels (see `confusionNote`) */
  readonly confusion: { labels: string[]; matrix: number[][] } | null;
  /** why `confusion` is null for a classification task, when it is */
  readonly confusionNote?: string;
  /** ROC curve and its area (scikit-learn's `roc_auc_score` on the same rows) */
  readonly roc: { fpr: number[]; tpr: number[]; auc: number } | null;
  readonly calibration: {
    meanPredicted: number[];
    fractionPositive: number[];
    counts: number[];
  } | null;
}

/**
 * Everything `assay run` does differently per task type, behind one interface: how
 * items are checked, how answers are parsed and judged, which metrics apply by
 * default, how prediction rows are encoded for the runner's worker pool, and how two
 * models are compared. The harness never branches on the task type itself.
 */
export interface TaskModule {
  /** the config's `task.type` */
  readonly type: 'classification' | 'regression' | 'generation' | 'multiple-choice';
  /** task labels (classification), else empty */
  readonly labels: readonly string[];
  /** positive label of binary metrics (classification), else null */
  readonly positive: string | null;
  /** whether every item needs a label (generation reads the reference instead) */
  readonly needsLabel: boolean;
  /** whether folds are stratified by label */
  readonly stratify: boolean;
  /** whether answers are scored at all (metrics, comparisons, thresholds on task metrics) */
  readonly scored: boolean;
  /** whether paired comparisons test correctness with McNemar's exact test */
  readonly comparesCorrectness: boolean;
  /** the task metrics `evaluation.metrics` and thresholds accept */
  readonly metricNames: readonly string[];
  /** the labels whose log-probabilities give each answer's score, when the task has scores */
  readonly logprobScoring: { labels: readonly string[]; positive: string } | undefined;
  /**
   * Checks the loaded items against the task.
   *
   * @throws EvaluationError naming the first bad item
   */
  checkItems(items: readonly DatasetItem[]): void;
  /** the gold value of an item: label, target or reference */
  expected(item: DatasetItem): string | null;
  /** every reference of an item (generation), else null */
  references(item: DatasetItem): string[] | null;
  /**
   * Scorers, reducer and samples of a generation task, scored by `scoreGenerationModel`
   * instead of `encode` passes; undefined for the other tasks.
   */
  readonly generation?: GenerationSettings | undefined;
  /**
   * the parsed answer (label or number as text; multiple-choice: the letter of the chosen
   * choice in the data set's order), or null when unparseable
   *
   * @param text - the model's answer
   * @param item - the item asked
   * @param permutation - the prompt variant asked (multiple-choice: the choice order, 0 for
   *   the data set's)
   */
  parse(text: string, item: DatasetItem, permutation: number): string | null;
  /** how a parsed answer turned out against the gold value */
  outcome(parsed: string | null, expected: string | null): Exclude<PredictionOutcome, 'failed'>;
  /**
   * Whether an answered row enters the task metrics (classification: every row with a
   * label; regression: rows whose answer has a number). Paired comparisons keep the
   * items where both models' rows do.
   */
  entersMetrics(row: PredictionRow): boolean;
  /** the metrics reported when `evaluation.metrics` is not set */
  defaultMetrics(rows: readonly PredictionRow[]): string[];
  /** the label counts of the data set summary (classification), else empty */
  labelCounts(items: readonly DatasetItem[]): Record<string, number>;
  /**
   * Encodes one model's answered rows (failed requests already left out) for the
   * runner, one pass per encoding the metrics need.
   */
  encode(rows: readonly PredictionRow[], metrics: readonly string[]): ScoringPass[];
  /**
   * Why a metric gets no value from these rows when `encode` leaves it out (no scores,
   * no answer with a number, no answered item), for the results and reports.
   */
  missingReason(metric: string, rows: readonly PredictionRow[]): string;
  /** confusion matrix, ROC and calibration curves (classification), else null */
  plots(rows: readonly PredictionRow[]): ClassificationPlots | null;
  /** whether items need `choices` (multiple-choice: read from `dataset.columns.choices`) */
  readonly needsChoices?: boolean;
  /**
   * The prompts an item is asked in, as items whose fields fill the template (multiple-choice:
   * one per choice order, the data set's first); absent: the item itself, once. Index `v` of
   * the result is the `permutation` of its planned task and prediction row.
   */
  variants?(item: DatasetItem): DatasetItem[];
  /**
   * The order an item's choices were shown in by one prompt variant (multiple-choice:
   * `order[p]` is the original index of the choice shown at position `p`), so a wrong answer
   * can say which letters its raw answer is in; absent for tasks without choices.
   *
   * @param item - the item asked
   * @param permutation - the prompt variant asked (the prediction row's `permutation`)
   * @returns the order, or undefined when the item has no such variant
   */
  shownOrder?(item: DatasetItem, permutation: number): readonly number[] | undefined;
  /** the task's own part of a model's result (multiple-choice: `multipleChoice`) */
  resultFields?(rows: readonly PredictionRow[]): Pick<ModelResult, 'multipleChoice'>;
}
