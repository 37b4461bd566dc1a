import { optionKeysProblem } from '@assay/labels';
import { MetricInputError } from '../errors.js';

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
 * @throws {@link MetricInputError} `INVALID_OPTION` (path `options` for a non-object,
 *   `options.<key>` for an unknown key, suggesting the camelCase name when accepted)
 * @example
 * ```ts
 * checkOptions({ sampleWeight: [1] }, 'f1Score', { sampleWeight: true }); // { sampleWeight: [1] }
 * try {
 *   checkOptions({ sample_weight: [1] }, 'f1Score', { sampleWeight: true });
 * } catch (error) {
 *   error.message; // 'options.sample_weight is not an option of f1Score; did you mean sampleWeight? Its options are sampleWeight.'
 * }
 * ```
 */
export function checkOptions<T extends object>(
  options: T | undefined,
  owner: string,
  keys: Readonly<Record<string, true>>,
): T {
  const problem = optionKeysProblem(options, owner, keys);
  if (problem !== undefined)
    throw new MetricInputError('INVALID_OPTION', problem.message, problem.path);
  return options ?? ({} as T);
}
