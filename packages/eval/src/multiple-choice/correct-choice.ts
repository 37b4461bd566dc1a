import type { DatasetItem } from '../datasets/dataset-item.js';
import { itemPlace } from '../datasets/item-place.js';
import { EvaluationError } from '../errors.js';
import { choiceLetter } from './extract-choice.js';

/** How the label column names the correct choice (`task.labelFormat`). */
export type LabelFormat = 'letter' | 'index' | 'text';

/** The most choices an item may have: one per letter A..Z. */
export const MAX_CHOICES = 26;

// the item's own row: `index` counts the items left after dataset.limit, not the file's rows
const where = (item: DatasetItem): string => itemPlace(item, true);

/**
 * The choices of an item, checked: present, at least two, at most {@link MAX_CHOICES}.
 *
 * @param item - a loaded item
 * @returns its choices
 * @throws EvaluationError `INVALID_CHOICES` naming the row and `dataset.columns.choices`
 * @example
 * checkedChoices({ id: 'q1', index: 0, fields: {}, label: 'C', choices: ['red', 'green', 'blue'] }); // ['red', 'green', 'blue']
 */
export function checkedChoices(item: DatasetItem): string[] {
  const choices = item.choices;
  if (choices === undefined) {
    throw new EvaluationError(
      'INVALID_CHOICES',
      `${where(item)} has no choices; a multiple-choice task reads them from dataset.columns.choices (default 'choices').`,
      { path: 'dataset.columns.choices' },
    );
  }
  if (choices.length < 2 || choices.length > MAX_CHOICES) {
    throw new EvaluationError(
      'INVALID_CHOICES',
      `${where(item)} has ${choices.length} choice${choices.length === 1 ? '' : 's'}; a multiple-choice item needs 2 to ${MAX_CHOICES} (one per letter A-Z).`,
      { path: 'dataset.columns.choices' },
    );
  }
  return choices;
}

/**
 * The 0-based index of an item's correct choice, read from its label.
 *
 * @param item - a loaded item with choices
 * @param format - `letter` (`A`..`Z`, upper or lower case), `index` (0-based integer) or
 *   `text` (exactly one choice's text, ends trimmed)
 * @returns the index into `item.choices`
 * @throws EvaluationError `INVALID_CHOICES` naming the row when the label names no choice
 *   (or, for `text`, several equal ones)
 * @example
 * correctChoice({ id: 'q1', index: 0, fields: {}, label: 'B', choices: ['x', 'y'] }, 'letter'); // 1
 */
export function correctChoice(item: DatasetItem, format: LabelFormat): number {
  const choices = checkedChoices(item);
  const label = (item.label ?? '').trim();
  let index = -1;
  if (format === 'letter' && /^[A-Za-z]$/u.test(label)) {
    index = label.toUpperCase().charCodeAt(0) - 65;
  } else if (format === 'index' && /^\d+$/u.test(label)) {
    index = Number(label);
  } else if (format === 'text') {
    const equal = choices.flatMap((c, i) => (c.trim() === label ? [i] : []));
    if (equal.length > 1) {
      throw new EvaluationError(
        'INVALID_CHOICES',
        `${where(item)} has label '${label}', which is the text of ${equal.length} of its choices; with task.labelFormat 'text' the correct choice must be one text.`,
        { path: 'dataset.columns.label' },
      );
    }
    index = equal[0] ?? -1;
  }
  if (index >= 0 && index < choices.length) return index;
  const valid = {
    letter: `a letter ${choiceLetter(0)}-${choiceLetter(choices.length - 1)}`,
    index: `a 0-based index 0-${choices.length - 1}`,
    text: 'the text of one of its choices',
  }[format];
  throw new EvaluationError(
    'INVALID_CHOICES',
    `${where(item)} has label '${item.label ?? ''}', which is not one of its ${choices.length} choices; with task.labelFormat '${format}' the label column must hold ${valid}.`,
    { path: 'dataset.columns.label' },
  );
}
