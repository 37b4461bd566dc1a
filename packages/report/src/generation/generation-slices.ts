import type { ModelResult } from '../results/run-results-schema.js';
import { sliceMetrics } from './generation-facts.js';

/** One dataset group of a generation model, as the reports' worst-slices parts show it. */
export interface GenerationSlice {
  readonly group: string;
  /** answers in the group (items × samples) */
  readonly n: number;
  /** distinct items in the group; absent in files written before `slices[].items` */
  readonly items?: number;
  /** failed requests in the group */
  readonly errors: number;
  /** the scorer the slices are ranked by */
  readonly metric: string;
  readonly value: number | null;
  /** every scorer's value on the group */
  readonly metrics: Record<string, number | null>;
}

/** Worst first on the ranking scorer (direction from `greaterIsBetter`), missing values last. */
function rankOldSlices(slices: GenerationSlice[], greaterIsBetter: boolean): GenerationSlice[] {
  const sign = greaterIsBetter ? 1 : -1;
  return slices.sort((a, b) => {
    if (a.value === null || b.value === null)
      return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (a.value - b.value) || b.n - a.n;
  });
}

/**
 * A generation model's dataset groups, worst first on the ranking scorer, each with every
 * scorer's value: what the worst-slices parts of the reports show instead of an accuracy,
 * which free text does not have.
 *
 * @param m - the model's results
 * @param greaterIsBetter - the results' `evaluation.greaterIsBetter`
 * @returns the groups; null when the model has no `generation` (not a generation task)
 * @remarks Results written since `slices[].metric` exists are ranked by the harness (which
 *   knows a renamed `ter` is lower-better) and keep their order; older files carry the values
 *   only in `generation.slices`, so they are ranked here on the first scorer, with its
 *   direction from `greaterIsBetter` (higher is better when it is not named).
 * @example
 * generationSlices(generationModel, generationRun.evaluation.greaterIsBetter)?.[0]?.group; // 'list-a' (the worst group)
 */
export function generationSlices(
  m: ModelResult,
  greaterIsBetter: Record<string, boolean> | undefined,
): GenerationSlice[] | null {
  const g = m.generation;
  if (g === undefined) return null;
  const byGroup = new Map(g.slices.map((s) => [s.group, s.metrics]));
  const ranked = m.slices.find((s) => s.metric !== undefined)?.metric;
  const metric = ranked ?? sliceMetrics(g.slices)[0] ?? '';
  const slices = m.slices.map((s) => {
    const metrics = s.metrics ?? byGroup.get(s.group) ?? {};
    return {
      group: s.group,
      n: s.n,
      ...(s.items === undefined ? {} : { items: s.items }),
      errors: s.errors,
      metric,
      value: s.value ?? metrics[metric] ?? null,
      metrics,
    };
  });
  return ranked === undefined ? rankOldSlices(slices, greaterIsBetter?.[metric] ?? true) : slices;
}
