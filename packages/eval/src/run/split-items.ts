import {
  GroupKFold,
  KFold,
  RepeatedStratifiedKFold,
  ShuffleSplit,
  StratifiedKFold,
  StratifiedShuffleSplit,
  TimeSeriesSplit,
  trainTestSplit,
} from '@assay/splitters';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { EvaluationError } from '../errors.js';
import type { FoldSplit } from './plan.js';

/** The `evaluation` section as the splitter needs it. */
export interface SplitSpec {
  /** split method */
  method:
    | 'all'
    | 'holdout'
    | 'kfold'
    | 'stratified'
    | 'group'
    | 'repeated-stratified'
    | 'timeseries';
  /** folds */
  k: number;
  /** holdout test fraction */
  testSize: number;
  /** holdout: the test part's item ids (instead of a random testSize share) */
  testIds?: readonly string[] | undefined;
  /** repeats (repeated-stratified) */
  repeats: number;
  /** shuffle seed */
  seed: number;
  /**
   * false: `kfold`, `stratified` and `holdout` cut the items in data set order, as
   * scikit-learn's `shuffle=False` (default true)
   */
  shuffle?: boolean | undefined;
}

/**
 * Splits the dataset into folds with `@assay/splitters` (scikit-learn's
 * cross-validators): `all` (one fold 0 testing every item, an empty training part),
 * holdout (stratified shuffle split when labels exist),
 * shuffled k-fold, stratified k-fold, group k-fold (on the group column),
 * repeated stratified k-fold, or time-series split (dataset order). With `shuffle: false`,
 * k-fold and stratified k-fold keep the data set's order (scikit-learn's `shuffle=False`)
 * and holdout tests the last `ceil(testSize · n)` items (`train_test_split(shuffle=False)`,
 * which cannot stratify).
 *
 * @param items - the dataset
 * @param spec - method and parameters
 * @param stratify - whether labels are classes (classification tasks)
 * @returns folds numbered 0.. across repeats
 * @throws EvaluationError `INVALID_CV_SPEC` when the splitter rejects the data (too
 *   few items per class or group for `k`), naming `evaluation`
 * @example
 * splitItems(items, { method: 'stratified', k: 5, testSize: 0.2, repeats: 1, seed: 0 }, true).length; // 5
 */
export function splitItems(
  items: readonly DatasetItem[],
  spec: SplitSpec,
  stratify: boolean,
): FoldSplit[] {
  const n = items.length;
  const y = items.map((it) => it.label ?? '');
  const groups = items.map((it) => it.group ?? it.id);
  let foldsPerRepeat = spec.k;
  try {
    let splits: Iterable<{ train: Uint32Array; test: Uint32Array }>;
    switch (spec.method) {
      case 'all':
        // nothing to learn from (zero-shot): one fold that tests every item once
        foldsPerRepeat = 1;
        splits = [{ train: new Uint32Array(0), test: Uint32Array.from(items.keys()) }];
        break;
      case 'holdout':
        foldsPerRepeat = 1;
        splits = spec.testIds
          ? [namedHoldout(items, spec.testIds)]
          : spec.shuffle === false
            ? [trainTestSplit(n, { testSize: spec.testSize, shuffle: false })]
            : stratify
              ? new StratifiedShuffleSplit({
                  nSplits: 1,
                  testSize: spec.testSize,
                  randomState: spec.seed,
                }).split({ n, y })
              : new ShuffleSplit({
                  nSplits: 1,
                  testSize: spec.testSize,
                  randomState: spec.seed,
                }).split({ n });
        break;
      case 'kfold':
        splits = new KFold({ nSplits: spec.k, ...shuffleOf(spec) }).split({ n });
        break;
      case 'stratified':
        splits = stratify
          ? new StratifiedKFold({ nSplits: spec.k, ...shuffleOf(spec) }).split({ n, y })
          : new KFold({ nSplits: spec.k, ...shuffleOf(spec) }).split({ n });
        break;
      case 'group':
        splits = new GroupKFold({ nSplits: spec.k }).split({ n, groups });
        break;
      case 'repeated-stratified':
        splits = new RepeatedStratifiedKFold({
          nSplits: spec.k,
          nRepeats: spec.repeats,
          randomState: spec.seed,
        }).split({
          n,
          // without classes (regression values, free text) every item is one stratum
          y: stratify ? y : items.map(() => ''),
        });
        break;
      case 'timeseries':
        splits = new TimeSeriesSplit({ nSplits: spec.k }).split({ n });
        break;
    }
    return [...splits].map((s, i) => ({
      fold: i,
      repeat: Math.floor(i / foldsPerRepeat),
      train: s.train,
      test: s.test,
    }));
  } catch (error) {
    if (error instanceof EvaluationError) throw error;
    throw new EvaluationError(
      'INVALID_CV_SPEC',
      `Cannot split ${n} items with evaluation.method '${spec.method}' (k=${spec.k}): ${(error as Error).message}`,
      { path: 'evaluation', cause: error },
    );
  }
}

/** A splitter's shuffle options: seeded, or none (the splitters refuse a seed without a shuffle). */
function shuffleOf(spec: SplitSpec): { shuffle: boolean; randomState?: number } {
  return spec.shuffle === false ? { shuffle: false } : { shuffle: true, randomState: spec.seed };
}

/** A holdout whose test part is the named items; an id the items lack is an error naming it. */
function namedHoldout(
  items: readonly DatasetItem[],
  testIds: readonly string[],
): { train: Uint32Array; test: Uint32Array } {
  const wanted = new Set(testIds);
  const test: number[] = [];
  const train: number[] = [];
  items.forEach((it, i) => {
    (wanted.has(it.id) ? test : train).push(i);
  });
  if (test.length !== wanted.size) {
    const have = new Set(items.map((it) => it.id));
    const missing = testIds.find((id) => !have.has(id));
    throw new EvaluationError(
      'INVALID_CONFIG',
      `evaluation.testIds names '${missing}', which is not among the loaded items; the test part must be items of the data set (after dataset.limit and dataset.ids).`,
      { path: 'evaluation.testIds' },
    );
  }
  return { train: Uint32Array.from(train), test: Uint32Array.from(test) };
}
