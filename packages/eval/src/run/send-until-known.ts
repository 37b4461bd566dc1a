import type { RunConfig } from '../config/run-config-schema.js';
import { parseStopRule } from '../config/stop-rule.js';
import type { StopConfig } from '../config/stop-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import type { TaskModule } from '../tasks/task-module.js';
import {
  type ModelRequests,
  NOTHING_SENT,
  type SendContext,
  type SentCounts,
  sendModelRequests,
} from './model-requests.js';
import { type FoldSplit, type PlannedTask, type RequestPlan, requestId } from './plan.js';
import { predictionRows } from './prediction-rows.js';
import type { PendingRequest } from './send-requests.js';
import { stopOrder } from './stop-order.js';
import { type StopSequence, StopSequences } from './stop-sequences.js';

/** What `evaluation.stop` did in a run: where it stopped and what it read there. */
export interface EarlyStop {
  /** the config's `evaluation.stop` */
  readonly config: StopConfig;
  /** whether the rule held at the last look */
  readonly ruleHeld: boolean;
  /** whether sending stopped before every item was sent */
  readonly stopped: boolean;
  /** tested items of the run */
  readonly itemsTotal: number;
  /** items sent (a prefix of the stratified order), scored and reported */
  readonly itemsSent: number;
  /** how often the rule was checked */
  readonly looks: number;
  /** per-sequence confidence (`1 − alpha`; below `evaluation.ci` when split over sequences) */
  readonly confidence: number;
  /** per model: requests not sent, their estimated cost, and the sequences at the stop */
  readonly models: {
    readonly model: string;
    readonly requestsSaved: number;
    /** requests saved × the mean cost of the model's answers that have a cost; null: none has */
    readonly costSavedUsd: number | null;
    readonly sequences: StopSequence[];
  }[];
}

/** What the sending produced: counts per model and, with a stopping rule, what was kept. */
export interface RunSending {
  /** per model (same order as the requests), what reached the service */
  readonly sent: SentCounts[];
  /** the items scored: every item, or the sent prefix (in data set order) */
  readonly items: DatasetItem[];
  /** per model, the plan of the scored items */
  readonly plans: Map<string, RequestPlan>;
  /** what the stopping rule did, when the run has one */
  readonly earlyStop?: EarlyStop | undefined;
}

/** The parts of a run plan the sending needs. */
export interface SendingPlan {
  readonly task: TaskModule;
  readonly items: DatasetItem[];
  readonly splits: FoldSplit[];
  readonly plans: Map<string, RequestPlan>;
}

/**
 * Sends every model's outstanding requests; with `evaluation.stop`, item by item in the stopping
 * order, in rounds of `minItems` then `checkEvery` items, checking the rule after each round and
 * sending nothing more once it holds.
 *
 * @remarks
 * A round ends when all its requests have finished (in flight ones included), so the rule reads
 * a complete prefix of the order. Outcomes already in the journal are not sent again: a resumed
 * run replays the same rounds on the same answers, reaches the same decision at the same look,
 * and pays only for what the killed run had not finished.
 *
 * @param config - the validated configuration
 * @param plan - task, items, folds and request plans
 * @param all - every model's requests (from `resumeModelRequests`)
 * @param context - journal, cache, task, abort signal, progress callback
 * @returns per-model counts, the items and plans to score, and the early-stop record
 * @example
 * const mail = await loadRunConfig(join(dir, 'run.yaml'));
 * const plan = await planRun(mail);
 * const { journal, cache } = openRunState(mail);
 * const all = mail.models.map((m) => resumeModelRequests(m, plan.plans.get(m.name), journal, { retryFailed: false, scoring: plan.task.logprobScoring }));
 * const sending = await sendRunRequests(mail, plan, all, { journal, cache, task: plan.task, signal: undefined, onOutcome: () => {} });
 * journal.close();
 * cache.close();
 * sending.sent[0].sent; // 4
 */
