import { closestName } from '@assay/labels';

/**
 * The sentence that ends an unknown-metric message: ` Did you mean "x"?`, or nothing.
 *
 * @param input - the name as the user wrote it
 * @param names - the valid names
 * @returns the sentence with a leading space, or an empty string when no name is close
 * @remarks The suggestion is `@assay/labels`' `closestName`, the one every package's
 *   "did you mean" uses (case-blind, without `_`, `-`, `.`; about one edit per three
 *   characters, then a prefix of at least three characters).
 * @example
 * didYouMeanMetric('rouge_l', ['rougeL']); // ' Did you mean "rougeL"?'
 */
export function didYouMeanMetric(input: string, names: readonly string[]): string {
  const name = closestName(input, names);
  return name === undefined ? '' : ` Did you mean "${name}"?`;
}
