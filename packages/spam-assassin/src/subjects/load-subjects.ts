import { HELD_OUT_GROUPS, type SpamAssassinGroup } from '../groups.js';
import { loadSpamCorpus } from '../load-corpus.js';
import { parseEmail } from '../mail/parse-email.js';
import { stripReplyPrefixes } from './reply-prefix.js';

/**
 * Name of the built-in data set of e-mail bodies and their subjects.
 *
 * @example
 * ```ts
 * SPAM_SUBJECTS_DATASET; // 'spam-assassin-subjects'
 * ```
 */
export const SPAM_SUBJECTS_DATASET = 'spam-assassin-subjects';

/** One item of the `spam-assassin-subjects` data set: an e-mail body and its real subject. */
export interface SubjectItem {
  /** The e-mail's corpus id, `'<group>/<number>'` (stable: file names of the npm package). */
  readonly id: string;
  readonly group: SpamAssassinGroup;
  readonly label: 'spam' | 'ham';
  /** The reference: the decoded subject without leading reply / forward markers. */
  readonly subject: string;
  /** The decoded subject as sent, markers included. */
  readonly rawSubject: string;
  /** The input: the body's readable text (MIME decoded, HTML reduced to text). */
  readonly body: string;
}

/**
 * Loads the `spam-assassin-subjects` data set: each e-mail's body as the input and its real
 * `Subject:` as the reference.
 *
 * @remarks
 * Each e-mail is read with `parseEmail` (RFC 2047 subjects decoded; bodies MIME decoded) and its
 * subject passed through {@link stripReplyPrefixes}. E-mails without a `Subject:` header, whose
 * subject is empty once the markers are gone, or whose body has no text are dropped. Order and
 * ids are those of `loadSpamCorpus`.
 *
 * @param groups - corpus groups; default {@link HELD_OUT_GROUPS}, the mail the reference server
 *   never trains on
 * @returns the items, group by group, files by name
 * @throws {@link SpamAssassinError} as `loadSpamCorpus`
 * @example
 * ```ts
 * import { loadSpamSubjects } from '@assay/spam-assassin';
 * const items = loadSpamSubjects(['spam-2']);
 * items[0].subject; // '[ILUG] STOP THE MLM INSANITY'
 * ```
 */
export function loadSpamSubjects(groups: readonly string[] = HELD_OUT_GROUPS): SubjectItem[] {
  const out: SubjectItem[] = [];
  for (const message of loadSpamCorpus(groups)) {
    const { subject: rawSubject, body } = parseEmail(message.text);
    if (rawSubject === undefined || body === '') continue;
    const subject = stripReplyPrefixes(rawSubject);
    if (subject === '') continue;
    out.push({
      id: message.id,
      group: message.group,
      label: message.label,
      subject,
      rawSubject,
      body,
    });
  }
  return out;
}
