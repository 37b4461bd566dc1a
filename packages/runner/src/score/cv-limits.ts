import { RunnerError } from '../errors.js';
import type { CvSpec } from './cv-spec.js';

/**
 * The most cross-validation folds one job may have (all repeats together): `assay score`'s
 * `--cv` and `assay run`'s `evaluation` alike. Each fold costs a pass over its rows and a
 * per-fold metric row, so `repeated-stratified:5x1000000` would run until killed.
 */
export const MAX_CV_FOLDS = 10_000;

/**
 * How many folds a CV spec makes, all repeats together (1 for `holdout`, 0 for `none`).
 *
 * @param spec - a parsed spec
 * @returns the fold count (may exceed `Number.MAX_SAFE_INTEGER` for absurd input; compare only)
 * @example
 * ```ts
 * cvFoldCount({ kind: 'repeated-stratified', k: 5, repeats: 3 }); // 15
 * ```
 */
export function cvFoldCount(spec: CvSpec): number {
  switch (spec.kind) {
    case 'none':
      return 0;
    case 'holdout':
      return 1;
    case 'repeated-stratified':
      return spec.k * spec.repeats;
    default:
      return spec.k;
  }
}

/**
 * Refuses a CV spec with more than {@link MAX_CV_FOLDS} folds, before any fold is built.
 *
 * @param spec - a parsed spec
 * @param text - the spec as written (`--cv` value), for the message
 * @throws {@link RunnerError} `INVALID_CV_SPEC` (path `cv`) naming the fold count and the limit
 * @example
 * ```ts
 * checkCvFoldCount({ kind: 'kfold', k: 5 }, 'kfold:5'); // undefined (5 folds are allowed)
 * ```
 */
export function checkCvFoldCount(spec: CvSpec, text: string): void {
  const folds = cvFoldCount(spec);
  if (folds <= MAX_CV_FOLDS) return;
  const how =
    spec.kind === 'repeated-stratified'
      ? `${spec.k} folds × ${spec.repeats} repeats = ${folds.toLocaleString('en-US')} folds`
      : `${folds.toLocaleString('en-US')} folds`;
  throw new RunnerError(
    'INVALID_CV_SPEC',
    `--cv "${text}" asks for ${how}, above the limit of ${MAX_CV_FOLDS.toLocaleString('en-US')} folds per job; use fewer folds${spec.kind === 'repeated-stratified' ? ' or repeats' : ''}.`,
    { path: 'cv' },
  );
}
