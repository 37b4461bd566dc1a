export { meanStd } from './descriptive/mean-std.js';
export { normalCdf, normalQuantile } from './distributions/normal.js';
export type { StatsErrorCode } from './errors.js';
export { StatsError } from './errors.js';
export type { BcaIntervalOptions } from './intervals/bca-interval.js';
export { bcaInterval } from './intervals/bca-interval.js';
export { percentileInterval, percentileIntervalOfSorted } from './intervals/percentile-interval.js';
export { quantileInterval } from './intervals/quantile-interval.js';
export { wilsonInterval } from './intervals/wilson-interval.js';
export { benjaminiHochbergAdjust } from './multiple-testing/benjamini-hochberg.js';
export { holmAdjust } from './multiple-testing/holm.js';
export type { PercentileSummary } from './quantiles/percentiles.js';
export { percentiles, summarizePercentiles } from './quantiles/percentiles.js';
export { percentileSorted, quantileSorted } from './quantiles/quantile-sorted.js';
export { sortDefined } from './quantiles/sort-defined.js';
export type { KappaInterval, KappaIntervalOptions } from './resampling/kappa-interval.js';
export { kappaInterval } from './resampling/kappa-interval.js';
export type { PairedBootstrapOptions } from './resampling/paired-bootstrap.js';
export { pairedBootstrap } from './resampling/paired-bootstrap.js';
export type {
  PairedBootstrapResult,
  PairedReplicatesOptions,
} from './resampling/paired-bootstrap-from-replicates.js';
export { pairedBootstrapFromReplicates } from './resampling/paired-bootstrap-from-replicates.js';
export type { PercentileBootstrapOptions } from './resampling/percentile-bootstrap.js';
export { percentileBootstrapInterval } from './resampling/percentile-bootstrap.js';
export type { RoundingTies, RoundingTiesOptions } from './resampling/rounding-ties.js';
export { differenceScale, snapRoundingTies } from './resampling/rounding-ties.js';
export type { BettingSequenceOptions } from './sequences/betting-sequence.js';
export {
  BettingSequence,
  bettingConfidenceSequence,
} from './sequences/betting-sequence.js';
export type {
  ConfidenceSequenceMethod,
  MeanSequenceOptions,
} from './sequences/difference-sequence.js';
export {
  createConfidenceSequence,
  differenceConfidenceSequence,
} from './sequences/difference-sequence.js';
export {
  EmpiricalBernsteinSequence,
  empiricalBernsteinConfidenceSequence,
} from './sequences/empirical-bernstein-sequence.js';
export type {
  ConfidenceSequenceOptions,
  MeanSequence,
  SequenceInterval,
} from './sequences/sequence-interval.js';
export { binomialTestHalf } from './tests/binomial-test.js';
export type { McNemarResult } from './tests/mcnemar.js';
export { mcnemarExact } from './tests/mcnemar.js';
export type {
  PairedPermutationOptions,
  PairedPermutationResult,
} from './tests/paired-permutation.js';
export { pairedPermutationTest } from './tests/paired-permutation.js';
