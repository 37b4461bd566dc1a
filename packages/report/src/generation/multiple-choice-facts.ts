import type { MultipleChoiceSummary } from '../results/run-results-schema.js';
import { percentOf } from '../verdict/words.js';

/**
 * The position-bias rate of a multiple-choice model in a short sentence, for the terminal.
 *
 * @param name - the model's name
 * @param mc - the model's `multipleChoice`
 * @returns plain text
 * @remarks The rate is the share of the items asked in more than one choice order whose
 *   answer changed with the order; null when no item was.
 * @example
 * positionBiasInWords('nb', { permutations: 2, positionBiasRate: 0.1, itemsCompared: 40 });
 * // 'nb: position-bias rate 10.0% (4 of 40 compared items changed their answer with the order of the choices)'
 */
export function positionBiasInWords(name: string, mc: MultipleChoiceSummary): string {
  if (mc.positionBiasRate === null || mc.itemsCompared === 0) {
    return `${name}: position bias not measured (no item was asked in more than one choice order)`;
  }
  const changed = Math.round(mc.positionBiasRate * mc.itemsCompared);
  return `${name}: position-bias rate ${percentOf(mc.positionBiasRate, 1)} (${changed} of ${mc.itemsCompared} compared items changed their answer with the order of the choices)`;
}
