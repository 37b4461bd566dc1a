import {
  checkGroups,
  HELD_OUT_GROUPS,
  loadSpamCorpus,
  parseEmail,
  SpamAssassinError,
  type SpamAssassinGroup,
  TRAINING_GROUPS,
} from '@assay/spam-assassin';
import { ModelServerError } from '../errors.js';
import { subjectTerms } from './subject-terms.js';

/**
 * The fitted part of `assay-subject-extractive`: inverse document frequencies of body terms.
 *
 * @remarks
 * Plain data, immutable once fitted. `idf(t) = ln((1 + n) / (1 + df(t))) + 1` (scikit-learn's
 * `smooth_idf`), where `n` is the number of training bodies and `df(t)` the number holding `t`; a
 * term never seen in training gets `unseenIdf = ln(1 + n) + 1`.
 */
export interface SubjectModel {
  readonly kind: 'tfidf-centroid-extractive';
  /** Corpus groups whose bodies gave the document frequencies (training groups only). */
  readonly groups: readonly SpamAssassinGroup[];
  /** Ids of the e-mails whose bodies were counted, in corpus order. */
  readonly documentIds: readonly string[];
  readonly idf: ReadonlyMap<string, number>;
  /** The IDF of a term no training body holds. */
  readonly unseenIdf: number;
}

/** Options of {@link fitSubjectModel}. */
export interface FitSubjectModelOptions {
  /** Training groups whose bodies give the IDF; default all of `TRAINING_GROUPS`. Held-out groups are refused. */
  groups?: readonly string[];
}

const cache = new Map<string, SubjectModel>();

function checkedGroups(groups: readonly string[] | undefined): SpamAssassinGroup[] {
  let checked: SpamAssassinGroup[];
  try {
    checked = checkGroups(groups ?? TRAINING_GROUPS, 'options.groups');
  } catch (error) {
    if (error instanceof SpamAssassinError) {
      throw new ModelServerError('UNKNOWN_GROUP', error.message, error.path);
    }
    throw error;
  }
  checked.forEach((group, i) => {
    if (HELD_OUT_GROUPS.includes(group)) {
      throw new ModelServerError(
        'INVALID_OPTION',
        `options.groups[${i}] is '${group}', a held-out group; the subject model fits its IDF on training groups only (${TRAINING_GROUPS.join(', ')}), so the held-out mail stays unseen.`,
        `options.groups[${i}]`,
      );
    }
  });
  if (checked.length === 0) {
    throw new ModelServerError(
      'INVALID_OPTION',
      `options.groups is empty; name at least one of ${TRAINING_GROUPS.join(', ')}.`,
      'options.groups',
    );
  }
  return checked;
}

/**
 * Fits the IDF of `assay-subject-extractive` on the bodies of training e-mails.
 *
 * @remarks
 * Bodies are read with `parseEmail` (MIME decoded, HTML reduced to text), the same reading as the
 * `spam-assassin-subjects` data set; terms are {@link subjectTerms}. Only training groups are
 * accepted, so no held-out e-mail (the evaluation data) shapes the model. Cached per process by
 * group list: a second call is free.
 *
 * @param options - {@link FitSubjectModelOptions}
 * @returns the model (shared, immutable)
 * @throws {@link ModelServerError} `INVALID_OPTION` for a held-out group or none,
 *   `UNKNOWN_GROUP` for a name outside the corpus
 * @example
 * ```ts
 * import { fitSubjectModel } from '@assay/model-server';
 * const model = fitSubjectModel();
 * model.documentIds.length; // 3250
 * ```
 */
export function fitSubjectModel(options: FitSubjectModelOptions = {}): SubjectModel {
  const groups = checkedGroups(options.groups);
  const key = [...new Set(groups)].sort().join(',');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const documentIds: string[] = [];
  const df = new Map<string, number>();
  for (const message of loadSpamCorpus(groups)) {
    documentIds.push(message.id);
    for (const term of new Set(subjectTerms(parseEmail(message.text).body))) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const n = documentIds.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log((1 + n) / (1 + count)) + 1);
  const model: SubjectModel = {
    kind: 'tfidf-centroid-extractive',
    groups,
    documentIds,
    idf,
    unseenIdf: Math.log(1 + n) + 1,
  };
  cache.set(key, model);
  return model;
}
