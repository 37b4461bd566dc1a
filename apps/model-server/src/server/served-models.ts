/** Model id of the extractive subject-line writer. */
export const SUBJECT_MODEL_ID = 'assay-subject-extractive';
/** Model id of the token-overlap grader. */
export const JUDGE_MODEL_ID = 'assay-overlap-judge';
/** Ids that always name the generative models, whatever the spam model is called. */
export const GENERATIVE_MODEL_IDS: readonly string[] = [SUBJECT_MODEL_ID, JUDGE_MODEL_ID];

/** Which model answers a request. */
export type ServedModel = 'spam' | 'subject' | 'judge';

/**
 * The model that answers a request's `model` field: the two generative ids by name, and any other
 * string the spam filter (as before the generative models existed).
 *
 * @param requested - the request's `model`
 * @returns which model answers
 */
export function servedModel(requested: string): ServedModel {
  if (requested === SUBJECT_MODEL_ID) return 'subject';
  if (requested === JUDGE_MODEL_ID) return 'judge';
  return 'spam';
}
