export { closestName, didYouMean, editDistance } from '@assay/labels';
export { compareHtml } from './compare/compare-html.js';
export { compareJunit } from './compare/compare-junit.js';
export type { CompareMetricsOptions, MeasuredMetric } from './compare/compare-metrics.js';
export { compareMetrics } from './compare/compare-metrics.js';
export type {
  CompareDecision,
  ComparedSide,
  CompareResult,
  MetricComparison,
  PairedTestName,
  ServiceComparison,
} from './compare/compare-result.js';
export type { CompareRunsOptions } from './compare/compare-runs.js';
export { CompareRunsOptionsSchema, compareRuns } from './compare/compare-runs.js';
export { compareMarkdown, compareText } from './compare/compare-text.js';
export type { DecisionRules } from './compare/decide-compare.js';
export { applyRules, brokenRules, decide, metricFacts } from './compare/decide-compare.js';
export type { ComparedRun } from './compare/load-compared-run.js';
export { loadComparedRun } from './compare/load-compared-run.js';
export type { PairedRuns, PairRunsOptions, UnpairedItems } from './compare/pair-runs.js';
export { pairRuns, UNPAIRED_IDS_SHOWN } from './compare/pair-runs.js';
export type { PairableRun } from './compare/pairable-run.js';
export { COMPARED_SERVICE_FIGURES, serviceComparison } from './compare/service-comparison.js';
export {
  type PairingCounts,
  unpairedGate,
  unpairedPercent,
  unpairedProblem,
  unpairedShare,
} from './compare/unpaired-gate.js';
export type { ConfigIssueContext } from './config/format-issues.js';
export { formatConfigIssues, formatConfigPath, issueLine } from './config/format-issues.js';
export { ASSERTION_SCORERS, GENERATION_SCORERS, POOL_SCORERS } from './config/generation-schema.js';
export { runConfigJsonSchema, runConfigSchemaFile } from './config/json-schema.js';
export type { LoadRunConfigOptions } from './config/load-config.js';
export { loadRunConfig, parseRunConfig } from './config/load-config.js';
export type { ServiceMetricName } from './config/metric-names.js';
export {
  CLASSIFICATION_METRICS,
  higherIsBetter,
  REGRESSION_METRICS,
  SERVICE_METRICS,
} from './config/metric-names.js';
export type { ModelConfig, RunConfig, RunConfigInput } from './config/run-config-schema.js';
export { ModelConfigSchema, RunConfigSchema } from './config/run-config-schema.js';
export type {
  ParsedThreshold,
  Threshold,
  ThresholdAgainst,
  ThresholdBound,
  ThresholdOperator,
} from './config/thresholds.js';
export { parseThreshold, THRESHOLD_BOUNDS, thresholdHolds } from './config/thresholds.js';
export type { ColumnMapping, DatasetItem } from './datasets/dataset-item.js';
export type { LoadFileDatasetOptions } from './datasets/file-dataset.js';
export { loadFileDataset } from './datasets/file-dataset.js';
export { loadSpamAssassin } from './datasets/spam-assassin.js';
export { loadSubjectsDataset } from './datasets/spam-subjects.js';
export { stratifiedSample } from './datasets/stratified-sample.js';
export type { EvaluationErrorCode, EvaluationIssue } from './errors.js';
export { EvaluationError } from './errors.js';
export { answerExtractor } from './generation/extract-answer.js';
export { type MeanSummaryOptions, meanSummary } from './generation/mean-summary.js';
// assay loadtest --score: per-answer generation scores
export { scorerValues } from './generation/scorer-values.js';
export { agreementLabels, humanGrades } from './judges/human-grades.js';
export type { AgreementPair, AgreementWeights, JudgeAgreement } from './judges/judge-agreement.js';
export { humanGradeLabel, judgeAgreement } from './judges/judge-agreement.js';
export type { ResolvedJudgeClient } from './judges/judge-client.js';
export { judgeEndpoints, resolveJudgeClient } from './judges/judge-client.js';
export type { JudgeConfigIssue } from './judges/judge-config-checks.js';
export {
  checkJudgeConfig,
  JUDGE_KAPPA_METRIC,
  JUDGE_SCORE_METRIC,
  judgeMetricNames,
} from './judges/judge-config-checks.js';
export { gradeOfOutcome, judgeDraws } from './judges/judge-draws.js';
export type { JudgePlan, JudgeRequest, JudgeSubject, PlannedDraw } from './judges/judge-plan.js';
export { planJudge } from './judges/judge-plan.js';
export type { JudgeInput, JudgePromptSpec } from './judges/judge-prompts.js';
export { judgeMessages } from './judges/judge-prompts.js';
export type { JudgedModelResult } from './judges/judge-results.js';
export { addJudgeResults } from './judges/judge-results.js';
export type { JudgeExecution, JudgeRunContext } from './judges/judge-run.js';
export { executeJudge, judgeSubjects } from './judges/judge-run.js';
export type {
  JudgeClientConfig,
  JudgeConfig,
  JudgeConfigInput,
  JudgeMode,
} from './judges/judge-schema.js';
export { JUDGE_MODES, JudgeClientSchema, JudgeSchema } from './judges/judge-schema.js';
export type { Estimate, JudgeBootstrap } from './judges/judge-score-interval.js';
export { judgeScoreInterval } from './judges/judge-score-interval.js';
export type {
  JudgedDraw,
  JudgeResult,
  JudgeSummary,
  JudgeSummaryOptions,
  JudgeVerdict,
} from './judges/judge-summary.js';
export { summarizeJudge } from './judges/judge-summary.js';
export { fillSlots } from './judges/judge-templates.js';
export type { PairwiseOutcome } from './judges/pairwise-verdict.js';
export { combinePairwise, mirrorOutcome } from './judges/pairwise-verdict.js';
export type { JudgeGrade } from './judges/parse-grade.js';
export {
  CLOSEDQA_SCORES,
  defaultGradeLabels,
  FACTUALITY_SCORES,
  parseClosedQaGrade,
  parseFactualityGrade,
  parseGrade,
  parsePairwiseVerdict,
  parseRubricGrade,
} from './judges/parse-grade.js';
export { writeRunOutputs } from './outputs/write-outputs.js';
export {
  predictionsTable,
  readPredictions,
  writePredictions,
} from './outputs/write-predictions.js';
export { promptsTable, readPrompts, writePrompts } from './outputs/write-prompts.js';
export type { PromptMessage, PromptSpec } from './prompt/build-messages.js';
export { buildMessages, promptHash } from './prompt/build-messages.js';
export { pickFewShot } from './prompt/few-shot.js';
export type { AnswerSpec, ParsedAnswer } from './prompt/parse-answer.js';
export { parseAnswer } from './prompt/parse-answer.js';
export { promptFor } from './prompt/prompt-for.js';
export { renderTemplate, templateSlots } from './prompt/render-template.js';
export type {
  DryRunModel,
  DryRunOptions,
  DryRunPlan,
  DryRunPrompt,
  DryRunReport,
} from './run/dry-run.js';
export { dryRun } from './run/dry-run.js';
export type { DryRunJudge } from './run/dry-run-judge.js';
export type { EndpointIdentity } from './run/endpoint-identity.js';
export type { Outcome, OutcomeMetrics } from './run/journal.js';
export { RunJournal } from './run/journal.js';
export { loadRunDataset } from './run/load-run-dataset.js';
export { MAX_RUN_PREDICTIONS } from './run/plan-limits.js';
export type { PredictionOutcome, PredictionRow } from './run/prediction-row.js';
export type { PromptDuplicates } from './run/prompt-duplicates.js';
export type { RequestEstimate } from './run/request-estimate.js';
export type { ExecutedRun, ExecuteRunOptions } from './run/run-evaluation.js';
export { executeRun } from './run/run-evaluation.js';
export type { RunEvaluationOptions } from './run/run-from-config.js';
export { runEvaluation } from './run/run-from-config.js';
export type { CompletionClientLike } from './run/send-requests.js';
export {
  isTransportFailure,
  UNREACHABLE_AFTER,
  UnreachableWatch,
} from './run/unreachable-watch.js';
export type { SummarizeRunOptions } from './summary/summarize-run.js';
export { runMetrics, summarizeRun } from './summary/summarize-run.js';
export { regressionAnswer } from './tasks/regression-task.js';
export { taskFor } from './tasks/task-for.js';
export type { ClassificationPlots, ScoringPass, TaskModule } from './tasks/task-module.js';
export type { BinaryCounts, ThresholdMetric } from './tune/binary-decision-metrics.js';
export {
  binaryDecisionMetric,
  countDecisions,
  THRESHOLD_METRICS,
} from './tune/binary-decision-metrics.js';
export { candidateRow, constraintNotes } from './tune/candidate-row.js';
export type { Candidate } from './tune/candidates.js';
export { candidateLabel, gridCandidates, randomCandidates } from './tune/candidates.js';
export type { Winner } from './tune/choose-winner.js';
export { chooseWinner, MIN_SAVING } from './tune/choose-winner.js';
export { parseConfigPath, setConfigPath } from './tune/config-paths.js';
export type { DecideWinnerOptions } from './tune/decide-winner.js';
export { decideWinner } from './tune/decide-winner.js';
export { degenerateIntervalNote } from './tune/degenerate-interval-note.js';
export type { CandidateEvaluation } from './tune/evaluate-candidate.js';
export { halvingRungs, survivorsOf } from './tune/halving-rungs.js';
export { stratifiedOrder } from './tune/item-order.js';
export type { MarginalMean } from './tune/marginal-means.js';
export type { NestedEstimate, OuterFold } from './tune/nested-estimate.js';
export { nestedEstimate, nestedGap } from './tune/nested-estimate.js';
export type { PairedGap, PairedGapSettings } from './tune/paired-gap.js';
export { pairedGap } from './tune/paired-gap.js';
export { paidSentence, requestsSentence } from './tune/request-figures.js';
export type { RunTuneOptions } from './tune/run-tune.js';
export { runTune } from './tune/run-tune.js';
export type { SearchConfig } from './tune/search-schema.js';
export { SEARCH_STRATEGIES, SearchSchema } from './tune/search-schema.js';
export { estimatedRequests } from './tune/search-warnings.js';
export type { ThresholdTuning } from './tune/threshold-tuning.js';
export { tuneThreshold } from './tune/threshold-tuning.js';
export type { TuneFiles } from './tune/tune-outputs.js';
export { bestYaml, writeTuneOutputs } from './tune/tune-outputs.js';
export type { TunedCandidate, TuneResults } from './tune/tune-results.js';
export type { TuneSetup, TuneSetupOptions } from './tune/tune-setup.js';
export { loadTuneConfig, tuneSetup } from './tune/tune-setup.js';
export { VARIABLE_PATHS } from './tune/variable-paths.js';
