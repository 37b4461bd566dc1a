import { closestName, describeValue } from '@assay/labels';
import { RunnerError } from './errors.js';

/**
 * Other libraries' names of the runner's options (scikit-learn, SciPy's `bootstrap`,
 * sacrebleu, rouge-score, joblib), compared as `closestName` compares names: lower case
 * without `_`, `-`, `.` or spaces. Each is suggested only where its runner name is an option
 * of the function called.
 */
const FOREIGN_NAMES: Readonly<Record<string, string>> = {
  nresamples: 'bootstrap',
  nbootstrap: 'bootstrap',
  nbootstraps: 'bootstrap',
  nboot: 'bootstrap',
  resamples: 'bootstrap',
  bootstraps: 'bootstrap',
  confidencelevel: 'ci',
  confidence: 'ci',
  cilevel: 'ci',
  level: 'ci',
  randomstate: 'seed',
  randomseed: 'seed',
  rng: 'seed',
  crossvalidation: 'cv',
  crossval: 'cv',
  cvspec: 'cv',
  method: 'interval',
  cimethod: 'interval',
  tokenize: 'bleuTokenize',
  tokenizer: 'bleuTokenize',
  usestemmer: 'stemmer',
  stemming: 'stemmer',
  njobs: 'workers',
  nworkers: 'workers',
  numworkers: 'workers',
  threads: 'workers',
  scoring: 'metrics',
  inputformat: 'format',
  dropna: 'dropMissing',
};

/** Valid names listed in full up to this many; a longer list is listed only without a suggestion. */
const SHORT_LIST = 8;

/**
 * The option a key that is not one most likely meant: another library's name for it, else
 * the closest valid name ({@link closestName}).
 *
 * @param key - the unknown key as written
 * @param valid - the function's option names
 * @returns the suggested option name, or undefined when none is close
 * @example
 * ```ts
 * suggestOptionName('n_resamples', ['bootstrap', 'ci']); // 'bootstrap'
 * suggestOptionName('pos_label', ['posLabel']); // 'posLabel'
 * ```
 */
export function suggestOptionName(key: string, valid: readonly string[]): string | undefined {
  const foreign = FOREIGN_NAMES[key.toLowerCase().replace(/[\s_.-]+/g, '')];
  if (foreign !== undefined && valid.includes(foreign)) return foreign;
  return closestName(key, valid);
}

/**
 * Refuses an options argument that is not an object, or that has a key the function does
 * not read: an unknown key (a typo, or scikit-learn's `pos_label` for `posLabel`) would
 * otherwise be ignored without a word and the job run with the default instead.
 *
 * @param options - the options argument as given (undefined passes)
 * @param owner - the function as messages name it, e.g. `scorePredictions`
 * @param keys - the function's option names, e.g. `SCORE_OPTION_KEYS`
 * @param what - what the object is in messages (default `option`; `column role` for inputs)
 * @throws {@link RunnerError} `INVALID_OPTION` whose `path` is the unknown key (or `options`
 *   for a value that is no object), naming the closest valid name and, where short, every one
 * @example
 * ```ts
 * checkOptionKeys({ posLabel: 1 }, 'scorePredictions', { posLabel: true }); // undefined
 * try {
 *   checkOptionKeys({ posLable: 1 }, 'scorePredictions', { posLabel: true });
 * } catch (error) {
 *   error.code; // 'INVALID_OPTION'
 *   error.message; // '"posLable" is not a known option of scorePredictions; it was refused rather than ignored. Did you mean "posLabel"? …'
 * }
 * ```
 */
export function checkOptionKeys(
  options: unknown,
  owner: string,
  keys: Readonly<Record<string, true>>,
  what = 'option',
): void {
  if (options === undefined) return;
  const valid = (): string[] => Object.keys(keys);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new RunnerError(
      'INVALID_OPTION',
      `The ${what}s of ${owner} must be an object of named ${what}s (${valid().join(', ')}), got ${describeValue(options)}.`,
      { path: 'options' },
    );
  }
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(keys, key)) continue;
    const names = valid();
    const near = suggestOptionName(key, names);
    const hint = near === undefined ? '' : ` Did you mean "${near}"?`;
    const list =
      near === undefined || names.length <= SHORT_LIST
        ? ` Its ${what}s are: ${names.join(', ')}.`
        : '';
    throw new RunnerError(
      'INVALID_OPTION',
      `"${key}" is not a known ${what} of ${owner}; it was refused rather than ignored.${hint}${list}`,
      { path: key },
    );
  }
}
