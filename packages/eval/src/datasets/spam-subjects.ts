import { loadSpamSubjects, SpamAssassinError } from '@assay/spam-assassin';
import { EvaluationError } from '../errors.js';
import type { DatasetItem } from './dataset-item.js';

/**
 * Loads the built-in `spam-assassin-subjects` data set: each e-mail's readable body as the
 * input (`{{text}}`, also `{{body}}`) and its real `Subject:` (reply markers stripped) as the
 * reference. Read from disk, no network.
 *
 * @param groups - corpus groups (default the held-out groups the reference server never trained on)
 * @returns one item per e-mail with a subject and a body: id `'<group>/<number>'`, fields
 *   `text`/`body`, `group` and `label` (spam/ham, never shown unless a template names it)
 * @throws EvaluationError `INVALID_CONFIG` for an unknown group, `UNREADABLE_FILE` when the
 *   corpus cannot be read
 * @example
 * const subjects = loadSubjectsDataset(['spam-2']);
 * subjects[0].group; // 'spam-2'
 */
export function loadSubjectsDataset(groups?: readonly string[]): DatasetItem[] {
  let subjects: ReturnType<typeof loadSpamSubjects>;
  try {
    subjects = groups === undefined ? loadSpamSubjects() : loadSpamSubjects(groups);
  } catch (error) {
    if (!(error instanceof SpamAssassinError)) throw error;
    const code = error.code === 'UNKNOWN_GROUP' ? 'INVALID_CONFIG' : 'UNREADABLE_FILE';
    throw new EvaluationError(code, error.message, { path: 'dataset.groups', cause: error });
  }
  return subjects.map((s, index) => ({
    id: s.id,
    index,
    fields: { id: s.id, text: s.body, body: s.body, group: s.group, label: s.label },
    label: undefined,
    group: s.group,
    reference: s.subject,
    excerpt: s.body.slice(0, 300),
  }));
}
