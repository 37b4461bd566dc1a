import type { RunConfig } from '../config/run-config-schema.js';
import { parseThreshold } from '../config/thresholds.js';
import { EvaluationError } from '../errors.js';
import { percentileBoundSize, percentileMetric } from '../summary/percentile-bound-size.js';
import type { RequestPlan } from './plan.js';
import { unpassableGates, unpassableGateText } from './unpassable-gates.js';
import {
  unstreamedBecause,
  unstreamedTimingGates,
  unstreamedTimingGateText,
} from './unstreamed-timing-gates.js';

/** A threshold on a percentile's interval end that a model's planned requests cannot bound. */
export interface UncheckableGate {
  /** its index in `thresholds` */
  readonly index: number;
  /** the threshold as written in the config */
  readonly threshold: string;
  /** the models whose requests are too few (those with the same count together) */
  readonly models: readonly string[];
  /** their planned distinct requests each (resumed, cached and sent together) */
  readonly planned: number;
  /** the fewest timed requests that give the interval the end the threshold reads */
  readonly needed: number;
}

/**
 * Each model's planned distinct requests: one per distinct prompt and sample, as the run
 * journals them, after `dataset.limit`, the folds and repeats (a repeated zero-shot prompt is
 * sent once) and `task.samples`.
 *
 * @param plans - each model's request plan
 * @returns model name → requests
 * @example
 * plannedRequests((await planRun(config)).plans).get('nb'); // 40
 */
export function plannedRequests(plans: ReadonlyMap<string, RequestPlan>): Map<string, number> {
  return new Map([...plans].map(([model, plan]) => [model, plan.prompts.size * plan.samples]));
}

/**
 * The thresholds on a latency, TTFT or TPOT percentile's interval end (`p95_latency_ms.ci_high
 * <= 800`) that no outcome of the run can check: the interval's end exists only from a count of
 * timed requests ({@link percentileBoundSize}, the rule of the interval read after the run), and
 * a model's timed requests are at most its planned ones (a failed request has no timing).
 * Such a threshold ends as an ERROR, and the run fails, whatever the service answers. A TTFT or
 * TPOT one on a model that is not streamed is left to `unstreamedTimingGates`: no count helps it.
 *
 * @param config - the validated configuration (`thresholds`, `evaluation.ci`)
 * @param planned - each model's planned requests ({@link plannedRequests})
 * @returns one entry per threshold and planned count concerned, in threshold then model order
 * @example
 * uncheckableGates({ ...config, thresholds: ['p95_latency_ms.ci_high <= 800'] }, new Map([['nb', 40]]));
 * // [{ index: 0, threshold: 'p95_latency_ms.ci_high <= 800', models: ['nb'], planned: 40, needed: 72 }]
 */
export function uncheckableGates(
  config: Pick<RunConfig, 'thresholds' | 'evaluation' | 'models'>,
  planned: ReadonlyMap<string, number>,
): UncheckableGate[] {
  const out: UncheckableGate[] = [];
  config.thresholds.forEach((source, index) => {
    const parsed = parseThreshold(source);
    if (!parsed.ok || parsed.threshold.bound === undefined) return;
    if (parsed.threshold.against !== undefined) return;
    const percentile = percentileMetric(parsed.threshold.metric);
    if (percentile === undefined) return;
    const size = percentileBoundSize(percentile.q, config.evaluation.ci);
    const needed = parsed.threshold.bound === 'ci_high' ? size.high : size.low;
    const short = new Map<number, string[]>();
    for (const model of config.models) {
      if (percentile.timing !== 'latency' && unstreamedBecause(model) !== undefined) continue;
      const n = planned.get(model.name) ?? 0;
      if (n < needed) short.set(n, [...(short.get(n) ?? []), model.name]);
    }
    for (const [n, models] of short)
      out.push({ index, threshold: source, models, planned: n, needed });
  });
  return out;
}

/**
 * What an uncheckable gate means, in one sentence naming the threshold as written, the
 * planned requests and the count that makes it computable.
 *
 * @param gate - the gate
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the sentence
 * @example
 * uncheckableGateText({ index: 1, threshold: 'p95_latency_ms.ci_high <= 800', models: ['nb'], planned: 40, needed: 72 }, 0.95);
 * // "thresholds[1] 'p95_latency_ms.ci_high <= 800' cannot be checked: model nb has 40 requests planned, and the upper 95% bound of p95_latency_ms exists only from 72 timed requests, …"
 */
