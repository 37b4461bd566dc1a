export { closestName } from '@assay/labels';
export type { RunnerErrorCode } from './errors.js';
export { RunnerError } from './errors.js';
export type {
  GenerationNormalize,
  HarnessNormalization,
} from './generation/answer-normalization.js';
export { parseNormalize } from './generation/answer-normalization.js';
export { GENERATION_BLEU_TOKENIZERS } from './generation/bleu-tokenizers.js';
export type {
  GenerationColumns,
  GenerationInput,
  GenerationRoles,
  LoadedGenerations,
} from './generation/generation-input.js';
export type { CorpusMetric, GenerationMetric } from './generation/generation-metrics.js';
export {
  DEFAULT_GENERATION_METRICS,
  GENERATION_METRICS,
  generationGreaterIsBetter,
} from './generation/generation-metrics.js';
export type { GenerationOptions } from './generation/generation-options.js';
export { generationRowValues } from './generation/generation-row-values.js';
export {
  type CorpusMetricOptions,
  corpusScore,
  corpusStatistics,
} from './generation/row-layout.js';
export type { CsvRecordLines } from './io/csv-quote-line.js';
export { csvRecordLines, textAfterClosingQuote } from './io/csv-quote-line.js';
export type { CsvTask } from './io/csv-range-types.js';
export { INPUT_FORMATS, type InputFormat } from './io/input-formats.js';
export type { LoadColumnsOptions } from './io/load-columns.js';
export { detectFormat, loadColumns } from './io/load-columns.js';
export type { LabelPair } from './io/loaded-census.js';
export type {
  ColumnKind,
  LabelColumn,
  LoadedColumn,
  LoadedTable,
  NumberColumn,
  TextColumn,
  TextValue,
} from './io/loaded-column.js';
export type { FileReadPool } from './io/read-csv-pool.js';
export { describeDataRow } from './io/table-source.js';
export { utf8FileStream } from './io/utf8-stream.js';
export {
  CONFUSION_MATRIX_CLASS_LIMIT,
  CONFUSION_PASS_MAX_CELLS,
  SPARSE_CONFUSION_MAX_CELLS,
} from './metrics/confusion-limits.js';
export type {
  ConfusionMetric,
  MetricNeeds,
  MetricSpec,
  RowsMetric,
} from './metrics/metric-spec.js';
export type { AvailableInputs } from './metrics/registry.js';
export {
  defaultMetrics,
  METRIC_REGISTRY,
  metricAliases,
  metricNames,
  metricSpec,
  resolveMetrics,
} from './metrics/registry.js';
export type { RunnerOptions } from './pool/runner.js';
export { createRunner, Runner, scorePredictions } from './pool/runner.js';
export { checkCvFoldCount, cvFoldCount, MAX_CV_FOLDS } from './score/cv-limits.js';
export type {
  PairedDifference,
  PairedScoreOptions,
  PairedScoreReport,
} from './score/paired-score.js';
export type { CvSpec } from './score/parse-cv-spec.js';
export { CV_SPEC_FORMS, parseCvSpec } from './score/parse-cv-spec.js';
export type {
  ArrowPredictions,
  ColumnRoles,
  LabelValues,
  LoadedPredictions,
  NumberValues,
  PredictionColumns,
  PredictionInput,
} from './score/prediction-input.js';
export { labelText } from './score/quoted-labels.js';
export type { ScoreTask } from './score/score-columns.js';
export type { ScoreOptions, ScoreProgress } from './score/score-options.js';
export { MAX_BOOTSTRAP } from './score/score-options.js';
export type { MetricValue, ScoreReport } from './score/score-report.js';
export { FoldSummarySchema, MetricValueSchema, ScoreReportSchema } from './score/score-report.js';
export type { BinaryCodes, ProportionCount, ShareCounter } from './score/share-count.js';
export {
  countShares,
  PROPORTION_METRICS,
  shareCounter,
  wilsonOfDegenerate,
} from './score/share-count.js';
