import type { DatasetItem } from '../datasets/dataset-item.js';
import { itemPlace } from '../datasets/item-place.js';

/** The most labels one list of a message shows; a longer list ends with how many more there are. */
const LABELS_SHOWN = 20;

/** `"a", "b" and 3 more`: the first {@link LABELS_SHOWN} of `texts`, then how many are left. */
function capped(texts: readonly string[]): string {
  const more = texts.length - LABELS_SHOWN;
  return more > 0
    ? `${texts.slice(0, LABELS_SHOWN).join(', ')} and ${more} more`
    : texts.join(', ');
}

const quoted = (label: string): string => JSON.stringify(label);

/**
 * The refusal of a classification data set whose labels `task.labels` does not all list: every
 * distinct label of the data, most frequent first with its item count (the first
 * {@link LABELS_SHOWN}, then how many more), which of them `task.labels` lacks, and where the
 * first such item is. One item's label alone hid the others: a starter switched to the
 * built-in data set was refused for 'ham' and then again for 'spam'.
 *
 * @param labels - the configured `task.labels`
 * @param items - the loaded items (after `dataset.limit` and `dataset.ids`)
 * @returns the message, starting with the config path `task.labels`; undefined when every
 *   item's label is listed
 * @example
 * const starter = ['positive', 'negative'];
 * const mail = [{ id: 'spam-2/00001', index: 0, fields: {}, label: 'spam' }, { id: 'easy-ham-2/00001', index: 1, fields: {}, label: 'ham' }];
 * unlistedLabelsMessage(starter, mail);
 * // 'task.labels is ["positive", "negative"], but the 2 items of the data set have 2 distinct labels: "ham" (1 item), "spam" (1 item); not in task.labels: "ham", "spam" (the first item with one: item \'spam-2/00001\'); list every label the data uses in task.labels.'
 * unlistedLabelsMessage(['spam', 'ham'], mail); // undefined
 */
export function unlistedLabelsMessage(
  labels: readonly string[],
  items: readonly DatasetItem[],
): string | undefined {
  const listed = new Set(labels);
  const counts = new Map<string, number>();
  let first: DatasetItem | undefined;
  for (const item of items) {
    const label = item.label ?? '';
    counts.set(label, (counts.get(label) ?? 0) + 1);
    if (!listed.has(label)) first ??= item;
  }
  if (first === undefined) return undefined;
  // most frequent first, so a capped list keeps the labels that matter most
  const byCount = [...counts].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const found = byCount.map(([label, n]) => `${quoted(label)} (${n} item${n === 1 ? '' : 's'})`);
  const unlisted = byCount.map(([label]) => label).filter((label) => !listed.has(label));
  const n = items.length;
  const distinct = `${counts.size} distinct label${counts.size === 1 ? '' : 's'}`;
  return `task.labels is [${labels.map(quoted).join(', ')}], but the ${n} item${n === 1 ? '' : 's'} of the data set have ${distinct}: ${capped(found)}; not in task.labels: ${capped(unlisted.map(quoted))} (the first item with one: ${itemPlace(first)}); ${caseAdvice(labels, unlisted)}`;
}

/**
 * What to do: list the data's labels, or, where a label differs from a listed one only by case
 * (`SPAM` for `spam`), write it as the data does, since gold labels are matched exactly.
 */
function caseAdvice(labels: readonly string[], unlisted: readonly string[]): string {
  const cased = unlisted.flatMap((label) => {
    const match = labels.find((l) => l.toLowerCase() === label.toLowerCase());
    return match === undefined ? [] : [{ label, match }];
  });
  if (cased.length === 0) return 'list every label the data uses in task.labels.';
  const others = cased.length < unlisted.length ? ' and list the other labels the data uses' : '';
  const one = cased.length === 1;
  return `${capped(cased.map((c) => quoted(c.label)))} ${one ? 'differs' : 'differ'} from task.labels' ${capped(cased.map((c) => quoted(c.match)))} only by case: gold labels are matched exactly (case included), so write task.labels as the data does${others}, or fix the data.`;
}
