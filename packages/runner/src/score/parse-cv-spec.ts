import { closestName } from '@assay/labels';
import { RunnerError } from '../errors.js';
import { checkCvFoldCount } from './cv-limits.js';
import type { CvSpec } from './cv-spec.js';

export type { CvSpec } from './cv-spec.js';

/** The accepted `--cv` forms, for help and error messages. */
export const CV_SPEC_FORMS =
  'none, kfold:K, stratified:K, group:K, stratified-group:K, repeated-stratified:KxR, holdout:F (0 < F < 1), timeseries:K';

function bad(spec: string, why: string): RunnerError {
  return new RunnerError(
    'INVALID_CV_SPEC',
    `--cv "${spec}" is invalid: ${why}; use one of ${CV_SPEC_FORMS}.`,
    { path: 'cv' },
  );
}

function parseK(spec: string, text: string | undefined, what = 'K'): number {
  if (text === undefined || !/^\d+$/.test(text)) throw bad(spec, `${what} must be a whole number`);
  const k = Number(text);
  if (!Number.isSafeInteger(k)) throw bad(spec, `${what} is too large (got ${text})`);
  if (k < 2) throw bad(spec, `${what} must be at least 2 (got ${k})`);
  return k;
}

const CV_KINDS = [
  'none',
  'kfold',
  'stratified',
  'group',
  'stratified-group',
  'repeated-stratified',
  'holdout',
  'timeseries',
];

/**
 * ` (did you mean "kfold:5"?)` for a mistyped kind: a close spelling (`stratifed`,
 * `stratified_group`), or a known kind with its count run on without the colon (`kfold5`).
 */
function didYouMeanCv(kind: string, arg: string | undefined): string {
  const runOn = /^([a-z_-]+?)[=\s]?(\d+(?:x\d+)?|0?\.\d+)$/.exec(kind);
  const [word, count] = runOn === null ? [kind, arg] : [runOn[1]!, runOn[2]!];
  // a known kind run on with its count (`kfold5`) is itself the suggestion
  let near = CV_KINDS.includes(word) ? word : closestName(word, CV_KINDS);
  if (near === undefined || near === 'none') return '';
  // stratified5x3: the KxR form is the repeated kind's
  if (count?.includes('x') && near === 'stratified') near = 'repeated-stratified';
  const form = near === 'holdout' ? 'F' : near === 'repeated-stratified' ? 'KxR' : 'K';
  return ` (did you mean "${near}:${count ?? form}"?)`;
}

/**
 * Parses a cross-validation specification such as `stratified:5`,
 * `repeated-stratified:5x3` or `holdout:0.2`.
 *
 * @param spec - the text of `--cv` (case-insensitive)
 * @returns the parsed spec
 * @throws {@link RunnerError} `INVALID_CV_SPEC` naming what is wrong and the valid forms, or
 *   the fold count when it exceeds `MAX_CV_FOLDS` (10,000, all repeats together)
 * @example
 * ```ts
 * parseCvSpec('repeated-stratified:5x2'); // { kind: 'repeated-stratified', k: 5, repeats: 2 }
 * ```
 */
export function parseCvSpec(spec: string): CvSpec {
  const parsed = parseCvText(spec);
  checkCvFoldCount(parsed, spec);
  return parsed;
}

function parseCvText(spec: string): CvSpec {
  const text = spec.trim().toLowerCase();
  if (text === '' || text === 'none') return { kind: 'none' };
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const arg = colon < 0 ? undefined : text.slice(colon + 1);
  switch (kind) {
    case 'kfold':
    case 'stratified':
    case 'group':
    case 'stratified-group':
    case 'timeseries':
      return { kind, k: parseK(spec, arg) };
    case 'repeated-stratified': {
      const match = arg === undefined ? null : /^(\d+)x(\d+)$/.exec(arg);
      if (match === null || Number(match[2]) < 1) {
        throw bad(spec, 'expected KxR with R >= 1, as in repeated-stratified:5x3');
      }
      if (!Number.isSafeInteger(Number(match[2]))) {
        throw bad(spec, `R is too large (got ${match[2]})`);
      }
      return {
        kind,
        k: parseK(spec, match[1]),
        repeats: Math.max(1, Number(match[2])),
      };
    }
    case 'holdout': {
      const f = arg === undefined ? Number.NaN : Number(arg);
      if (!(f > 0 && f < 1)) throw bad(spec, 'the test fraction must be a number in (0, 1)');
      return { kind, testSize: f };
    }
    default:
      throw bad(spec, `unknown kind "${kind}"${didYouMeanCv(kind, arg)}`);
  }
}

