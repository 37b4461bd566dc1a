export type { MetricInputErrorCode } from './errors.js';
export { MetricInputError } from './errors.js';
export type { ArrowVectorLike } from './input/arrow-vector.js';
export type { EncodedLabels, Label, LabelInput } from './input/encode-labels.js';
export { encodeLabels } from './input/encode-labels.js';
export type { NumericInput } from './input/numeric-column.js';
export type { MetricWarning } from './warnings.js';
export { METRIC_WARNING_CHANNEL, onMetricWarning } from './warnings.js';
