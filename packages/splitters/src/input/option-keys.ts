import { describeValue, optionKeysProblem } from '@assay/labels';
import { SplitError } from '../errors.js';

export type { OptionKeys } from '@assay/labels';

/**
 * Checks an options argument at a public entry point: undefined or a plain object whose
 * every key is one the function accepts (`optionKeysProblem` of `@assay/labels`, thrown as
 * this package's error).
 *
 * @param options - the options argument as given
 * @param owner - the function, method or class name for messages
 * @param keys - the accepted names
 * @returns the options, `{}` when undefined
 * @throws {@link SplitError} `INVALID_OPTION` (path `options` for a non-object,
 *   `options.<key>` for an unknown key, suggesting the camelCase name when accepted)
 * @example
 * ```ts
 * const keys = { nSplits: true, shuffle: true, randomState: true };
 * checkOptions({ nSplits: 3 }, 'KFold', keys); // { nSplits: 3 }
 * try {
 *   checkOptions({ n_splits: 3 }, 'KFold', keys);
 * } catch (error) {
 *   error.message; // 'options.n_splits is not an option of KFold; did you mean nSplits? Its options are nSplits, randomState, shuffle.'
 * }
 * ```
 */
export function checkOptions<T extends object>(
  options: T | undefined,
  owner: string,
  keys: Readonly<Record<string, true>>,
): T {
  const problem = optionKeysProblem(options, owner, keys);
  if (problem !== undefined) throw new SplitError('INVALID_OPTION', problem.message, problem.path);
  return options ?? ({} as T);
}

/**
 * Checks the options argument of a constructor that takes none: undefined, or an empty
 * plain object; any key is refused rather than ignored.
 *
 * @param options - the argument as given
 * @param owner - the class name for messages
 * @throws {@link SplitError} `INVALID_OPTION` (path `options` for a non-object,
 *   `options.<key>` for any key)
 * @example
 * ```ts
 * checkNoOptions(undefined, 'LeaveOneOut'); // undefined
 * try {
 *   checkNoOptions({ nSplits: 3 }, 'LeaveOneOut');
 * } catch (error) {
 *   error.message; // 'options.nSplits is not an option of LeaveOneOut, which takes no options; construct it as new LeaveOneOut().'
 * }
 * ```
 */
export function checkNoOptions(options: unknown, owner: string): void {
  const problem = optionKeysProblem(options, owner, {});
  if (problem === undefined) return;
  if (problem.path === 'options') {
    throw new SplitError(
      'INVALID_OPTION',
      `The options argument of ${owner} is ${describeValue(options)}; ${owner} takes no options, so leave it out.`,
      'options',
    );
  }
  throw new SplitError(
    'INVALID_OPTION',
    `${problem.path} is not an option of ${owner}, which takes no options; construct it as new ${owner}().`,
    problem.path,
  );
}