/** The CV kinds whose folds depend on a shuffle that `shuffle: false` can turn off. */
const SHUFFLED_KINDS = new Set(['kfold', 'stratified', 'stratified-group', 'holdout']);

/**
 * Whether a spec's folds are shuffled, for the report: true or false for the kinds that
 * shuffle (`repeated-stratified` always does), undefined for those that keep row order
 * (`group`, `timeseries`) and for `none`.
 *
 * @param spec - a resolved spec
 * @returns the shuffle setting, or undefined where none applies
 * @example
 * ```ts
 * cvShuffled({ kind: 'kfold', k: 5, shuffle: false }); // false
 * ```
 */
export function cvShuffled(spec: CvSpec): boolean | undefined {
  if (spec.kind === 'repeated-stratified') return true;
  if (!SHUFFLED_KINDS.has(spec.kind)) return undefined;
  return (spec as { readonly shuffle?: boolean }).shuffle ?? true;
}

/**
 * The CV option of a scoring job as a checked spec and its text for the report: `cv` parsed
 * when it is text, checked against the fold limit, with `shuffle` applied.
 *
 * @param cv - `--cv` text, a parsed spec, or undefined (no CV)
 * @param shuffle - false to keep row order (scikit-learn's `shuffle=False`); default true
 * @returns the spec and the text the report and messages name it by
 * @throws {@link RunnerError} `INVALID_CV_SPEC` for a bad spec; `INVALID_OPTION` (path
 *   `shuffle`) for `shuffle: false` with `repeated-stratified`, which shuffles every repeat
 * @example
 * ```ts
 * resolveCvSpec('kfold:5', false).spec; // { kind: 'kfold', k: 5, shuffle: false }
 * ```
 */
export function resolveCvSpec(
  cv: string | CvSpec | undefined,
  shuffle: boolean | undefined,
): { spec: CvSpec; cvText: string } {
  const parsed = typeof cv === 'string' ? parseCvSpec(cv) : (cv ?? { kind: 'none' as const });
  const cvText = typeof cv === 'string' ? cv : parsed.kind;
  // a spec given as an object skipped the parser's check
  checkCvFoldCount(parsed, cvText);
  if (shuffle === undefined || shuffle) return { spec: parsed, cvText };
  if (parsed.kind === 'repeated-stratified') {
    throw new RunnerError(
      'INVALID_OPTION',
      `shuffle: false (--no-shuffle) cannot apply to --cv ${cvText}: every repeat is a new shuffle (scikit-learn's RepeatedStratifiedKFold has no shuffle=False); use stratified:${parsed.k} for one unshuffled split.`,
      { path: 'shuffle' },
    );
  }
  // group and timeseries folds keep row order already; none has no folds
  const spec = SHUFFLED_KINDS.has(parsed.kind) ? ({ ...parsed, shuffle: false } as CvSpec) : parsed;
  return { spec, cvText };
}

/**
 * Warnings for CV options that a job's folds do not use, so that they are not ignored in
 * silence: a group column outside group CV, and a `shuffle` given where nothing is shuffled
 * (no CV, `group`, `timeseries`, or folds given per row).
 *
 * @param spec - the resolved spec, or undefined when folds were given per row (`foldIds`)
 * @param cvText - the spec as written (`foldIds` for given folds)
 * @param options - whether a group column came, and the `shuffle` option
 * @returns the warnings (often none)
 * @example
 * ```ts
 * unusedCvOptionWarnings({ kind: 'none' }, 'none', { group: false, shuffle: false });
 * // ['shuffle: false (--no-shuffle) has no effect with --cv none: …']
 * ```
 */
export function unusedCvOptionWarnings(
  spec: CvSpec | undefined,
  cvText: string,
  options: { readonly group: boolean; readonly shuffle: boolean | undefined },
): string[] {
  const kind = spec?.kind;
  const cv = spec === undefined ? 'folds given per row (--folds, foldIds)' : `--cv ${cvText}`;
  const warnings: string[] = [];
  if (options.group && kind !== 'group' && kind !== 'stratified-group') {
    warnings.push(
      `--group is used only by --cv group:K or stratified-group:K; with ${cv} the groups were ignored.`,
    );
  }
  if (options.shuffle !== undefined && (spec === undefined || cvShuffled(spec) === undefined)) {
    const why = kind === 'none' ? 'there are no folds' : 'these folds are not drawn at random';
    const flag = options.shuffle ? 'shuffle: true (--shuffle)' : 'shuffle: false (--no-shuffle)';
    warnings.push(`${flag} has no effect with ${cv}: ${why}.`);
  }
  return warnings;
}
