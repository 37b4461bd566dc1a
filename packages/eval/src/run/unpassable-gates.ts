import { metricSpec } from '@assay/runner';
import type { RunConfig } from '../config/run-config-schema.js';
import { stoppableMetrics } from '../config/stop-schema.js';
import { parseThreshold, type Threshold, thresholdHolds } from '../config/thresholds.js';
import { wilsonBestEnd, wilsonTrialsNeeded } from '../summary/interval-size-needed.js';
import { shareBootstrapCeiling } from '../summary/share-bootstrap-ceiling.js';
import type { RequestPlan } from './plan.js';

/** What a Wilson gate's count counts, as its sentence names it. */
type CountUnit = 'requests' | 'predictions' | 'items';

/** A threshold on a Wilson interval's end that no outcome of a model's planned count can pass. */
export interface UnpassableGate {
  /** its index in `thresholds` */
  readonly index: number;
  /** the threshold as written in the config */
  readonly threshold: string;
  /** the models whose count is too small (those with the same count together) */
  readonly models: readonly string[];
  /** what the count counts */
  readonly unit: CountUnit;
  /** the planned count of each */
  readonly planned: number;
  /** the interval end of the best outcome at that count (none failed, every one right) */
  readonly best: number;
  /** a share's highest bootstrap lower end with some answer wrong; absent for a rate */
  readonly imperfect?: number;
  /** the fewest at which the best outcome passes; null when no count does */
  readonly needed: number | null;
}

/** A gated metric's count at the run's planned size, as the interval after the run takes it. */
interface PlannedCount {
  readonly n: number;
  readonly unit: CountUnit;
  /** for a share: the most rows of one item (repeats, choice orders) */
  readonly rowsPerItem?: number;
}

/** Whether a task metric is accuracy, the share whose interval the post-run code takes from its count. */
function isAccuracy(metric: string, taskType: RunConfig['task']['type']): boolean {
  if (taskType === 'multiple-choice') return metric === 'accuracy';
  return taskType === 'classification' && metricSpec(metric)?.name === 'accuracy';
}

/**
 * The count behind a gate's Wilson interval at the planned size, or undefined where the gate is
 * not one this check reads: `error_rate` counts distinct requests, `unparseable_rate` the
 * prediction rows (`items.total`), accuracy the distinct items (with every answer right, the
 * Wilson interval of `withWilsonFallback` over items). Planned counts are the most the run can
 * have (`evaluation.stop` only sends fewer), and fewer only widen the interval.
 */
function plannedCount(
  t: Threshold,
  config: RunConfig,
  plan: RequestPlan,
): PlannedCount | undefined {
  const rate = t.metric === 'error_rate' || t.metric === 'unparseable_rate';
  if (rate && t.bound === 'ci_high' && (t.op === '<=' || t.op === '<')) {
    return t.metric === 'error_rate'
      ? { n: plan.prompts.size * plan.samples, unit: 'requests' }
      : { n: plan.tasks.length, unit: 'predictions' };
  }
  if (!isAccuracy(t.metric, config.task.type) || t.bound !== 'ci_low') return undefined;
  if (t.op !== '>=' && t.op !== '>') return undefined;
  const rows = new Map<number, number>();
  for (const task of plan.tasks) rows.set(task.item, (rows.get(task.item) ?? 0) + 1);
  return { n: rows.size, unit: 'items', rowsPerItem: Math.max(0, ...rows.values()) };
}

/** The gate's verdict at one count: undefined where some outcome could pass it. */
function unpassableAt(
  t: Threshold,
  count: PlannedCount,
  config: RunConfig,
): Pick<UnpassableGate, 'best' | 'imperfect'> | undefined {
  const { ci, bootstrap } = config.evaluation;
  if (count.n < 1) return undefined;
  const best = wilsonBestEnd(t.bound as 'ci_low' | 'ci_high', count.n, ci);
  if (thresholdHolds(t, best)) return undefined;
  if (count.rowsPerItem === undefined) return { best };
  // a share with a wrong answer keeps its bootstrap interval, which can reach higher than the
  // Wilson interval of a perfect run: 39 of 40 right can pass what 40 of 40 cannot
  const imperfect = shareBootstrapCeiling(count.n, count.rowsPerItem, bootstrap, ci);
  return thresholdHolds(t, imperfect) ? undefined : { best, imperfect };
}

