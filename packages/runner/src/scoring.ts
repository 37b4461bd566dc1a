/**
 * Scoring files without the report schemas: `@assay/runner/scoring` gives the runner, the
 * file readers and the option parsers of the package's entry (the same functions), without
 * loading zod (`ScoreReportSchema` and its parts) or the generation helpers that only the
 * evaluation harness calls. `assay score`, which imports it and `@assay/report/text`,
 * starts 40–60 ms sooner than through the package entries; the generation scorers still load
 * when a job asks for them.
 *
 * @example
 * ```ts
 * import { createRunner, loadColumns } from '@assay/runner/scoring';
 * const runner = createRunner({ workers: 2 });
 * runner.start();
 * const table = await loadColumns('preds.csv', { columns: { y: 'label', p: 'label' }, runner });
 * const report = await runner.scorePredictions({ table, roles: { yTrue: 'y', yPred: 'p' } });
 * await runner.close();
 * ```
 * @packageDocumentation
 */
export { RunnerError, type RunnerErrorCode } from './errors.js';
export type { GenerationNormalize } from './generation/answer-normalization.js';
export { parseNormalize } from './generation/answer-normalization.js';
export type { GenerationOptions } from './generation/generation-options.js';
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
export { describeDataRow } from './io/table-source.js';
export type { RunnerOptions } from './pool/runner.js';
export { createRunner, Runner, scorePredictions } from './pool/runner.js';
export { checkCvFoldCount, cvFoldCount, MAX_CV_FOLDS } from './score/cv-limits.js';
export type { CvSpec } from './score/parse-cv-spec.js';
export { CV_SPEC_FORMS, parseCvSpec } from './score/parse-cv-spec.js';
export type { ColumnRoles, PredictionInput } from './score/prediction-input.js';
export { labelText } from './score/quoted-labels.js';
export type { ScoreTask } from './score/score-columns.js';
export type { ScoreOptions, ScoreProgress } from './score/score-options.js';
export { MAX_BOOTSTRAP } from './score/score-options.js';
export type { MetricValue, ScoreReport } from './score/score-report.js';
