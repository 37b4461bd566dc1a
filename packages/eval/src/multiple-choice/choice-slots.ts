import type { DatasetItem } from '../datasets/dataset-item.js';
import { choiceLetter } from './extract-choice.js';

/**
 * The user message of a multiple-choice task without `prompt.template` or
 * `prompt.messages`: simple-evals' `QUERY_TEMPLATE_MULTICHOICE`, with the letters and the
 * lettered choices as slots so it fits any number of choices.
 *
 * @example
 * MULTIPLE_CHOICE_TEMPLATE.includes('{{choices}}'); // true
 */
export const MULTIPLE_CHOICE_TEMPLATE =
  "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of {{letters}}. Think step by step before answering.\n\n{{text}}\n\n{{choices}}";

/** The same for `task.extract: number`: numbered choices and `Answer: $NUMBER`. */
export const MULTIPLE_CHOICE_NUMBER_TEMPLATE =
  "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $NUMBER' (without quotes) where NUMBER is one of {{letters}}. Think step by step before answering.\n\n{{text}}\n\n{{choices}}";

/**
 * The item as one prompt sees it: its choices in the given order fill the slots
 * `{{choices}}` (one line per choice, `A) text`, or `1) text` when numbered), `{{A}}`,
 * `{{B}}`, ... (each choice's text by the letter it is shown under, replacing columns of
 * those names) and `{{letters}}` (`ABCD`, or `1, 2, 3, 4` when numbered).
 *
 * @param item - the item, with `choices`
 * @param order - `order[p]` is the original index of the choice shown at position `p`
 * @param numbered - whether the choices are numbered rather than lettered
 * @returns a copy of the item with those fields
 * @example
 * const item = { id: 'q1', index: 0, fields: { text: 'Which colour is grass?' }, label: 'B', choices: ['red', 'green'] };
 * withChoiceSlots(item, [1, 0], false).fields.choices; // 'A) green\nB) red'
 */
export function withChoiceSlots(
  item: DatasetItem,
  order: readonly number[],
  numbered: boolean,
): DatasetItem {
  const shown = order.map((i) => item.choices![i]!);
  const marks = shown.map((_, p) => (numbered ? String(p + 1) : choiceLetter(p)));
  const fields: Record<string, string> = { ...item.fields };
  shown.forEach((text, p) => {
    fields[choiceLetter(p)] = text;
  });
  fields.choices = shown.map((text, p) => `${marks[p]}) ${text}`).join('\n');
  fields.letters = numbered ? marks.join(', ') : marks.join('');
  return { ...item, fields };
}
