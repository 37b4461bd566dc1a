export { meanStd } from './descriptive/mean-std.js';
export type { StatsErrorCode } from './errors.js';
export { StatsError } from './errors.js';
export { percentileInterval } from './intervals/percentile-interval.js';
export { benjaminiHochbergAdjust } from './multiple-testing/benjamini-hochberg.js';
export { holmAdjust } from './multiple-testing/holm.js';
export type { PercentileSummary } from './quantiles/percentiles.js';
export { percentiles, summarizePercentiles } from './quantiles/percentiles.js';
export { percentileSorted, quantileSorted } from './quantiles/quantile-sorted.js';
