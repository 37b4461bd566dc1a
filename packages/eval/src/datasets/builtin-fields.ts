/**
 * The prompt slots each built-in data set's items fill (their fields, with `label` and
 * `reference`, which every item has): known without loading the data, so a misspelt slot is
 * found with the configuration's other problems.
 *
 * @example
 * BUILTIN_FIELDS['spam-assassin']; // ['text', 'id', 'group', 'label', 'reference']
 */
export const BUILTIN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'spam-assassin': ['text', 'id', 'group', 'label', 'reference'],
  'spam-assassin-subjects': ['text', 'body', 'id', 'group', 'label', 'reference'],
};
