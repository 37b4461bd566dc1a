import { quotedLabel } from '@assay/labels';
import { fmt } from '../format/format-number.js';
import type { ModelResult } from '../results/run-results-schema.js';
import { confusionFacts } from './confusion-facts.js';
import { percentOf } from './words.js';

/**
 * ROC AUC from which the scores count as ranking the items well.
 *
 * @example
 * RANKING_AUC_MIN; // 0.9
 */
export const RANKING_AUC_MIN = 0.9;
/**
 * How far below ROC AUC balanced accuracy must fall to count as a threshold problem.
 *
 * @example
 * RANKING_GAP_MIN; // 0.15
 */
export const RANKING_GAP_MIN = 0.15;

/**
 * Float noise the two comparisons forgive, so the documented rule holds as written: AUC 0.95
 * and balanced accuracy 0.80 differ by 0.1499999999999999 in floating point, which is 0.15.
 */
const TOLERANCE = 1e-9;

/** A model whose scores rank well while its answers decide poorly. */
export interface RankingDecisionGap {
  /** the model */
  model: string;
  /** ROC AUC of its scores */
  auc: number;
  /** balanced accuracy of its answers */
  balancedAccuracy: number;
  /** binary tasks: how often it answers the positive label, against how often that is true */
  positive: { label: string; answeredShare: string; trueShare: string } | null;
}

/**
 * Whether a model's ranking quality and decision quality disagree: its scores separate the
 * classes (ROC AUC ≥ {@link RANKING_AUC_MIN}) but its answers are much worse (balanced
 * accuracy at least {@link RANKING_GAP_MIN} below ROC AUC). The scores then hold the
 * information and the cut-off that turns them into answers is wrong: a threshold problem,
 * not a weak model.
 *
 * @param m - the model's results
 * @param positiveLabel - the task's positive label (binary tasks), for the direction
 * @returns the disagreement, or null when there is none or no ROC AUC
 * @remarks Balanced accuracy, not accuracy, since ROC AUC ignores the class mix and a skewed
 *   mix can hold accuracy up. It is the reported `balanced_accuracy` (or `recall_macro`, the
 *   same quantity), else computed from the confusion matrix. For an equal-variance binormal
 *   model the best cut-off's balanced accuracy is Φ(Φ⁻¹(AUC)/√2): 0.82 at AUC 0.90 and 0.95
 *   at AUC 0.99, so a gap of 0.15 is well beyond what a good cut-off leaves. Both bounds are
 *   compared with a tolerance of 1e-9, so float noise does not decide: AUC 0.95 and balanced
 *   accuracy 0.80 (a gap of 0.1499999999999999 in floating point) warn.
 * @example
 * rankingDecisionGap(models[1], 'spam')?.auc; // 0.995 (lr)
 * rankingDecisionGap(models[0], 'spam'); // null (nb: ROC AUC 0.93, balanced accuracy 0.85)
 */
export function rankingDecisionGap(
  m: ModelResult,
  positiveLabel: string | null,
): RankingDecisionGap | null {
  const auc = m.metrics.roc_auc?.value ?? m.rocCurve?.auc ?? null;
  if (auc === null || auc < RANKING_AUC_MIN - TOLERANCE) return null;
  const facts = confusionFacts(m.confusion);
  const balancedAccuracy =
    m.metrics.balanced_accuracy?.value ?? m.metrics.recall_macro?.value ?? facts?.balancedAccuracy;
  if (balancedAccuracy === null || balancedAccuracy === undefined) return null;
  if (auc - balancedAccuracy < RANKING_GAP_MIN - TOLERANCE) return null;
  const p = facts && positiveLabel !== null ? facts.labels.indexOf(positiveLabel) : -1;
  return {
    model: m.name,
    auc,
    balancedAccuracy,
    positive:
      facts && p >= 0 && facts.labels.length === 2
        ? {
            label: positiveLabel!,
            answeredShare: percentOf(facts.answered[p]!, facts.total),
            trueShare: percentOf(facts.rowTotals[p]!, facts.total),
          }
        : null,
  };
}

/**
 * The warning sentence of a {@link RankingDecisionGap}.
 *
 * @param g - the disagreement
 * @returns plain text
 * @example
 * const gap = rankingDecisionGap(models[1], 'spam');
 * gap && rankingDecisionWarning(gap); // 'lr ranks the items well (ROC AUC 0.995) but its answers are much worse (balanced accuracy 0.800): …'
 */
export function rankingDecisionWarning(g: RankingDecisionGap): string {
  const label = g.positive ? quotedLabel(g.positive.label) : '';
  const direction = g.positive
    ? ` It answers ${label} for ${g.positive.answeredShare} of the items, where ${g.positive.trueShare} are ${label}.`
    : '';
  return `${g.model} ranks the items well (ROC AUC ${fmt(g.auc)}) but its answers are much worse (balanced accuracy ${fmt(g.balancedAccuracy)}): the scores separate the classes and the answers do not follow them, a decision-threshold problem rather than a weak model.${direction}`;
}