export function uncheckableGateText(gate: UncheckableGate, ci: number): string {
  const parsed = parseThreshold(gate.threshold);
  const t = parsed.ok ? parsed.threshold : undefined;
  const end = t?.bound === 'ci_low' ? 'lower' : 'upper';
  const metric = t?.metric ?? gate.threshold;
  const level = `${Number((ci * 100).toPrecision(6))}%`;
  const point = t === undefined ? '' : `, or gate the point value (${metric} ${t.op} ${t.value})`;
  const planned = gate.planned === 1 ? '1 request' : `${gate.planned} requests`;
  const who =
    gate.models.length === 1
      ? `model ${gate.models[0]} has`
      : `models ${gate.models.join(', ')} each have`;
  return `thresholds[${gate.index}] '${gate.threshold}' cannot be checked: ${who} ${planned} planned, and the ${end} ${level} bound of ${metric} exists only from ${gate.needed} timed requests, so the threshold would end as an ERROR and fail the run after every request was paid for. Plan at least ${gate.needed} requests (more items: dataset.limit)${point}.`;
}

/** One gate that can only end badly, with the sentence that says why. */
interface GateProblem {
  /** its index in `thresholds` */
  readonly index: number;
  /** the sentence */
  readonly text: string;
}

/**
 * Every gate the run can only end badly on, in threshold order: a percentile end the planned
 * requests cannot bound ({@link uncheckableGates}), a Wilson end no outcome of the planned count
 * can pass (`unpassableGates`), a TTFT or TPOT figure of a model that is not streamed
 * (`unstreamedTimingGates`).
 */
function gateProblems(config: RunConfig, plans: ReadonlyMap<string, RequestPlan>): GateProblem[] {
  const ci = config.evaluation.ci;
  const problems: GateProblem[] = [
    ...uncheckableGates(config, plannedRequests(plans)).map((g) => ({
      index: g.index,
      text: uncheckableGateText(g, ci),
    })),
    ...unpassableGates(config, plans).map((g) => ({
      index: g.index,
      text: unpassableGateText(g, ci),
    })),
    ...unstreamedTimingGates(config).map((g) => ({
      index: g.index,
      text: unstreamedTimingGateText(g),
    })),
  ];
  // stable: within one threshold, the order of the rules above and of the models
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * The run's check of its gates before sending: refuses (`refuse`) or warns of (`warn`, the
 * default) each threshold that can only end badly whatever the service answers: an interval end
 * its planned requests cannot give or no outcome of them can pass, or a TTFT or TPOT figure of a
 * model that is not streamed. Its outcome is known in advance, and every request would be paid
 * for to learn it.
 *
 * @param config - the validated configuration
 * @param plans - each model's request plan
 * @param options - `uncheckableGates`: `refuse` (`assay run`) or `warn` (a note now, the
 *   returned warnings later); `onNote`: told each warning before anything is sent
 * @returns the warnings, for `results.json` `warnings` (none when refusing)
 * @throws EvaluationError `INVALID_CONFIG` at `thresholds[i]` of the first, naming every one,
 *   in `refuse` mode
 * @example
 * checkGateSizes(config, (await planRun(config)).plans, { uncheckableGates: 'refuse' }); // []
 */
export function checkGateSizes(
  config: RunConfig,
  plans: ReadonlyMap<string, RequestPlan>,
  options: {
    readonly uncheckableGates?: 'refuse' | 'warn' | undefined;
    readonly onNote?: ((message: string) => void) | undefined;
  },
): string[] {
  const problems = gateProblems(config, plans);
  if (options.uncheckableGates === 'refuse' && problems.length > 0) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      `The run was not started, and no request was sent: ${problems.map((p) => p.text).join(' ')}`,
      { path: `thresholds[${problems[0]!.index}]` },
    );
  }
  const warnings = problems.map((p) => p.text);
  for (const w of warnings) options.onNote?.(w);
  return warnings;
}

/**
 * The sentence of each threshold that can only end badly, for a dry run's warnings: what
 * `assay run` would refuse before sending.
 *
 * @param config - the validated configuration
 * @param plans - each model's request plan
 * @returns one sentence per threshold and model (or planned count) concerned
 * @example
 * gateSizeWarnings(config, (await planRun(config)).plans); // []
 */
export function gateSizeWarnings(
  config: RunConfig,
  plans: ReadonlyMap<string, RequestPlan>,
): string[] {
  return gateProblems(config, plans).map((p) => p.text);
}
