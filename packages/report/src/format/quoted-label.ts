/**
 * Whitespace JSON.stringify leaves as it is but a reader cannot see: no-break and other
 * Unicode spaces, which would make `"spam\u00a0"` read as `"spam "`.
 */
const UNSEEN_SPACE = /[\u0085\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * A class label as a sentence names it: as JSON, with the Unicode spaces JSON leaves bare
 * escaped, the way the runner's and the CLI's messages quote labels (`quotedLabel` of
 * `@assay/runner`, which this package does not depend on). A bare label in a sentence hides an
 * empty one, and one with spaces reads as several words (`spam answered as not spam`).
 *
 * @param label - the label
 * @returns e.g. `"spam"`, `""`, `"not spam"`, `"spam\u00a0"`
 * @example
 * quotedLabel('not spam'); // '"not spam"'
 * quotedLabel(''); // '""'
 */
export function quotedLabel(label: string): string {
  return JSON.stringify(label).replace(
    UNSEEN_SPACE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
