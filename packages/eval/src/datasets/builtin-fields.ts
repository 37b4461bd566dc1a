/**
 * The prompt slots each built-in data set's items fill (their fields, with `label` and
 * `reference` where the items have them: SpamAssassin mail has a label and no reference, its
 * subject lines have the Subject as reference): known without loading the data, so a misspelt
 * slot is found with the configuration's other problems.
 *
 * @example
 * BUILTIN_FIELDS['spam-assassin']; // ['text', 'id', 'group', 'label']
 */
export const BUILTIN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'spam-assassin': ['text', 'id', 'group', 'label'],
  'spam-assassin-subjects': ['text', 'body', 'id', 'group', 'label', 'reference'],
};
