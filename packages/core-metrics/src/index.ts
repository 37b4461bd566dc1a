// Classification (label) metrics.
export type { ConfusionAccumulatorJSON } from './accumulators/confusion-accumulator.js';
export { ConfusionAccumulator } from './accumulators/confusion-accumulator.js';
export {
  accuracyFromConfusion,
  errorRateFromConfusion,
} from './classification/accuracy-from-confusion.js';
export type { AccuracyOptions } from './classification/accuracy-score.js';
export { accuracyScore } from './classification/accuracy-score.js';
export type { Average, ZeroDivision } from './classification/average-option.js';
export { balancedAccuracyFromConfusion } from './classification/balanced-accuracy-from-confusion.js';
export { balancedAccuracyScore } from './classification/balanced-accuracy-score.js';
export type {
  ClassificationReport,
  ClassificationReportOptions,
  ClassificationReportRow,
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
export { jaccardFromConfusion } from './classification/jaccard-from-confusion.js';
export { jaccardScore } from './classification/jaccard-score.js';
export { matthewsCorrcoef } from './classification/matthews-corrcoef.js';
export { matthewsCorrcoefFromConfusion } from './classification/matthews-corrcoef-from-confusion.js';
export type {
  PrecisionRecallFscoreConfusionOptions,
  PrecisionRecallFscoreSupport,
  SetWiseConfusionOptions,
  WarnFor,
} from './classification/precision-recall-fscore-from-confusion.js';
export { precisionRecallFscoreSupportFromConfusion } from './classification/precision-recall-fscore-from-confusion.js';
export type { PrecisionRecallFscoreSupportOptions } from './classification/precision-recall-fscore-support.js';
export { precisionRecallFscoreSupport } from './classification/precision-recall-fscore-support.js';
export { precisionScore } from './classification/precision-score.js';
export { recallScore } from './classification/recall-score.js';
export type { SetWiseOptions } from './classification/set-wise-labels.js';
export { zeroOneLoss } from './classification/zero-one-loss.js';
export type { MetricInputErrorCode } from './errors.js';
export { MetricInputError } from './errors.js';
export type { ArrowVectorLike } from './input/arrow-vector.js';
export type { EncodedLabels, Label, LabelInput } from './input/encode-labels.js';
export { encodeLabels } from './input/encode-labels.js';
export type { NumericInput } from './input/numeric-column.js';
export {
  accumulateConfusion,
  accumulateConfusionByGroup,
} from './kernels/confusion-counts.js';
export type { MetricWarning } from './warnings.js';
export { METRIC_WARNING_CHANNEL, onMetricWarning } from './warnings.js';