export async function sendRunRequests(
  config: RunConfig,
  plan: SendingPlan,
  all: ModelRequests[],
  context: SendContext,
): Promise<RunSending> {
  const stop = config.evaluation.stop;
  if (stop === undefined) {
    const sent = await Promise.all(all.map((r) => sendModelRequests(r, context)));
    return { sent, items: plan.items, plans: plan.plans };
  }
  const order = stopOrder(plan.items, plan.splits, config.evaluation.seed, plan.task.stratify);
  const parsed = parseStopRule(stop.when);
  if (!parsed.ok) throw new Error(`evaluation.stop.when: ${parsed.message}`); // the schema refused it already
  const sequences = new StopSequences(
    parsed.rule,
    all.map((r) => r.model.name),
    config.evaluation.ci,
    config.thresholds,
  );
  const tasksOf = all.map((r) => tasksByItem(plan.plans.get(r.model.name)!));
  const totals = all.map(() => ({ ...NOTHING_SENT }));
  let done = 0;
  let looks = 0;
  let ruleHeld = false;
  while (done < order.length && !ruleHeld) {
    const next = Math.min(order.length, done === 0 ? stop.minItems : done + stop.checkEvery);
    const batch = order.slice(done, next);
    const counts = await Promise.all(
      all.map((r, m) => sendModelRequests(roundRequests(r, batch, tasksOf[m]!), context)),
    );
    counts.forEach((c, m) => {
      const t = totals[m]!;
      t.sent += c.sent;
      t.cached += c.cached;
      t.sendingMs += c.sendingMs;
      t.sentOutputTokens += c.sentOutputTokens;
      t.sentAnswered += c.sentAnswered;
      t.retries += c.retries;
      t.notRetriedBudget += c.notRetriedBudget;
      t.sentUnreached += c.sentUnreached;
      t.usagePathMisses += c.usagePathMisses;
    });
    if (context.signal?.aborted || context.drain?.aborted) break;
    all.forEach((r, m) => {
      const rows = roundRows(r, plan, batch, tasksOf[m]!);
      for (const itemRows of rows) sequences.push(r.model.name, itemRows, plan.task);
    });
    done = next;
    looks++;
    ruleHeld = sequences.holds();
  }
  const sentItems = new Set(order.slice(0, done));
  const plans = restrictPlans(plan.plans, sentItems);
  for (const r of all) dropUnscoredOutcomes(r, plans.get(r.model.name)!);
  const snapshot = sequences.snapshot();
  const earlyStop: EarlyStop = {
    config: stop,
    ruleHeld,
    stopped: done < order.length,
    itemsTotal: order.length,
    itemsSent: done,
    looks,
    confidence: 1 - sequences.alpha,
    models: all.map((r) => ({
      model: r.model.name,
      requestsSaved: r.todo.size,
      costSavedUsd: costSaved(r),
      sequences: snapshot.get(r.model.name) ?? [],
    })),
  };
  return {
    sent: totals,
    items: plan.items.filter((_, i) => sentItems.has(i)),
    plans,
    earlyStop,
  };
}

/** A plan's tasks grouped by item index. */
function tasksByItem(plan: RequestPlan): Map<number, PlannedTask[]> {
  const out = new Map<number, PlannedTask[]>();
  for (const t of plan.tasks) {
    const list = out.get(t.item);
    if (list) list.push(t);
    else out.set(t.item, [t]);
  }
  return out;
}

/** The model's requests of one round: its unsent requests for the round's items. */
function roundRequests(
  r: ModelRequests,
  batch: readonly number[],
  tasks: ReadonlyMap<number, PlannedTask[]>,
): ModelRequests {
  const todo = new Map<string, PendingRequest>();
  for (const item of batch) {
    for (const t of tasks.get(item) ?? []) {
      const key = r.keys.get(requestId(t.promptHash, t.sample))!;
      const pending = r.todo.get(key);
      if (pending === undefined) continue;
      todo.set(key, pending);
      // two items with the same prompt share one request: it leaves the pool once
      r.todo.delete(key);
    }
  }
  return { ...r, todo };
}

/** One model's prediction rows of each item of a round, in round order. */
function roundRows(
  r: ModelRequests,
  plan: SendingPlan,
  batch: readonly number[],
  tasks: ReadonlyMap<number, PlannedTask[]>,
) {
  const modelPlan = plan.plans.get(r.model.name)!;
  return batch.map((item) =>
    predictionRows(
      r.model.name,
      { ...modelPlan, tasks: tasks.get(item) ?? [] },
      plan.items,
      r.outcomes,
      (id) => r.keys.get(id)!,
      plan.task,
    ),
  );
}

/**
 * Forgets journaled outcomes of items past the stop (a journal from an earlier run may hold
 * them), so the service statistics count the requests of the items scored and nothing else.
 */
function dropUnscoredOutcomes(r: ModelRequests, kept: RequestPlan): void {
  const keys = new Set(kept.tasks.map((t) => r.keys.get(requestId(t.promptHash, t.sample))!));
  for (const key of [...r.outcomes.keys()]) {
    if (keys.has(key)) continue;
    // only resumed outcomes lie past the stop: every round sent is inside it
    r.outcomes.delete(key);
    r.progress.resumed--;
  }
}

/** Requests left unsent × the mean cost of the model's answers with a cost, or null. */
function costSaved(r: ModelRequests): number | null {
  const costs = [...r.outcomes.values()].flatMap((o) => (o.costUsd === null ? [] : [o.costUsd]));
  if (costs.length === 0) return null;
  return (r.todo.size * costs.reduce((a, b) => a + b, 0)) / costs.length;
}

/** Each plan with only the tasks and prompts of the sent items (shared plans stay shared). */
function restrictPlans(
  plans: ReadonlyMap<string, RequestPlan>,
  sent: ReadonlySet<number>,
): Map<string, RequestPlan> {
  const restricted = new Map<RequestPlan, RequestPlan>();
  const out = new Map<string, RequestPlan>();
  for (const [model, p] of plans) {
    let r = restricted.get(p);
    if (!r) {
      const tasks = p.tasks.filter((t) => sent.has(t.item));
      const hashes = new Set(tasks.map((t) => t.promptHash));
      const prompts = new Map([...p.prompts].filter(([hash]) => hashes.has(hash)));
      r = { ...p, tasks, prompts };
      restricted.set(p, r);
    }
    out.set(model, r);
  }
  return out;
}
