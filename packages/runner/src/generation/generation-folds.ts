import { RunnerError } from '../errors.js';
import { buildFolds, type Folding } from '../score/build-folds.js';
import type { CvSpec } from '../score/cv-spec.js';
import { fromFoldIdArray } from '../score/fold-ids-input.js';
import { cvShuffled, resolveCvSpec, unusedCvOptionWarnings } from '../score/parse-cv-spec.js';
import type { ScoreColumns } from '../score/score-columns.js';

/** What {@link generationFolds} reads. */
export interface GenerationFoldRequest {
  readonly cv?: string | CvSpec | undefined;
  /** False to keep row order in `kfold:K` and `holdout:F` (default true). */
  readonly shuffle?: boolean | undefined;
  readonly foldIds?: ArrayLike<number> | undefined;
  readonly n: number;
  readonly group: Int32Array | null;
  readonly groupValues: readonly (string | number)[];
  readonly seed: number;
  /** Rows dropped for a missing value (fold ids would no longer line up). */
  readonly dropped: number;
}

const STRATIFIED = new Set(['stratified', 'stratified-group', 'repeated-stratified']);

/**
 * The cross-validation folds of a generation job, from `foldIds` or a `cv` spec, with the
 * splitters classification uses (`kfold:K` and `holdout:F` shuffled with `seed` unless
 * `shuffle` is false, `group:K`
 * over the group column, `timeseries:K` in row order).
 *
 * @param request - the spec or ids, the rows, the groups and the seed
 * @returns the CV text for the report, whether the folds were shuffled (where the kind
 *   shuffles) and one folding per repeat (none without CV)
 * @throws {@link RunnerError} `INVALID_CV_SPEC` for a bad spec or a stratified one (outputs
 *   have no classes to stratify by), `INVALID_OPTION` for bad fold ids or fold ids with
 *   dropped rows, `TOO_FEW_ROWS`
 * @example
 * const plan = await generationFolds({ cv: 'kfold:5', n: 100, group: null, groupValues: [], seed: 7, dropped: 0 });
 * plan.foldings[0].splits.length; // 5
 * plan.foldings[0].splits[0]; // { nTrain: 80, nTest: 20 }
 */
export function generationFolds(request: GenerationFoldRequest): {
  cvText: string;
  shuffle?: boolean | undefined;
  foldings: Folding[];
  warnings?: string[];
} {
  const { n, seed } = request;
  const unused = (spec: CvSpec | undefined, cvText: string) =>
    unusedCvOptionWarnings(spec, cvText, {
      group: request.group !== null,
      shuffle: request.shuffle,
    });
  if (request.foldIds !== undefined) {
    if (request.dropped > 0) {
      throw new RunnerError(
        'INVALID_OPTION',
        'foldIds cannot be combined with dropMissing: the fold ids would no longer line up with the rows; drop the rows before assigning folds.',
        { path: 'foldIds' },
      );
    }
    return {
      cvText: 'foldIds',
      foldings: [fromFoldIdArray(request.foldIds, n)],
      warnings: unused(undefined, 'foldIds'),
    };
  }
  const { spec, cvText } = resolveCvSpec(request.cv, request.shuffle);
  if (STRATIFIED.has(spec.kind)) {
    throw new RunnerError(
      'INVALID_CV_SPEC',
      `--cv ${cvText} stratifies by class, but generation outputs have no classes; use kfold:K, group:K, holdout:F or timeseries:K.`,
      { path: 'cv' },
    );
  }
  if (spec.kind === 'none') return { cvText, foldings: [], warnings: unused(spec, cvText) };
  // the splitters read only the row count and the groups of the columns
  const empty = new Int32Array(new SharedArrayBuffer(0));
  const columns: ScoreColumns = {
    n,
    task: 'regression',
    classes: [],
    yTrue: empty,
    yPred: empty,
    isPositive: null,
    yTrueValues: null,
    yPredValues: null,
    yScore: null,
    yProba: null,
    weight: null,
    group: request.group,
    groupValues: request.groupValues,
    slice: null,
    sliceValues: [],
  };
  const warnings = unused(spec, cvText);
  const foldings = buildFolds(spec, columns, seed, cvText, warnings);
  return { cvText, shuffle: cvShuffled(spec), foldings, warnings };
}
