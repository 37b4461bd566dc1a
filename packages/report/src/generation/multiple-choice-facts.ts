import type { MultipleChoiceSummary } from '../results/run-results-schema.js';
import { percentOf } from '../verdict/words.js';

/**
 * The position-bias rate of a multiple-choice run in a sentence.
 *
 * @param name - the model's name
 * @param mc - the model's `multipleChoice`
 * @returns plain text, for the renderer to escape
 * @remarks The rate is the share of compared items whose answer changed when the choices
 *   were put in another order; it needs at least two orders per item.
 * @example
 * positionBiasInWords('nb', { permutations: 2, positionBiasRate: 0.1, itemsCompared: 40 });
 * // 'nb: position-bias rate 10.0% (the answer changed with the order of the choices on 4 of 40 items, each asked in 2 orders).'
 */
export function positionBiasInWords(name: string, mc: MultipleChoiceSummary): string {
  if (mc.positionBiasRate === null || mc.itemsCompared === 0) {
    return `${name}: position bias not measured (${mc.permutations} choice order${mc.permutations === 1 ? '' : 's'} per item; set permutations above 1 to measure it).`;
  }
  const changed = Math.round(mc.positionBiasRate * mc.itemsCompared);
  return `${name}: position-bias rate ${percentOf(mc.positionBiasRate, 1)} (the answer changed with the order of the choices on ${changed} of ${mc.itemsCompared} items, each asked in ${mc.permutations} orders).`;
}
