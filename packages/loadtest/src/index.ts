export type { Arrival } from './arrival/arrival-schedule.js';
export { arrivalName, arrivalOffsets, parseArrival } from './arrival/arrival-schedule.js';
export type { LoadTestErrorCode } from './errors.js';
export { LoadTestError } from './errors.js';
export { ProgressHistogram } from './generator/progress-histogram.js';
export { runStep, type StepRun } from './generator/run-step.js';
export {
  type AnswerJudge,
  type AnswerVerdict,
  droppedRecord,
  type SendContext,
  sendRequest,
} from './generator/send-request.js';
export type { StepLoad, StepPlan, StepProgress } from './generator/step-plan.js';
export { StepTracker } from './generator/step-tracker.js';
export { HarnessMonitor, type HarnessReading } from './health/harness-monitor.js';
export {
  judgeStep,
  LATE_MS,
  MAX_ELU,
  MAX_LATE_FRACTION,
  MIN_ELU_SENDS,
  MIN_ELU_SPAN_MS,
  MIN_LATE_SENDS,
  MIN_RATE_FRACTION,
  STALL_MS,
} from './health/step-validity.js';
export { CutOffTally, type CutOffWait } from './metrics/cut-off.js';
export { type Distribution, distribution } from './metrics/distribution.js';
export {
  CUT_OFF,
  EMPTY_RESPONSE,
  failureKey,
  type LoadRecord,
  type TokenSource,
  TRUNCATED_STREAM,
} from './metrics/load-record.js';
export { type RequestLatency, requestLatency } from './metrics/request-latency.js';
export { Samples } from './metrics/samples.js';
export { servedModelMismatch } from './metrics/served-models.js';
export { stepQuality } from './metrics/step-quality.js';
export type {
  Goodput,
  Harness,
  LatencyMs,
  LoadProfile,
  LoadTestResult,
  MaxRate,
  RequestCounts,
  ServedModelCounts,
  SloVerdict,
  StepAccuracy,
  StepQuality,
  StepResult,
  SweepAnswer,
  Throughput,
  UpperEnd,
  WarmupOverlap,
} from './metrics/step-result.js';
export { LOADTEST_SCHEMA_VERSION, measuredRequests } from './metrics/step-result.js';
export { type RecordFigures, summarizeRecords } from './metrics/summarize-records.js';
export { untimedAnswers, untimedAnswersWarning } from './metrics/untimed-answers.js';
export { wilsonInterval } from './metrics/wilson-interval.js';
export { type RecordRange, RecordStore } from './records/record-store.js';
export {
  readRecords,
  recordsFormatOf,
  recordsTable,
  writeRecords,
} from './records/records-file.js';
export { openRecordsSink, RECORDS_FLUSH_MS, type RecordsSink } from './records/records-sink.js';
export { findMaxOutcomes, maxRateLine, validityCell } from './report/find-max-note.js';
export {
  cutOffWaitClause,
  interruptionNote,
  measuredNothing,
} from './report/interruption-note.js';
export { type LoadtestReportContext, loadtestHtml } from './report/loadtest-html.js';
export {
  chunksTogetherNote,
  fellBehindNotes,
  keptUpShareShortfall,
  qualityLine,
  servedModelNote,
  tokenCountNote,
  warmupOverlapNote,
} from './report/run-notes.js';
export { fellBehind, saturationNote, stepValidity } from './report/saturation-note.js';
export { measurementValid, sloCell, validCell } from './report/step-cells.js';
export { stepCounts, sweepAnswer, sweepFindings } from './report/sweep-answer.js';
export { buildStepResult, pooledHarness } from './run/build-step-result.js';
export {
  KEPT_UP_RATE_SHARE,
  KEPT_UP_SHARE,
  keptUp,
  keptUpShortfall,
} from './run/kept-up.js';
export {
  DEFAULT_DURATION_MS,
  DEFAULT_FULL_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  type LoadTestOptions,
  LoadTestOptionsSchema,
  type ResolvedLoadTest,
  type RunLoad,
  resolveLoadTest,
} from './run/load-test-options.js';
export {
  type LoadTestOutcome,
  type LoadTestRuntime,
  runLoadTest,
} from './run/run-load-test.js';
export {
  aboveCapacityWarning,
  BRACKET_TOLERANCE,
  findMaxRate,
  MAX_BISECTIONS,
  plannedSteps,
  type RateStepOutcome,
  rateStepOutcome,
  searchBracket,
  stepMeetsSlo,
  sustainedRate,
  sweepRates,
} from './run/search-rate.js';
export type { StepRunner } from './run/step-runner.js';
export {
  parseSlo,
  SLO_METRICS,
  SLO_STATS,
  type Slo,
  type SloBound,
  type SloMetric,
  type SloStat,
  sloKeys,
} from './slo/parse-slo.js';
export { loadDatasetWorkload } from './workload/dataset-workload.js';
export { scoringOrder } from './workload/scoring-order.js';
export {
  parsePromptTokens,
  SPAM_INSTRUCTION,
  syntheticWorkload,
  type Workload,
} from './workload/workload.js';
