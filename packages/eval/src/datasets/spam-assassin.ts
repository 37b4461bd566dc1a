import {
  HELD_OUT_GROUPS,
  loadSpamCorpus,
  SPAM_ASSASSIN_GROUPS,
  SpamAssassinError,
} from '@assay/spam-assassin';
import { EvaluationError } from '../errors.js';
import type { DatasetItem } from './dataset-item.js';
import { emailExcerpt } from './email-excerpt.js';

/**
 * Loads the built-in SpamAssassin data set (`@assay/spam-assassin`, read from disk, no network).
 *
 * @param groups - corpus groups to include (default the held-out groups, `easy-ham-2` and
 *   `spam-2`, never seen by the reference model server, which trains on the `-1` groups)
 * @returns one item per e-mail in corpus order (groups in corpus order, files by name): id
 *   `'<group>/<number>'`, field `text` (raw e-mail), label `spam`/`ham` (from the group),
 *   group = corpus group
 * @throws EvaluationError `UNREADABLE_FILE` when the corpus files cannot be read, `INVALID_CONFIG`
 *   for an unknown group
 * @example
 * const spam = loadSpamAssassin(['spam-2']);
 * spam[0].label; // 'spam'
 */
export function loadSpamAssassin(groups: readonly string[] = HELD_OUT_GROUPS): DatasetItem[] {
  // corpus order, whatever order the config lists the groups in: the items' order sets the folds
  const ordered = SPAM_ASSASSIN_GROUPS.filter((g) => groups.includes(g));
  const unknown = groups.filter((g) => !(SPAM_ASSASSIN_GROUPS as readonly string[]).includes(g));
  let messages: ReturnType<typeof loadSpamCorpus>;
  try {
    messages = loadSpamCorpus([...ordered, ...unknown]);
  } catch (error) {
    if (!(error instanceof SpamAssassinError)) throw error;
    const code = error.code === 'UNKNOWN_GROUP' ? 'INVALID_CONFIG' : 'UNREADABLE_FILE';
    throw new EvaluationError(code, error.message, { path: 'dataset.groups', cause: error });
  }
  return messages.map((m, index) => ({
    id: m.id,
    index,
    fields: { id: m.id, text: m.text, group: m.group },
    label: m.label,
    group: m.group,
    reference: undefined,
    excerpt: emailExcerpt(m.text),
  }));
}
