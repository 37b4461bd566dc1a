import { describeValue } from '@assay/labels';
import { checkOptionKeys, suggestOptionName } from './check-option-keys.js';
import { RunnerError } from './errors.js';

/** What {@link checkInputColumns} checks an input object against. */
export interface InputColumnsSpec {
  /** The input as messages name it, in the plural, e.g. `the in-memory columns`. */
  readonly owner: string;
  /** What a key is, e.g. `column` or `column role`. */
  readonly what: string;
  /** Every key the input may have. */
  readonly keys: Readonly<Record<string, true>>;
  /** The keys it must have, each with what it holds, e.g. `{ yPred: 'the predictions' }`. */
  readonly required: Readonly<Record<string, string>>;
}

/**
 * Checks the object that holds a job's columns (or its column roles): an object, with every
 * required key set, and no key the runner does not read (scikit-learn's `y_pred` for `yPred`
 * would otherwise be ignored, or fail later as a raw `TypeError`).
 *
 * @param input - the input object as given
 * @param spec - its keys, the required ones and how messages name them
 * @throws {@link RunnerError} `MISSING_COLUMN` naming a required key that is missing or
 *   undefined (and the key given instead, when one is close, e.g. `y_pred` for `yPred`);
 *   `INVALID_OPTION` for a value that is no object or an unknown key
 * @example
 * ```ts
 * checkInputColumns({ yTrue: [0, 1], yPred: [0, 1] }, PREDICTION_COLUMNS); // undefined
 * try {
 *   checkInputColumns({ yTrue: [0, 1], y_pred: [0, 1] }, PREDICTION_COLUMNS);
 * } catch (error) {
 *   error.message; // 'The in-memory columns lack yPred (…), which is required. Did you mean "yPred" for the key "y_pred"? …'
 * }
 * ```
 */
export function checkInputColumns(input: unknown, spec: InputColumnsSpec): void {
  const names = Object.keys(spec.keys);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RunnerError(
      'INVALID_OPTION',
      `The input must be an object of ${spec.what}s (${names.join(', ')}), got ${describeValue(input)}.`,
      { path: 'input' },
    );
  }
  const given = input as Record<string, unknown>;
  for (const [key, holds] of Object.entries(spec.required)) {
    if (given[key] !== undefined && given[key] !== null) continue;
    const instead = Object.keys(given).find(
      (k) => !Object.hasOwn(spec.keys, k) && suggestOptionName(k, names) === key,
    );
    const now = key in given ? ` (it is ${describeValue(given[key])})` : '';
    const hint = instead === undefined ? '' : ` Did you mean "${key}" for the key "${instead}"?`;
    const owner = `${spec.owner.charAt(0).toUpperCase()}${spec.owner.slice(1)}`;
    throw new RunnerError(
      'MISSING_COLUMN',
      `${owner} lack ${key} (${holds}), which is required${now}.${hint} The ${spec.what}s are: ${names.join(', ')}.`,
      { path: key },
    );
  }
  checkOptionKeys(input, spec.owner, spec.keys, spec.what);
}
