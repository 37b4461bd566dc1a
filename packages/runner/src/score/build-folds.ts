import {
  GroupKFold,
  KFold,
  onSplitWarning,
  RepeatedStratifiedKFold,
  ShuffleSplit,
  type Split,
  SplitError,
  StratifiedGroupKFold,
  StratifiedKFold,
  TimeSeriesSplit,
  trainTestSplit,
} from '@assay/splitters';
import { RunnerError } from '../errors.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import { addWarnings } from './add-warning.js';
import type { CvSpec } from './parse-cv-spec.js';
import type { ScoreColumns } from './score-columns.js';

/**
 * One set of disjoint test folds over the rows (one repeat of a repeated
 * splitter): `ids[i]` is the fold (numbered from `offset`) that tests row `i`,
 * or -1 when no fold of this repeat tests it.
 */
export interface Folding {
  /**
   * Global fold number per row, -1 for rows never tested (shared memory); one
   * byte per row for the runner's own stratified folds.
   */
  readonly ids: Int32Array | Int8Array;
  /** Global number of this repeat's first fold. */
  readonly offset: number;
  /** Train and test sizes of each fold. */
  readonly splits: readonly { readonly nTrain: number; readonly nTest: number }[];
}

function tooFew(spec: string, n: number, need: number): RunnerError {
  return new RunnerError(
    'TOO_FEW_ROWS',
    `--cv ${spec} needs at least ${need} rows but only ${n} are left to score; use fewer folds or more rows.`,
    { path: 'cv' },
  );
}

function fromFoldIds(ids: Int32Array, nFolds: number, offset: number): Folding {
  const shared = sharedInt32(ids.length);
  const nTest = new Array<number>(nFolds).fill(0);
  let tested = 0;
  for (let i = 0; i < ids.length; i++) {
    const f = ids[i]!;
    if (f >= 0) {
      nTest[f]!++;
      tested++;
      shared[i] = f + offset;
    } else {
      shared[i] = -1;
    }
  }
  return {
    ids: shared,
    offset,
    splits: nTest.map((t) => ({ nTrain: tested - t, nTest: t })),
  };
}

function fromSplits(n: number, splits: Iterable<Split>, offset: number): Folding {
  const ids = sharedInt32(n).fill(-1);
  const sizes: { nTrain: number; nTest: number }[] = [];
  for (const { train, test } of splits) {
    const f = offset + sizes.length;
    for (let i = 0; i < test.length; i++) ids[test[i]!] = f;
    sizes.push({ nTrain: train.length, nTest: test.length });
  }
  return { ids, offset, splits: sizes };
}

/**
 * Builds the test-fold assignment of a CV spec with `@assay/splitters`.
 * `kfold`, `stratified`, `stratified-group`, `repeated-stratified` and
 * `holdout` shuffle with `seed` (all but `repeated-stratified` keep row order given
 * `shuffle: false`, as scikit-learn's `shuffle=False`); `group` and `timeseries` keep row order.
 *
 * @param spec - the parsed `--cv`
 * @param columns - the job's columns (labels for stratification, groups)
 * @param seed - the shuffle seed
 * @param text - the spec as written, for messages
 * @param warnings - receives the splitter's warnings (`--cv stratified:5: the least populated
 *   class in y has only 3 members, which is less than n_splits=5.`)
 * @returns one {@link Folding} per repeat (empty for `none`)
 * @throws {@link RunnerError} `TOO_FEW_ROWS`, `INVALID_OPTION` (group CV without groups);
 *   `SplitError` from the splitter (e.g. a class smaller than K)
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * const warnings = [];
 * const [folding] = buildFolds({ kind: 'kfold', k: 2, shuffle: false }, columns, 0, 'kfold:2', warnings);
 * folding.ids; // Int32Array [0, 0, 1, 1]: contiguous blocks, as KFold(2)
 * folding.splits; // [{ nTrain: 2, nTest: 2 }, { nTrain: 2, nTest: 2 }]
 * ```
 */
