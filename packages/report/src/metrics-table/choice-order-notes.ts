import { fmt } from '../format/format-number.js';
import type { MultipleChoiceSummary, RunResults } from '../results/run-results-schema.js';

/**
 * The choice orders an item was asked in: from `ordersPerItem` (what the predictions hold)
 * when the file has it, so two-choice items asked with `permutations: 5` read as asked in 2
 * orders (only 1 other exists), not in 5 extra ones.
 */
function ordersInWords(mc: MultipleChoiceSummary): string {
  const asked = mc.ordersPerItem;
  const requested = `task.permutations ${mc.permutations}`;
  if (asked === undefined) {
    return `up to ${mc.permutations} extra choice order${mc.permutations === 1 ? '' : 's'} per item (${requested}; fewer where the choices allow fewer)`;
  }
  const range = asked.min === asked.max ? `${asked.max}` : `${asked.min} to ${asked.max}`;
  const orders = `each item asked in ${range} choice order${asked.max === 1 ? '' : 's'} (the data set's included)`;
  return asked.max - 1 < mc.permutations
    ? `${orders}: ${requested} asked for ${mc.permutations} extra, more than the items' choices allow`
    : `${orders}, ${requested}`;
}

/**
 * One sentence per model of a multiple-choice run on its choice-order check: how many
 * orders each item was actually asked in (and the `task.permutations` asked for), how many items were compared and the share whose
 * answer changed with the order (plain text; the renderers escape it).
 *
 * @param r - the results
 * @returns the sentences (none for other tasks, or without `multipleChoice`)
 * @example
 * choiceOrderNotes(choiceRun); // ["mc-model: each item asked in 3 choice orders (the data set's included), task.permutations 2; 3 of 10 compared items (30.0%) changed their answer with the order."]
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
      `${m.name}: ${ordersInWords(mc)}; ${
        rate === null
          ? 'no item was answered in two orders.'
          : `${changed} of ${mc.itemsCompared} compared items (${fmt(rate * 100, 1)}%) changed their answer with the order.`
      }`,
    ];
  });
}
