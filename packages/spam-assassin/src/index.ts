export type { SpamAssassinErrorCode } from './errors.js';
export { SpamAssassinError } from './errors.js';
export type { SpamAssassinGroup } from './groups.js';
export { checkGroups, HELD_OUT_GROUPS, SPAM_ASSASSIN_GROUPS, TRAINING_GROUPS } from './groups.js';
export type { SpamMessage } from './load-corpus.js';
export { loadSpamCorpus } from './load-corpus.js';