export function buildFolds(
  spec: CvSpec,
  columns: ScoreColumns,
  seed: number,
  text: string,
  warnings?: string[],
): Folding[] {
  // a splitter's warnings (a class smaller than K) go out on a diagnostics channel
  const off = onSplitWarning((w) => {
    // in scikit-learn's words (n_splits), not the splitter option's (nSplits)
    const message = w.message.replace('nSplits=', 'n_splits=');
    const warning = `--cv ${text}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
    if (warnings !== undefined) addWarnings(warnings, [warning]);
  });
  try {
    return splitFolds(spec, columns, seed, text);
  } catch (error) {
    throw error instanceof SplitError ? asCvError(error, text) : error;
  } finally {
    off();
  }
}

/** What a split lacks when no fold count can be advised, by the splitter error's code. */
const LACKING: Readonly<Record<string, string>> = {
  CLASS_TOO_SMALL: 'no class has 2 rows, too few for this split',
  TOO_FEW_GROUPS: 'fewer than 2 distinct groups, too few for this split',
};

/**
 * A splitter's error in the words of `--cv`: it names its class and `nSplits`
 * (`StratifiedKFold: nSplits=2 ... use nSplits <= 3`), which the user never wrote. A bound of 2
 * or more becomes a fold count; a bound below 2 (`use nSplits <= 1`, from splitters before they
 * said it otherwise) and a splitter's "X needs at least 3 rows" are no fold count to advise, since
 * no split has fewer than 2 folds: they say what the data lacks and to score without a split.
 *
 * @example
 * ```ts
 * const error = new SplitError('TOO_FEW_GROUPS', 'GroupKFold: cannot have nSplits=3 greater than the number of distinct groups 1; GroupKFold needs at least 2 distinct groups.', 'options.nSplits');
 * asCvError(error, 'group:3').message;
 * // '--cv group:3: cannot have nSplits=3 greater than the number of distinct groups 1; this split needs at least 2 distinct groups: add data or score without one (--cv none).'
 * ```
 */
export function asCvError(error: SplitError, text: string): SplitError {
  const body = error.message.replace(/^[A-Za-z]+: /, '');
  const withoutSplit = 'score without one (--cv none).';
  const most = /use nSplits <= (\d+)\.?$/.exec(body);
  // the splitters' words for a bound below 2: `StratifiedKFold needs a class with at least 2 members.`
  const needs = /[A-Z][A-Za-z]+ needs ((?:at least \d+|a class with at least \d+) [^.;]+)\.?$/.exec(
    body,
  );
  let message = body;
  if (most !== null) {
    const advice =
      Number(most[1]) >= 2
        ? `use at most ${most[1]} folds.`
        : `there are ${LACKING[error.code] ?? 'too few rows for this split'}; ${withoutSplit}`;
    message = body.replace(most[0], advice);
  } else if (needs !== null) {
    message = body.replace(needs[0], `this split needs ${needs[1]}: add data or ${withoutSplit}`);
  }
  return new SplitError(error.code, `--cv ${text}: ${message}`, error.path);
}

/** A splitter's shuffle options: seeded, or none at all (a seed without a shuffle is refused). */
function shuffling(
  spec: { readonly shuffle?: boolean },
  seed: number,
): { shuffle: boolean; randomState?: number } {
  return spec.shuffle === false ? { shuffle: false } : { shuffle: true, randomState: seed };
}

function splitFolds(spec: CvSpec, columns: ScoreColumns, seed: number, text: string): Folding[] {
  const n = columns.n;
  const stratifyBy = columns.task === 'classification' ? columns.yTrue : undefined;
  const needGroups = () => {
    if (columns.group === null) {
      throw new RunnerError(
        'INVALID_OPTION',
        `--cv ${text} splits by group; pass --group COL (group) naming the group column.`,
        { path: 'group' },
      );
    }
    return columns.group;
  };
  const needLabels = () => {
    if (stratifyBy === undefined) {
      throw new RunnerError(
        'INVALID_OPTION',
        `--cv ${text} stratifies by class but the task is regression; use kfold:K.`,
        { path: 'cv' },
      );
    }
    return stratifyBy;
  };
  switch (spec.kind) {
    case 'none':
      return [];
    case 'kfold':
      if (n < spec.k) throw tooFew(text, n, spec.k);
      return [
        fromFoldIds(
          new KFold({ nSplits: spec.k, ...shuffling(spec, seed) }).foldIds({ n }),
          spec.k,
          0,
        ),
      ];
    case 'stratified': {
      if (n < spec.k) throw tooFew(text, n, spec.k);
      const y = needLabels();
      const cv = new StratifiedKFold({ nSplits: spec.k, ...shuffling(spec, seed) });
      return [fromFoldIds(cv.foldIds({ y }), spec.k, 0)];
    }
    case 'group': {
      if (n < spec.k) throw tooFew(text, n, spec.k);
      const groups = needGroups();
      return [fromFoldIds(new GroupKFold({ nSplits: spec.k }).foldIds({ groups }), spec.k, 0)];
    }
    case 'stratified-group': {
      if (n < spec.k) throw tooFew(text, n, spec.k);
      const y = needLabels();
      const groups = needGroups();
      const cv = new StratifiedGroupKFold({ nSplits: spec.k, ...shuffling(spec, seed) });
      return [fromFoldIds(cv.foldIds({ y, groups }), spec.k, 0)];
    }
    case 'repeated-stratified': {
      if (n < spec.k) throw tooFew(text, n, spec.k);
      const y = needLabels();
      const cv = new RepeatedStratifiedKFold({
        nSplits: spec.k,
        nRepeats: spec.repeats,
        randomState: seed,
      });
      return cv.foldIdsPerRepeat({ y }).map((ids, r) => fromFoldIds(ids, spec.k, r * spec.k));
    }
    case 'holdout': {
      if (n < 2) throw tooFew(text, n, 2);
      if (spec.shuffle === false) {
        // train_test_split(shuffle=False): the first rows train, the last ceil(F * n) test
        return [fromSplits(n, [trainTestSplit(n, { testSize: spec.testSize, shuffle: false })], 0)];
      }
      const cv = new ShuffleSplit({ nSplits: 1, testSize: spec.testSize, randomState: seed });
      return [fromSplits(n, cv.split({ n }), 0)];
    }
    case 'timeseries': {
      if (n < spec.k + 1) throw tooFew(text, n, spec.k + 1);
      return [fromSplits(n, new TimeSeriesSplit({ nSplits: spec.k }).split({ n }), 0)];
    }
  }
}
