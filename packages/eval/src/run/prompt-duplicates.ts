import type { RequestPlan } from './plan.js';

/** Why a plan has fewer distinct prompts than predictions. */
export interface PromptDuplicates {
  /** distinct items tested (every item, except with `holdout` and `timeseries`) */
  readonly items: number;
  /** planned predictions: one per (fold, test item), repeats included */
  readonly predictions: number;
  /** distinct prompts: one request each per model */
  readonly distinctPrompts: number;
  /**
   * predictions that ask an item again with the prompt it already had in another fold or
   * repeat (zero-shot prompts do not depend on the fold; few-shot ones coincide when the
   * same examples are drawn)
   */
  readonly sameItemAgain: number;
  /** items whose prompt is the same text as another item's (duplicate inputs in the data) */
  readonly sameTextAsAnotherItem: number;
  /** answers asked per prompt (`task.samples`): each distinct prompt is that many requests */
  readonly samples: number;
}

/**
 * Counts why a request plan's predictions share prompts. The two causes add up, over the
 * predictions of sample 0 (the other samples ask the same prompts by design):
 * `predictions / samples − distinctPrompts = sameItemAgain + sameTextAsAnotherItem`.
 *
 * @remarks For each distinct prompt with `t` predictions over `u` distinct items,
 *   `t − u` predictions repeat an item and `u − 1` items repeat another's text.
 * @param plan - a request plan
 * @returns the counts
 * @example
 * const plan = (await planRun(config)).plans.get('nb');
 * promptDuplicates(plan); // { items: 40, predictions: 40, distinctPrompts: 40, sameItemAgain: 0, sameTextAsAnotherItem: 0, samples: 1 }
 */
export function promptDuplicates(plan: RequestPlan): PromptDuplicates {
  const itemsByPrompt = new Map<string, Set<number>>();
  const tasksByPrompt = new Map<string, number>();
  const items = new Set<number>();
  for (const t of plan.tasks) {
    // the other samples repeat sample 0's prompt by design, not by coincidence
    if (t.sample > 0) continue;
    items.add(t.item);
    let set = itemsByPrompt.get(t.promptHash);
    if (set === undefined) {
      set = new Set();
      itemsByPrompt.set(t.promptHash, set);
    }
    set.add(t.item);
    tasksByPrompt.set(t.promptHash, (tasksByPrompt.get(t.promptHash) ?? 0) + 1);
  }
  let sameItemAgain = 0;
  let sameTextAsAnotherItem = 0;
  for (const [hash, set] of itemsByPrompt) {
    sameItemAgain += tasksByPrompt.get(hash)! - set.size;
    sameTextAsAnotherItem += set.size - 1;
  }
  return {
    items: items.size,
    predictions: plan.tasks.length,
    distinctPrompts: itemsByPrompt.size,
    sameItemAgain,
    sameTextAsAnotherItem,
    samples: plan.samples,
  };
}
