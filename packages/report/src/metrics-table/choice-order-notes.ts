import { fmt } from '../format/format-number.js';
import type { RunResults } from '../results/run-results-schema.js';

/**
 * One sentence per model of a multiple-choice run on its choice-order check: how many
 * extra orders each item was asked in, how many items were compared and the share whose
 * answer changed with the order (plain text; the renderers escape it).
 *
 * @param r - the results
 * @returns the sentences (none for other tasks, or without `multipleChoice`)
 * @example
 * choiceOrderNotes(results); // ['mc-model: 2 extra choice orders per item; 3 of 10 compared items (30.0%) changed their answer with the order.']
 */
export function choiceOrderNotes(r: RunResults): string[] {
  return r.models.flatMap((m) => {
    const mc = m.multipleChoice;
    if (mc === undefined) return [];
    if (mc.permutations === 0) {
      return [
        `${m.name}: choices shown in the data set's order only (task.permutations 0); position bias not measured.`,
      ];
    }
    const rate = mc.positionBiasRate;
    const changed = rate === null ? 0 : Math.round(rate * mc.itemsCompared);
    return [
      `${m.name}: ${mc.permutations} extra choice order${mc.permutations === 1 ? '' : 's'} per item; ${
        rate === null
          ? 'no item was answered in two orders.'
          : `${changed} of ${mc.itemsCompared} compared items (${fmt(rate * 100, 1)}%) changed their answer with the order.`
      }`,
    ];
  });
}
