import { didYouMean } from '@assay/labels';

/** The `task.reducer` values: `mean`, `max`, `majority`, `pass@k` or `pass@N` (N ≥ 1). */
export const REDUCER_PATTERN = /^(mean|max|majority|pass@(k|[1-9][0-9]*))$/;

const REDUCER_NAMES: readonly string[] = ['mean', 'max', 'majority', 'pass@k'];

/**
 * The message for a `task.reducer` that is none of the reducers, with the one it most likely
 * meant.
 *
 * @remarks A cut-off name is taken as the longer name it begins ('maj' → 'majority'): the
 *   plain closest name would be 'max', one letter away, which the writer of 'maj' did not mean.
 * @param reducer - the value as written
 * @returns the message, e.g. "unknown reducer 'maj'; did you mean 'majority'? Expected ..."
 * @example
 * unknownReducerMessage('maj'); // "unknown reducer 'maj'; did you mean 'majority'? Expected 'mean', …"
 */
export function unknownReducerMessage(reducer: string): string {
  const begun = reducer.length >= 3 ? REDUCER_NAMES.filter((n) => n.startsWith(reducer)) : [];
  const candidates = begun.length === 1 ? begun : REDUCER_NAMES;
  return `unknown reducer '${reducer}'; ${didYouMean(reducer, candidates, "expected 'mean', 'max', 'majority', 'pass@k' or 'pass@N' with N a positive whole number (e.g. 'pass@3')")}`;
}
