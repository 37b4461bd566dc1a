export { binnedHistogramChart } from './charts/binned-histogram-chart.js';
export { calibrationChart } from './charts/calibration-chart.js';
export { confusionHeatmap } from './charts/confusion-heatmap.js';
export type { FoldBars } from './charts/fold-bar-chart.js';
export { foldBarChart } from './charts/fold-bar-chart.js';
export type { ForestPlotOptions, ForestRow } from './charts/forest-plot.js';
export { forestPlot } from './charts/forest-plot.js';
export { histogramChart } from './charts/histogram-chart.js';
export { latencyCdfChart } from './charts/latency-cdf-chart.js';
export type { LineChartOptions } from './charts/line-chart.js';
export { lineChart } from './charts/line-chart.js';
export type { LineSeries } from './charts/line-series.js';
export { rocChart } from './charts/roc-chart.js';
export { alikeBoundNote, comparisonIntervalNotes } from './format/alike-bound-note.js';
export {
  alphaOf,
  fmt,
  fmtP,
  formatCount,
  formatInteger,
  formatInterval,
  formatMs,
  formatUsd,
  formatValue,
  MISSING_VALUE,
} from './format/format-number.js';
export { metricScaleNote } from './format/metric-scale.js';
export { thresholdDefinitions } from './format/threshold-definitions.js';
export type { ThresholdOutcome } from './format/threshold-text.js';
export {
  baselineSource,
  thresholdDetails,
  thresholdFigure,
  thresholdInterval,
  thresholdMessage,
  thresholdOutcome,
  thresholdValueCell,
} from './format/threshold-text.js';
export { escapeHtml } from './html/escape-html.js';
export { htmlReport } from './html/html-report.js';
export { CHART_CSS, REPORT_CSS } from './html/report-styles.js';
export { scrollTables } from './html/scroll-tables.js';
export type { JunitCase, JunitSuite } from './junit/junit-xml.js';
export { junitXml } from './junit/junit-xml.js';
export { runJunitSuite } from './junit/run-junit-suite.js';
export { markdownReport } from './markdown/markdown-report.js';
export { markdownInline } from './markdown/markdown-text.js';
export { stepSummaryMarkdown } from './markdown/step-summary.js';
export { thresholdTableMarkdown } from './markdown/threshold-table-markdown.js';
export type { MetricGroup } from './metrics-table/identical-metrics.js';
export { metricGroups } from './metrics-table/identical-metrics.js';
export type {
  PhaseProgress,
  ProgressBar,
  ProgressBarOptions,
  ProgressStream,
} from './progress/progress-bar.js';
export { createProgressBar } from './progress/progress-bar.js';
export type { ModelProgress, ProgressPrinterOptions } from './progress/progress-printer.js';
export { createProgressPrinter } from './progress/progress-printer.js';
export type { EarlyStopResult } from './results/early-stop-schema.js';
export { EarlyStopSchema, sequenceIsEmpty } from './results/early-stop-schema.js';
export type {
  GenerationSummary,
  JudgeSummary,
  MetricSummary,
  ModelComparison,
  ModelResult,
  MultipleChoiceSummary,
  PositiveClassSummary,
  RunResults,
  ServedModelMismatch,
  ServiceStats,
  ThresholdResult,
} from './results/run-results-schema.js';
export { RunResultsSchema } from './results/run-results-schema.js';
export { summaryTable } from './terminal/summary-table.js';
export { textTable } from './terminal/text-table.js';
export { costWords, latencyWords, modelChoice } from './verdict/model-choice.js';
export {
  passQualifiers,
  SERVICE_METRIC_NAMES,
  servedModelMismatches,
} from './verdict/pass-qualifiers.js';
export type { RankingDecisionGap } from './verdict/ranking-decision.js';
export {
  RANKING_AUC_MIN,
  RANKING_GAP_MIN,
  rankingDecisionGap,
} from './verdict/ranking-decision.js';
export type { Verdict } from './verdict/verdict.js';
export { headlineMetric, runVerdict } from './verdict/verdict.js';
