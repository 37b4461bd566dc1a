import type { ModelResult } from '@assay/report';
import type { RunConfig } from '../config/run-config-schema.js';
import { cleanCut, failureClassesText } from './failure-text.js';

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/**
 * Why a model's metrics do not represent it: more failed requests than
 * `evaluation.maxFailedFraction` of its predictions (a dead or overloaded service), or
 * more unparseable answers than `evaluation.maxUnparseableFraction` of those answered (a
 * prompt or extraction that does not fit). Each reason names the counts, the limit and,
 * for failures, the failure classes (each count after `×`, so none reads as an HTTP status;
 * the statuses themselves named where known) and the first underlying error.
 *
 * @remarks Predictions and requests are different units: identical prompts (the same item in
 * several repeats, or samples) share one request, so a reason counts failed predictions
 * against `maxFailedFraction` and then, labelled, the distinct failed requests by class.
 *
 * @param model - the model's result (items and service statistics filled in)
 * @param evaluation - the config's `evaluation` section
 * @param httpStatuses - the model's `http_status` failures by status, where known
 * @returns the reasons, empty when the metrics are representative
 * @example
 * notRepresentative(model, { maxFailedFraction: 0.05, maxUnparseableFraction: 0.5 }); // []
 */
export function notRepresentative(
  model: Pick<ModelResult, 'name' | 'items' | 'service'>,
  evaluation: Pick<RunConfig['evaluation'], 'maxFailedFraction' | 'maxUnparseableFraction'>,
  httpStatuses: Readonly<Record<string, number>> = {},
): string[] {
  const { total, failed, unparseable } = model.items;
  const reasons: string[] = [];
  if (total > 0 && failed / total > evaluation.maxFailedFraction) {
    const classes = failureClassesText(model.service.errorsByClass, httpStatuses);
    const first = model.service.errorExamples[0];
    reasons.push(
      `${model.name}: ${failed} of ${total} predictions failed (${percent(failed, total)}), above evaluation.maxFailedFraction ${evaluation.maxFailedFraction}; ${model.service.failed} distinct requests failed (${classes})${first ? `; first error: ${cleanCut(first.message)}` : ''}`,
    );
  }
  const answered = total - failed;
  if (answered > 0 && unparseable / answered > evaluation.maxUnparseableFraction) {
    reasons.push(
      `${model.name}: ${unparseable} of ${answered} answers were unparseable (${percent(unparseable, answered)}), above evaluation.maxUnparseableFraction ${evaluation.maxUnparseableFraction}; check task.answer and the prompt`,
    );
  }
  return reasons;
}
