export type { ArrowVectorLike } from '@assay/labels';
export type { SplitErrorCode } from './errors.js';
export { SplitError } from './errors.js';
export type {
  ClassOrder,
  EncodedLabels,
  EncodeOptions,
  Label,
  LabelInput,
} from './input/encode-labels.js';
export { encodeLabels } from './input/encode-labels.js';
export { foldSizes, splitFromFoldIds, splitsFromFoldIds } from './kernels/fold-ids-split.js';
export { createRng } from './random/create-rng.js';
export { drawIndices } from './random/draw-indices.js';
export { DEFAULT_RANDOM_STATE, repeatSeed } from './random/seed.js';
export type { ShuffleTarget } from './random/shuffle.js';
export { permutation, shuffleInPlace } from './random/shuffle.js';
export { SHORT_RANGE_LIMIT, shuffleShortRange } from './random/shuffle-short-range.js';
export type { Rng, ShuffleableTypedArray } from './random/xoshiro128.js';
export type { BootstrapSample, BootstrapSampleOptions } from './sampling/bootstrap-sample.js';
export { bootstrapSample } from './sampling/bootstrap-sample.js';
export type { TrainTestSplitOptions } from './sampling/train-test-split.js';
export { trainTestSplit } from './sampling/train-test-split.js';
export type { GroupKFoldOptions } from './splitters/group-k-fold.js';
export { GroupKFold } from './splitters/group-k-fold.js';
export { GroupShuffleSplit } from './splitters/group-shuffle-split.js';
export { KFold } from './splitters/k-fold.js';
export type { KFoldOptions } from './splitters/k-fold-options.js';
export { LeaveOneGroupOut } from './splitters/leave-one-group-out.js';
export { LeaveOneOut } from './splitters/leave-one-out.js';
export type { LeavePGroupsOutOptions } from './splitters/leave-p-groups-out.js';
export { LeavePGroupsOut } from './splitters/leave-p-groups-out.js';
export type { LeavePOutOptions } from './splitters/leave-p-out.js';
export { LeavePOut } from './splitters/leave-p-out.js';
export type { PredefinedSplitOptions } from './splitters/predefined-split.js';
export { PredefinedSplit } from './splitters/predefined-split.js';
export { RepeatedKFold } from './splitters/repeated-k-fold.js';
export type { RepeatedKFoldOptions } from './splitters/repeated-options.js';
export { RepeatedStratifiedKFold } from './splitters/repeated-stratified-k-fold.js';
export { ShuffleSplit } from './splitters/shuffle-split.js';
export type { ShuffleSplitOptions } from './splitters/shuffle-split-options.js';
export { StratifiedGroupKFold } from './splitters/stratified-group-k-fold.js';
export { StratifiedKFold } from './splitters/stratified-k-fold.js';
export { StratifiedShuffleSplit } from './splitters/stratified-shuffle-split.js';
export type { TimeSeriesSplitOptions } from './splitters/time-series-split.js';
export { TimeSeriesSplit } from './splitters/time-series-split.js';
export type {
  CrossValidator,
  FoldIdCrossValidator,
  Split,
  SplitInput,
  SplitInputLike,
} from './types.js';
export type { SplitWarning } from './warnings.js';
export { onSplitWarning, SPLIT_WARNING_CHANNEL } from './warnings.js';
