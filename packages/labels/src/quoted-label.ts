/**
 * Whitespace JSON.stringify leaves as it is but a reader cannot see: no-break and other
 * Unicode spaces, which made `"spam\u00a0"` print as `"spam "`.
 */
const UNSEEN_SPACE = /[\u0085\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * One label as messages and reports quote it: as JSON, with the Unicode spaces JSON leaves
 * bare escaped (`"spam\u00a0"`), so that two labels differing only in whitespace read
 * differently.
 *
 * @param label - the label
 * @returns e.g. `"ham "`, `"spam\u00a0"`, `1`
 * @example
 * ```ts
 * import { quotedLabel } from '@assay/labels';
 * quotedLabel('spam\u00a0'); // '"spam\\u00a0"'
 * ```
 */
export function quotedLabel(label: unknown): string {
  return (JSON.stringify(label) ?? String(label)).replace(
    UNSEEN_SPACE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
