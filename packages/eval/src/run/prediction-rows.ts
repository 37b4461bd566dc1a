import type { DatasetItem } from '../datasets/dataset-item.js';
import { itemHash } from '../datasets/item-hash.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { Outcome } from './journal.js';
import { type RequestPlan, requestId } from './plan.js';
import type { PredictionRow } from './prediction-row.js';

/**
 * One model's prediction rows: every planned (item, fold) task joined with the
 * outcome of its request, the answer parsed and judged by the task.
 *
 * @param model - the model's name
 * @param plan - the model's request plan
 * @param items - the evaluated items
 * @param outcomes - the outcome of each request, by journal key
 * @param keyOf - journal key of a request id (`requestId(promptHash, sample)`)
 * @param task - the task module
 * @returns one row per planned task, in plan order
 */
export function predictionRows(
  model: string,
  plan: RequestPlan,
  items: readonly DatasetItem[],
  outcomes: ReadonlyMap<string, Outcome>,
  keyOf: (requestId: string) => string,
  task: TaskModule,
): PredictionRow[] {
  const hashes = new Map<number, string>();
  return plan.tasks.map((t) => {
    const item = items[t.item]!;
    let hash = hashes.get(t.item);
    if (hash === undefined) hashes.set(t.item, (hash = itemHash(item)));
    const o = outcomes.get(keyOf(requestId(t.promptHash, t.sample)))!;
    const expected = task.expected(item);
    const failed = o.status === 'error';
    const permutation = t.permutation ?? 0;
    const parsed = failed ? null : task.parse(o.text ?? '', item, permutation);
    const outcome = failed ? 'failed' : task.outcome(parsed, expected);
    return {
      id: item.id,
      fold: t.fold,
      model,
      ...(t.permutation === undefined ? {} : { permutation }),
      promptHash: t.promptHash,
      itemHash: hash,
      group: item.group ?? null,
      expected,
      rawAnswer: o.text,
      parsed,
      outcome,
      correct: outcome === 'failed' || outcome === 'answered' ? null : outcome === 'correct',
      error: failed ? `${o.errorClass}: ${o.errorMessage}` : null,
      ttftMs: o.ttftMs,
      tpotMs: o.tpotMs,
      e2eMs: o.e2eMs,
      inputTokens: o.inputTokens,
      outputTokens: o.outputTokens,
      costUsd: o.costUsd,
      score: o.score,
      cached: o.cached,
      sample: t.sample,
      references: task.references(item),
    };
  });
}
