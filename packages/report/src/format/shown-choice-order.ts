import type { ModelResult } from '../results/run-results-schema.js';
import { MISSING_VALUE } from './format-number.js';

type WrongAnswer = ModelResult['wrongAnswers'][number];

/**
 * What the wrong-answer tables of a multiple-choice run mean by their letters: the raw answer
 * is in the letters the prompt showed, `expected` and `parsed` in the data set's, and the
 * shown-order column maps one onto the other.
 *
 * @example
 * SHOWN_ORDER_NOTE.startsWith('Shown order:'); // true
 */
export const SHOWN_ORDER_NOTE =
  "Shown order: the data set's letters of the choices in the order the prompt showed them (C A D B: the choice shown first, as A or 1, was the data set's C); order n is permutation n in predictions.arrow, 0 the data set's own order. Expected and parsed are the data set's letters; the model output answers in the shown letters.";

/**
 * Whether a model's wrong answers say which choice order they were asked in (multiple-choice
 * results written since `choiceOrder` existed), so the tables add a shown-order column.
 *
 * @param m - the model's results
 * @returns true when any sampled answer has a `choiceOrder`
 * @example
 * hasShownOrder(model); // false: a classification model's answers have no choice order
 */
export function hasShownOrder(m: ModelResult): boolean {
  return m.wrongAnswers.some((w) => w.choiceOrder !== undefined);
}

/**
 * One wrong answer's shown-order cell, as plain text (the renderers escape it): the data
 * set's letters in the order shown, then which order that was.
 *
 * @param w - the wrong answer
 * @returns the cell text; {@link MISSING_VALUE} without a `choiceOrder`
 * @example
 * const w = { id: 'q3', fold: 0, expected: 'B', answer: 'Answer: A', parsed: 'C', input: '' };
 * shownOrderText({ ...w, permutation: 2, choiceOrder: 'C A D B' }); // 'C A D B (order 2)'
 * shownOrderText(w); // '—'
 */
export function shownOrderText(w: WrongAnswer): string {
  if (w.choiceOrder === undefined) return MISSING_VALUE;
  const which =
    w.permutation === undefined
      ? ''
      : w.permutation === 0
        ? " (data set's order)"
        : ` (order ${w.permutation})`;
  return `${w.choiceOrder}${which}`;
}
