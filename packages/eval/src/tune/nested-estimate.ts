import type { MetricSummary } from '@assay/report';
import { loadComparedRun } from '../compare/load-compared-run.js';
import { scoreModelOnPool } from '../summary/score-models.js';
import { taskFor } from '../tasks/task-for.js';
import { candidateLabel } from './candidates.js';
import { chooseWinner } from './choose-winner.js';
import { decideWinner } from './decide-winner.js';
import type { CandidateEvaluation } from './evaluate-candidate.js';
import { evaluateWithinBudget } from './search-state.js';
import { runStrategy, type StrategyInput } from './strategies.js';
import type { TuneSetup } from './tune-setup.js';

/** One outer fold of nested cross-validation: the candidate its training part chose, scored on it. */
export interface OuterFold {
  readonly fold: number;
  /** items of the outer test part */
  readonly items: number;
  /** the candidate chosen on the outer training part (null when none met the constraints) */
  readonly winner: number | null;
  readonly label: string | null;
  /** its score on the outer training part (inner CV; optimistic) */
  readonly tuningValue: number | null;
  /** its evaluation on the outer test part */
  readonly test: CandidateEvaluation | null;
}

/** The unbiased estimate of the whole search procedure, from the outer folds. */
export interface NestedEstimate {
  readonly outer: number;
  readonly inner: number;
  readonly folds: readonly OuterFold[];
  /**
   * the metric over every outer test item pooled, with its bootstrap interval and per-fold
   * values; null unless every outer fold was scored (pooling the others would leave out the
   * folds where the procedure failed: see {@link nestedGap})
   */
  readonly estimate: Pick<MetricSummary, 'value' | 'ciLow' | 'ciHigh' | 'folds'> | null;
}

/**
 * Nested cross-validation of the search (Cawley & Talbot, JMLR 2010; scikit-learn's "nested
 * versus non-nested cross-validation"): the items are split into `outer` stratified folds
 * (position p of the seeded stratified order goes to fold p mod outer); for each fold the whole
 * search runs on the other folds, its candidates scored by inner stratified k-fold, and the
 * candidate it chooses is scored once on the held-out fold. The pooled outer predictions give
 * the estimate of the procedure, with a bootstrap interval over items.
 *
 * @param input - the search (its `tuneIds`: every item, in the stratified order)
 * @param setup - the tune config
 * @param outer - outer folds
 * @returns the outer folds and the pooled estimate
 * @example
 * const nested = await nestedEstimate(input, setup, 2);
 * nested.folds.length; // 2
 */
export async function nestedEstimate(
  input: StrategyInput,
  setup: TuneSetup,
  outer: number,
): Promise<NestedEstimate> {
  const folds: OuterFold[] = [];
  for (let o = 0; o < outer && input.state.stoppedBy === null; o++) {
    const train = input.tuneIds.filter((_, p) => p % outer !== o);
    const test = input.tuneIds.filter((_, p) => p % outer === o);
    const finals = await runStrategy({ ...input, tuneIds: train, outer: o });
    const winner =
      input.pairing === undefined
        ? chooseWinner(finals, input.greater)
        : await decideWinner(finals, input.greater, { ...input.pairing, versus: false });
    const candidate = winner === null ? null : input.grid[winner.evaluation.candidate]!;
    const scored =
      candidate === null
        ? null
        : await evaluateWithinBudget(
            input.ctx,
            input.search,
            input.state,
            candidate,
            test,
            { rung: 'test', outer: o },
            input.listener,
          );
    folds.push({
      fold: o,
      items: test.length,
      winner: candidate?.index ?? null,
      label: candidate === null ? null : candidateLabel(asWritten(setup, candidate.valueIndex)),
      tuningValue: winner?.evaluation.value ?? null,
      test: scored,
    });
  }
  const inner = setup.search.nested === 'none' ? 0 : setup.search.nested.inner;
  return { outer, inner, folds, estimate: await pooledEstimate(input, setup, folds, outer) };
}

function asWritten(setup: TuneSetup, valueIndex: Readonly<Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(valueIndex).map(([p, j]) => [p, setup.search.space[p]![j]]),
  );
}

/** The metric over the outer test predictions pooled (fold = outer fold), on the search's pool. */
async function pooledEstimate(
  input: StrategyInput,
  setup: TuneSetup,
  folds: readonly OuterFold[],
  outer: number,
): Promise<NestedEstimate['estimate']> {
  const scored = folds.filter((f) => f.test !== null);
  // a fold where the procedure chose nothing (or was not reached) is part of its outcome
  if (scored.length < outer || input.ctx.runner === undefined) return null;
  const rows = [];
  for (const f of scored) {
    const run = await loadComparedRun(f.test!.dir);
    rows.push(...run.rows.map((r) => ({ ...r, fold: f.fold })));
  }
  const { evaluation, task } = setup.base;
  const metrics = await scoreModelOnPool(input.ctx.runner, rows, taskFor(task), [setup.metric], {
    folds: outer,
    bootstrap: evaluation.bootstrap,
    ci: evaluation.ci,
    seed: evaluation.seed,
  });
  const m = metrics[setup.metric];
  return m === undefined
    ? null
    : { value: m.value, ciLow: m.ciLow, ciHigh: m.ciHigh, folds: m.folds };
}

/**
 * Why nested cross-validation has no pooled estimate, when outer folds were not scored.
 *
 * @param n - the nested estimate
 * @returns e.g. `outer fold 2 chose no candidate that met every constraint`, or null when
 *   every outer fold was scored
 * @example
 * nestedGap({ outer: 2, folds: [{ fold: 1, winner: 0, test: {} }, { fold: 2, winner: null }] }); // 'outer fold 2 chose no candidate that met every constraint'
 */
export function nestedGap(n: NestedEstimate): string | null {
  const parts: string[] = [];
  const noWinner = n.folds.filter((f) => f.winner === null).map((f) => f.fold);
  const unscored = n.folds.filter((f) => f.winner !== null && f.test === null).map((f) => f.fold);
  const unreached = Array.from({ length: n.outer - n.folds.length }, (_, i) => n.folds.length + i);
  const fold = (xs: number[]) => `outer fold${xs.length === 1 ? '' : 's'} ${xs.join(', ')}`;
  if (noWinner.length > 0)
    parts.push(`${fold(noWinner)} chose no candidate that met every constraint`);
  if (unscored.length > 0)
    parts.push(
      `${fold(unscored)} ${unscored.length === 1 ? 'was' : 'were'} not scored (the budget stopped the search)`,
    );
  if (unreached.length > 0)
    parts.push(
      `${fold(unreached)} ${unreached.length === 1 ? 'was' : 'were'} not reached (the budget stopped the search)`,
    );
  return parts.length === 0 ? null : parts.join('; ');
}
