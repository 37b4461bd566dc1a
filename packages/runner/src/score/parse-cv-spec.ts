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
      throw bad(spec, `unknown kind "${kind}"`);
  }
}
