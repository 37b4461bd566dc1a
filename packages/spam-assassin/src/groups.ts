import { SpamAssassinError } from './errors.js';

/**
 * The five message groups of the SpamAssassin public corpus, in corpus order.
 *
 * @example
 * ```ts
 * SPAM_ASSASSIN_GROUPS; // ['easy-ham-1', 'easy-ham-2', 'hard-ham-1', 'spam-1', 'spam-2']
 * ```
 */
export const SPAM_ASSASSIN_GROUPS = [
  'easy-ham-1',
  'easy-ham-2',
  'hard-ham-1',
  'spam-1',
  'spam-2',
] as const;

/** One SpamAssassin message group name. */
export type SpamAssassinGroup = (typeof SPAM_ASSASSIN_GROUPS)[number];

/**
 * The training groups: the earlier mail, on which the reference model server trains by
 * default. No e-mail of these groups is in {@link HELD_OUT_GROUPS} (tested by id and by text).
 * @example
 * ```ts
 * TRAINING_GROUPS; // ['easy-ham-1', 'hard-ham-1', 'spam-1']
 * ```
 */
export const TRAINING_GROUPS: readonly SpamAssassinGroup[] = ['easy-ham-1', 'hard-ham-1', 'spam-1'];

/**
 * The held-out groups: the later mail, never seen in training; the built-in data set of
 * `assay run` and the demo.
 * @example
 * ```ts
 * HELD_OUT_GROUPS; // ['easy-ham-2', 'spam-2']
 * ```
 */
export const HELD_OUT_GROUPS: readonly SpamAssassinGroup[] = ['easy-ham-2', 'spam-2'];

/**
 * Checks a list of group names, naming the offending entry.
 *
 * @param groups - candidate group names
 * @param argument - argument path used in the error message
 * @returns the groups, typed
 * @throws {@link SpamAssassinError} `UNKNOWN_GROUP` for a name outside {@link SPAM_ASSASSIN_GROUPS}
 * @example
 * ```ts
 * import { checkGroups } from '@assay/spam-assassin';
 * checkGroups(['spam-1', 'easy-ham-1'], 'groups'); // ['spam-1', 'easy-ham-1']
 * try { checkGroups(['spam'], 'groups'); } catch (error) {
 *   error.path; // 'groups[0]' (code UNKNOWN_GROUP)
 * }
 * ```
 */
export function checkGroups(groups: readonly string[], argument: string): SpamAssassinGroup[] {
  return groups.map((group, i) => {
    if (!(SPAM_ASSASSIN_GROUPS as readonly string[]).includes(group)) {
      throw new SpamAssassinError(
        'UNKNOWN_GROUP',
        `${argument}[${i}] is '${group}', which is not a SpamAssassin group; valid groups are ${SPAM_ASSASSIN_GROUPS.join(', ')}.`,
        `${argument}[${i}]`,
      );
    }
    return group as SpamAssassinGroup;
  });
}
