// Classification (label) metrics.

export type { ArrowVectorLike } from '@assay/labels';
export type { ConfusionAccumulatorJSON } from './accumulators/confusion-accumulator.js';
export { ConfusionAccumulator } from './accumulators/confusion-accumulator.js';
export type {
  ForceFiniteOptions,
  RegressionAccumulatorOptions,
} from './accumulators/regression-accumulator.js';
export { RegressionAccumulator } from './accumulators/regression-accumulator.js';
export type { RegressionAccumulatorJSON } from './accumulators/regression-accumulator-json.js';
export { markOneShot } from './accumulators/zero-weight-error.js';
export {
  accuracyFromConfusion,
  errorRateFromConfusion,
} from './classification/accuracy-from-confusion.js';
export type { AccuracyOptions } from './classification/accuracy-score.js';
export { accuracyScore } from './classification/accuracy-score.js';
export type { Average, AveragingMethod, ZeroDivision } from './classification/average-option.js';
export { balancedAccuracyFromConfusion } from './classification/balanced-accuracy-from-confusion.js';
export { balancedAccuracyScore } from './classification/balanced-accuracy-score.js';
export type {
  ClassificationReport,
  ClassificationReportOptions,
} from './classification/classification-report.js';
export { classificationReport } from './classification/classification-report.js';
export type { KappaWeights } from './classification/cohen-kappa-from-confusion.js';
export { cohenKappaFromConfusion } from './classification/cohen-kappa-from-confusion.js';
export type { CohenKappaOptions } from './classification/cohen-kappa-score.js';
export { cohenKappaScore } from './classification/cohen-kappa-score.js';
export type {
  ConfusionMatrixOptions,
  ConfusionNormalize,
} from './classification/confusion-matrix.js';
export { confusionMatrix } from './classification/confusion-matrix.js';
export { f1Score } from './classification/f1-score.js';
export type { FbetaScoreOptions } from './classification/fbeta-score.js';
export { fbetaScore } from './classification/fbeta-score.js';
export { hammingLoss } from './classification/hamming-loss.js';
export {
  jaccardFromConfusion,
  jaccardFromTallies,
} from './classification/jaccard-from-confusion.js';
export { jaccardScore } from './classification/jaccard-score.js';
export type { LabelTallies } from './classification/label-tallies.js';
export { matthewsCorrcoef } from './classification/matthews-corrcoef.js';
export { matthewsCorrcoefFromConfusion } from './classification/matthews-corrcoef-from-confusion.js';
export type {
  PrecisionRecallFscoreConfusionOptions,
  PrecisionRecallFscoreSupport,
  SetWiseConfusionOptions,
  WarnFor,
} from './classification/precision-recall-fscore-from-confusion.js';
export {
  precisionRecallFscoreSupportFromConfusion,
  precisionRecallFscoreSupportFromTallies,
} from './classification/precision-recall-fscore-from-confusion.js';
export type { PrecisionRecallFscoreSupportOptions } from './classification/precision-recall-fscore-support.js';
export { precisionRecallFscoreSupport } from './classification/precision-recall-fscore-support.js';
export { precisionScore } from './classification/precision-score.js';
export type { RatingPairs, RatingPairsOptions } from './classification/rating-pairs.js';
export { encodeRatingPairs } from './classification/rating-pairs.js';
export { recallScore } from './classification/recall-score.js';
export type { ClassificationReportRow } from './classification/report-row.js';
export type { SetWiseOptions } from './classification/set-wise-labels.js';
export {
  accuracyFromTallies,
  balancedAccuracyFromTallies,
  cohenKappaFromTallies,
  confusionTallies,
  matthewsCorrcoefFromTallies,
} from './classification/tally-metrics.js';
export { zeroOneLoss } from './classification/zero-one-loss.js';
export type { MetricInputErrorCode } from './errors.js';
export { MetricInputError } from './errors.js';
export type {
  EncodedLabels,
  EncodeLabelsOptions,
  Label,
  LabelInput,
} from './input/encode-labels.js';
export { encodeLabels } from './input/encode-labels.js';
export type { NumericInput } from './input/numeric-column.js';
export type { ScoreMatrixInput } from './input/score-matrix.js';
export { averagePrecisionKernel } from './kernels/average-precision.js';
export type { BinaryCurve } from './kernels/binary-curve.js';
export { binaryCurveKernel } from './kernels/binary-curve.js';
export { brierKernel } from './kernels/brier.js';
export {
  accumulateConfusion,
  accumulateConfusionByGroup,
  accumulateConfusionByGroupInt8,
} from './kernels/confusion-counts.js';
export { expectedCalibrationErrorKernel } from './kernels/expected-calibration-error.js';
export { logLossBinaryKernel, logLossKernel } from './kernels/log-loss.js';
export type { RowCounts } from './kernels/ordered-ranking.js';
export {
  averagePrecisionOrderedKernel,
  rocAucOrderedKernel,
} from './kernels/ordered-ranking.js';
export { radixSortFloat64 } from './kernels/radix-sort.js';
export { rocAucBinaryKernel } from './kernels/roc-auc.js';
export type { RankedValues, ScoreOrder } from './kernels/score-order.js';
export { inScoreOrder, scoreOrderKernel, scoreOrderMatches } from './kernels/score-order.js';
export { releaseSortScratch } from './kernels/scratch-pool.js';
export type { SetWiseQuantity } from './kernels/set-wise-score.js';
export { setWiseScoreKernel } from './kernels/set-wise-score.js';
export { topKAccuracyKernel } from './kernels/top-k-accuracy.js';
export type { AveragePrecisionScoreOptions } from './probabilistic/average-precision-score.js';
export { averagePrecisionScore } from './probabilistic/average-precision-score.js';
export type { BrierScoreLossOptions } from './probabilistic/brier-score-loss.js';
export { brierScoreLoss } from './probabilistic/brier-score-loss.js';
export type {
  CalibrationCurve,
  CalibrationCurveOptions,
} from './probabilistic/calibration-curve.js';
export { calibrationCurve } from './probabilistic/calibration-curve.js';
export type { ExpectedCalibrationErrorOptions } from './probabilistic/expected-calibration-error.js';
export { expectedCalibrationError } from './probabilistic/expected-calibration-error.js';
export type { LogLossOptions } from './probabilistic/log-loss.js';
export { logLoss } from './probabilistic/log-loss.js';
export type {
  PrecisionRecallCurve,
  PrecisionRecallCurveOptions,
} from './probabilistic/precision-recall-curve.js';
export { precisionRecallCurve } from './probabilistic/precision-recall-curve.js';
export type { RocAucScoreOptions } from './probabilistic/roc-auc-score.js';
export { rocAucScore } from './probabilistic/roc-auc-score.js';
export type { RocCurve, RocCurveOptions } from './probabilistic/roc-curve.js';
export { rocCurve } from './probabilistic/roc-curve.js';
export type { TopKAccuracyScoreOptions } from './probabilistic/top-k-accuracy-score.js';
export { topKAccuracyScore } from './probabilistic/top-k-accuracy-score.js';
export { explainedVarianceScore } from './regression/explained-variance-score.js';
export { maxError } from './regression/max-error.js';
export { meanAbsoluteError } from './regression/mean-absolute-error.js';
export { meanAbsolutePercentageError } from './regression/mean-absolute-percentage-error.js';
export type { MeanSquaredErrorOptions } from './regression/mean-squared-error.js';
export { meanSquaredError } from './regression/mean-squared-error.js';
export { meanSquaredLogError } from './regression/mean-squared-log-error.js';
export { medianAbsoluteError } from './regression/median-absolute-error.js';
export { r2Score } from './regression/r2-score.js';
export type { RegressionOptions } from './regression/regression-inputs.js';
export { rootMeanSquaredError } from './regression/root-mean-squared-error.js';
export type { MetricWarning } from './warnings.js';
export { METRIC_WARNING_CHANNEL, onMetricWarning } from './warnings.js';
