import type { LabelColumn } from '../io/loaded-column.js';
import { ScopedCache } from './scoped-cache.js';

/** What one pass over a label column's codes finds. */
export interface CodeProfile {
  /** The first row with the missing code -1, or -1. */
  readonly firstMissing: number;
  /** 1 for each dictionary entry that some row uses. */
  readonly used: Uint8Array;
}

/** Profiles by codes array while {@link withCodeProfileCache} runs; none outside it. */
const profiles = new ScopedCache<Int32Array, CodeProfile>();

/**
 * Runs `work` with the profiles of {@link profileCodePair} remembered, so that the
 * missing-value check and the used-label scan of one preparation read them instead of
 * scanning the codes again; forgets them afterwards (a caller may change the codes).
 *
 * @param work - synchronous work over columns that do not change while it runs
 * @returns what `work` returns
 * @example
 * ```ts
 * const yTrue = { kind: 'label', name: 'y', codes: Int32Array.of(0, -1, 1), dictionary: ['a', 'b'] };
 * const yPred = { kind: 'label', name: 'p', codes: Int32Array.of(0, 0, 0), dictionary: ['a'] };
 * const profile = withCodeProfileCache(() => {
 *   profileCodePair(yTrue, yPred);
 *   return codeProfileOf(yTrue.codes);
 * });
 * profile; // { firstMissing: 1, used: Uint8Array [1, 1] }
 * codeProfileOf(yTrue.codes); // undefined: forgotten afterwards
 * ```
 */
export function withCodeProfileCache<T>(work: () => T): T {
  return profiles.within(work);
}

/**
 * The first missing row and the used dictionary entries of the true and predicted label
 * columns in one loop over both (one cold start in a fresh process instead of four
 * loops), remembered inside {@link withCodeProfileCache}; nothing outside it.
 *
 * @param a - the true labels
 * @param b - the predicted labels, as long as `a`
 * @example
 * ```ts
 * const yTrue = { kind: 'label', name: 'y', codes: Int32Array.of(0, 1, 1), dictionary: ['a', 'b', 'c'] };
 * const yPred = { kind: 'label', name: 'p', codes: Int32Array.of(0, -1, 0), dictionary: ['a'] };
 * withCodeProfileCache(() => {
 *   profileCodePair(yTrue, yPred);
 *   codeProfileOf(yTrue.codes); // { firstMissing: -1, used: Uint8Array [1, 1, 0] }: no row is missing, 'c' unused
 *   codeProfileOf(yPred.codes).firstMissing; // 1
 * });
 * ```
 */
export function profileCodePair(a: LabelColumn, b: LabelColumn): void {
  const x = a.codes;
  const y = b.codes;
  if (!profiles.active || x.length !== y.length) return;
  const usedX = new Uint8Array(a.dictionary.length);
  const usedY = new Uint8Array(b.dictionary.length);
  let missingX = -1;
  let missingY = -1;
  for (let i = 0; i < x.length; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (u >= 0) usedX[u] = 1;
    else if (missingX < 0) missingX = i;
    if (v >= 0) usedY[v] = 1;
    else if (missingY < 0) missingY = i;
  }
  profiles.set(x, { firstMissing: missingX, used: usedX });
  profiles.set(y, { firstMissing: missingY, used: usedY });
}

/**
 * The profile of a codes array made by {@link profileCodePair} in this preparation.
 *
 * @param codes - a label column's codes
 * @returns the profile, or undefined when none was made
 * @example
 * ```ts
 * const yTrue = { kind: 'label', name: 'y', codes: Int32Array.of(-1, 0), dictionary: ['a'] };
 * codeProfileOf(yTrue.codes); // undefined: no profile made
 * withCodeProfileCache(() => {
 *   profileCodePair(yTrue, yTrue);
 *   codeProfileOf(yTrue.codes).firstMissing; // 0
 * });
 * ```
 */
export function codeProfileOf(codes: Int32Array): CodeProfile | undefined {
  return profiles.get(codes);
}