/**
 * The thresholds on a rate's upper end (`error_rate.ci_high <= 0.02`, `unparseable_rate`) or on
 * accuracy's lower end (`accuracy.ci_low >= 0.95`) that no outcome of a model's planned count can
 * pass: the interval read after the run is Wilson's at the best outcome (none failed, every
 * answer right; `wilsonBestEnd`, the rule `sizeNeeded` reports after the run), and for accuracy
 * any wrong answer leaves a bootstrap interval whose lower end lies below
 * `shareBootstrapCeiling`. Such a threshold fails, and the run with it, whatever the service
 * answers. A metric that `evaluation.stop` may follow is left out: its interval is then a
 * confidence sequence.
 *
 * @param config - the validated configuration
 * @param plans - each model's request plan
 * @returns one entry per threshold and planned count concerned, in threshold then model order
 * @example
 * unpassableGates({ ...config, thresholds: ['error_rate.ci_high <= 0.02'] }, (await planRun(config)).plans);
 * // [{ index: 0, threshold: 'error_rate.ci_high <= 0.02', models: ['nb'], unit: 'requests', planned: 40, best: 0.0876…, needed: 189 }]
 */
export function unpassableGates(
  config: RunConfig,
  plans: ReadonlyMap<string, RequestPlan>,
): UnpassableGate[] {
  const followed = config.evaluation.stop === undefined ? [] : stoppableMetrics(config.task.type);
  const out: UnpassableGate[] = [];
  config.thresholds.forEach((source, index) => {
    const parsed = parseThreshold(source);
    if (!parsed.ok || parsed.threshold.against !== undefined) return;
    const t = parsed.threshold;
    if (followed.includes(metricSpec(t.metric)?.name ?? t.metric)) return;
    const short = new Map<number, { gate: Omit<UnpassableGate, 'models'>; models: string[] }>();
    for (const model of config.models) {
      const plan = plans.get(model.name);
      const count = plan === undefined ? undefined : plannedCount(t, config, plan);
      const verdict = count === undefined ? undefined : unpassableAt(t, count, config);
      if (count === undefined || verdict === undefined) continue;
      const at = short.get(count.n);
      if (at !== undefined) at.models.push(model.name);
      else {
        const needed = wilsonTrialsNeeded(t.bound!, t.op, t.value, config.evaluation.ci);
        const gate = { index, threshold: source, unit: count.unit, planned: count.n, needed };
        short.set(count.n, { gate: { ...gate, ...verdict }, models: [model.name] });
      }
    }
    for (const { gate, models } of short.values()) out.push({ ...gate, models });
  });
  return out;
}

const fmt = (x: number): number => Number(x.toPrecision(4));

/** The best outcome of a gated metric: none failed, none unparseable, every answer right. */
function bestOutcome(metric: string): string {
  if (metric === 'error_rate') return 'none failed';
  return metric === 'unparseable_rate' ? 'none unparseable' : 'every one right';
}

/** "even with none failed the upper 95% bound of error_rate (Wilson) would be 0.0876 there, …". */
function bestText(gate: UnpassableGate, t: Threshold, level: string): string {
  const end = t.bound === 'ci_low' ? 'lower' : 'upper';
  const best = `even with ${bestOutcome(t.metric)} the ${end} ${level} bound of ${t.metric} (Wilson) would be ${fmt(gate.best)} there`;
  return gate.imperfect === undefined
    ? `${best}, not ${t.op} ${t.value}`
    : `${best}, and with any answer wrong its bootstrap lower end would be at most ${fmt(gate.imperfect)}, neither ${t.op} ${t.value}`;
}

/**
 * What an unpassable gate means, in one sentence naming the threshold as written, the planned
 * count, the best bound at that count and the fewest at which the best outcome passes.
 *
 * @param gate - the gate
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the sentence
 * @example
 * unpassableGateText({ index: 2, threshold: 'error_rate.ci_high <= 0.02', models: ['nb'], unit: 'requests', planned: 40, best: 0.0876, needed: 189 }, 0.95);
 * // "thresholds[2] 'error_rate.ci_high <= 0.02' cannot pass: model nb has 40 requests planned, and even with none failed the upper 95% bound of error_rate (Wilson) would be 0.0876 there, not <= 0.02, …"
 */
export function unpassableGateText(gate: UnpassableGate, ci: number): string {
  const parsed = parseThreshold(gate.threshold);
  if (!parsed.ok) return `thresholds[${gate.index}] '${gate.threshold}' cannot pass.`;
  const t = parsed.threshold;
  const level = `${Number((ci * 100).toPrecision(6))}%`;
  const who =
    gate.models.length === 1
      ? `model ${gate.models[0]} has`
      : `models ${gate.models.join(', ')} each have`;
  const unit = gate.planned === 1 ? gate.unit.slice(0, -1) : gate.unit;
  const point = `gate the point value (${t.metric} ${t.op} ${t.value})`;
  const best = bestOutcome(t.metric);
  const plan =
    gate.needed === null
      ? `No number of ${gate.unit} lets a run with ${best} pass: ${point}.`
      : `Plan at least ${gate.needed} ${gate.unit} (more items: dataset.limit), the fewest at which a run with ${best} passes, or ${point}.`;
  return `thresholds[${gate.index}] '${gate.threshold}' cannot pass: ${who} ${gate.planned} ${unit} planned, and ${bestText(gate, t, level)}, so the threshold would fail, and the run with it, after every request was paid for, whatever the service answers. ${plan}`;
}
