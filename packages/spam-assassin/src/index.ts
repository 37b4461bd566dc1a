export type { SpamAssassinErrorCode } from './errors.js';
export { SpamAssassinError } from './errors.js';
export type { SpamAssassinGroup } from './groups.js';
export { checkGroups, HELD_OUT_GROUPS, SPAM_ASSASSIN_GROUPS, TRAINING_GROUPS } from './groups.js';
export type { SpamMessage } from './load-corpus.js';
export { loadSpamCorpus } from './load-corpus.js';
export { decodeEncodedWords } from './mail/encoded-words.js';
export type { MailHeader, SplitMessage } from './mail/headers.js';
export { splitMessage } from './mail/headers.js';
export { type ParsedEmail, parseEmail } from './mail/parse-email.js';
export {
  loadSpamSubjects,
  SPAM_SUBJECTS_DATASET,
  type SubjectItem,
} from './subjects/load-subjects.js';
export { stripReplyPrefixes } from './subjects/reply-prefix.js';
