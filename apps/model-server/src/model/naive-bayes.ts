import {
  checkGroups,
  loadSpamCorpus,
  SpamAssassinError,
  type SpamAssassinGroup,
  TRAINING_GROUPS,
} from '@assay/spam-assassin';
import { ModelServerError } from '../errors.js';
import { fitPlattScaling, type PlattScaling } from './platt-scaling.js';
import { tokenizeEmail } from './tokenize.js';

/**
 * A trained boolean multinomial Naive Bayes spam filter with Platt-scaled output.
 *
 * @remarks
 * Plain data, immutable once trained, safe to share between servers and to serialize
 * (see `serializeSpamModel`). `weights` maps a feature to `log P(f|spam) - log P(f|ham)`.
 */
export interface SpamModel {
  readonly kind: 'boolean-multinomial-nb';
  /** Corpus groups it was trained on. */
  readonly groups: readonly SpamAssassinGroup[];
  /** Laplace smoothing constant. */
  readonly alpha: number;
  /** `log(nSpam / nHam)` over training documents. */
  readonly priorLogOdds: number;
  readonly weights: ReadonlyMap<string, number>;
  /**
   * Maps raw NB log-odds `z` to the served logit `slope * z + intercept`; the intercept includes
   * the shift from the training class mix to equal priors.
   */
  readonly calibration: PlattScaling;
  readonly documents: { readonly spam: number; readonly ham: number };
}

/** What the model says about one e-mail. */
export interface SpamPrediction {
  readonly label: 'spam' | 'ham';
  /** Calibrated `log(P(spam) / P(ham))`. */
  readonly logit: number;
  /** `log P(spam)`, computed stably; `exp(logProbSpam) + exp(logProbHam) = 1`. */
  readonly logProbSpam: number;
  readonly logProbHam: number;
  /** Uncalibrated Naive Bayes log-odds. */
  readonly rawLogOdds: number;
}

/** Options of {@link trainSpamModel}. */
export interface TrainSpamModelOptions {
  /** Corpus groups to train on; default `['easy-ham-1', 'hard-ham-1', 'spam-1']`. */
  groups?: readonly string[];
}

const ALPHA = 1;
/** Features seen in fewer training documents are dropped: they are mostly noise. */
const MIN_DOCUMENT_FREQUENCY = 2;
/** Every k-th training document is held back to fit the Platt scaling. */
const CALIBRATION_STRIDE = 5;

const cache = new Map<string, SpamModel>();

/** Per-class document frequencies of features; grows as documents are added. */
interface FeatureCounts {
  readonly spam: Map<string, number>;
  readonly ham: Map<string, number>;
  nSpam: number;
  nHam: number;
}

interface Weights {
  weights: Map<string, number>;
  priorLogOdds: number;
}

function addDocuments(
  counts: FeatureCounts,
  docs: readonly string[][],
  labels: readonly boolean[],
): void {
  for (let i = 0; i < docs.length; i++) {
    const isSpam = labels[i]!;
    if (isSpam) counts.nSpam++;
    else counts.nHam++;
    const map = isSpam ? counts.spam : counts.ham;
    for (const f of docs[i]!) map.set(f, (map.get(f) ?? 0) + 1);
  }
}

function weigh(counts: FeatureCounts): Weights {
  const spamCounts = counts.spam;
  const hamCounts = counts.ham;
  const vocabulary: string[] = [];
  let spamTotal = 0;
  let hamTotal = 0;
  const consider = (f: string): void => {
    const s = spamCounts.get(f) ?? 0;
    const h = hamCounts.get(f) ?? 0;
    if (s + h < MIN_DOCUMENT_FREQUENCY) return;
    vocabulary.push(f);
    spamTotal += s;
    hamTotal += h;
  };
  for (const f of spamCounts.keys()) consider(f);
  for (const f of hamCounts.keys()) if (!spamCounts.has(f)) consider(f);
  const v = vocabulary.length;
  const logSpamDenominator = Math.log(spamTotal + ALPHA * v);
  const logHamDenominator = Math.log(hamTotal + ALPHA * v);
  const weights = new Map<string, number>();
  for (const f of vocabulary) {
    const logSpam = Math.log((spamCounts.get(f) ?? 0) + ALPHA) - logSpamDenominator;
    const logHam = Math.log((hamCounts.get(f) ?? 0) + ALPHA) - logHamDenominator;
    weights.set(f, logSpam - logHam);
  }
  return { weights, priorLogOdds: Math.log(counts.nSpam / counts.nHam) };
}

function rawLogOdds(weights: ReadonlyMap<string, number>, prior: number, features: string[]) {
  let z = prior;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

/** The corpus package's errors restated as this package's, same code, message and path. */
function asServerError(error: unknown): unknown {
  return error instanceof SpamAssassinError
    ? new ModelServerError(error.code, error.message, error.path)
    : error;
}

function trainingGroups(groups: readonly string[] | undefined): SpamAssassinGroup[] {
  try {
    return checkGroups(groups ?? TRAINING_GROUPS, 'options.groups');
  } catch (error) {
    throw asServerError(error);
  }
}

function corpusOf(groups: readonly SpamAssassinGroup[]): ReturnType<typeof loadSpamCorpus> {
  try {
    return loadSpamCorpus(groups);
  } catch (error) {
    throw asServerError(error);
  }
}

/**
 * Trains the spam filter on SpamAssassin groups (boolean multinomial Naive Bayes + Platt scaling).
 *
 * @remarks
 * Features come from {@link tokenizeEmail} (distinct per e-mail). Per class `c` and feature `f`:
 * `log P(f|c) = log((n_fc + 1) / (N_c + V))` (Laplace smoothing, `alpha = 1`), where `n_fc` counts
 * class-`c` e-mails containing `f`, `N_c` sums them and `V` is the vocabulary (features seen in at
 * least 2 training e-mails). Raw log-odds `z = log(nSpam/nHam) + sum_f (log P(f|spam) - log P(f|ham))`
 * are wildly over-confident (features are not independent), so a Platt scaling `slope*z + intercept`
 * is fitted on every 5th training e-mail scored by a model trained on the other 4/5, then the final
 * model is trained on all of them. The served logit then subtracts the training prior log-odds,
 * i.e. probabilities assume spam and ham are equally likely a priori (the label threshold is
 * `P(spam) >= 0.5` under that prior). Results are cached per process by group list: a second call is free.
 *
 * @param options - {@link TrainSpamModelOptions}
 * @returns the trained model (shared, immutable)
 * @throws {@link ModelServerError} `UNKNOWN_GROUP` for a bad group, `INVALID_OPTION` when the groups
 *   lack spam or ham
 * @example
 * ```ts
 * const model = trainSpamModel();
 * predictSpam(model, 'Subject: WIN $$$ now\n\nClick here to claim your prize').label; // 'spam'
 * ```
 * @see sklearn.naive_bayes.MultinomialNB, sklearn.calibration.CalibratedClassifierCV (method='sigmoid')
 */
export function trainSpamModel(options: TrainSpamModelOptions = {}): SpamModel {
  const groups = trainingGroups(options.groups);
  const key = [...new Set(groups)].sort().join(',');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const messages = corpusOf(groups);
  const docs = messages.map((m) => tokenizeEmail(m.text));
  const labels = messages.map((m) => m.label === 'spam');
  if (!labels.includes(true) || !labels.includes(false)) {
    throw new ModelServerError(
      'INVALID_OPTION',
      `options.groups (${groups.join(', ')}) must include at least one spam group and one ham group.`,
      'options.groups',
    );
  }
  const fitDocs: string[][] = [];
  const fitLabels: boolean[] = [];
  const calDocs: string[][] = [];
  const calLabels: boolean[] = [];
  for (let i = 0; i < docs.length; i++) {
    const held = i % CALIBRATION_STRIDE === CALIBRATION_STRIDE - 1;
    (held ? calDocs : fitDocs).push(docs[i]!);
    (held ? calLabels : fitLabels).push(labels[i]!);
  }
  const counts: FeatureCounts = { spam: new Map(), ham: new Map(), nSpam: 0, nHam: 0 };
  addDocuments(counts, fitDocs, fitLabels);
  const partial = weigh(counts);
  const scores = calDocs.map((d) => rawLogOdds(partial.weights, partial.priorLogOdds, d));
  const platt = fitPlattScaling(scores, calLabels);
  addDocuments(counts, calDocs, calLabels);
  const full = weigh(counts);
  // Served probabilities assume equal class priors: the training mix (15% spam by default) says
  // nothing about the traffic the server will see, and later mail (spam-2) is half spam.
  const calibration = { slope: platt.slope, intercept: platt.intercept - full.priorLogOdds };
  const model: SpamModel = {
    kind: 'boolean-multinomial-nb',
    groups,
    alpha: ALPHA,
    priorLogOdds: full.priorLogOdds,
    weights: full.weights,
    calibration,
    documents: { spam: counts.nSpam, ham: counts.nHam },
  };
  cache.set(key, model);
  return model;
}

/** `log(1 + exp(x))` without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Classifies one e-mail.
 *
 * @param model - a trained {@link SpamModel}
 * @param text - the raw e-mail (headers optional)
 * @returns label (`spam` when `P(spam) >= 0.5`), calibrated logit and log-probabilities
 * @example
 * ```ts
 * const p = predictSpam(trainSpamModel(), email);
 * Math.exp(p.logProbSpam) + Math.exp(p.logProbHam); // 1
 * ```
 */
export function predictSpam(model: SpamModel, text: string): SpamPrediction {
  const z = rawLogOdds(model.weights, model.priorLogOdds, tokenizeEmail(text));
  const logit = model.calibration.slope * z + model.calibration.intercept;
  return {
    label: logit >= 0 ? 'spam' : 'ham',
    logit,
    logProbSpam: -softplus(-logit),
    logProbHam: -softplus(logit),
    rawLogOdds: z,
  };
}

/**
 * The e-mail's features that pushed hardest towards `label`, strongest first.
 *
 * @param model - a trained {@link SpamModel}
 * @param text - the raw e-mail
 * @param label - the direction to explain
 * @param count - how many features at most (default 8)
 * @returns features such as `'click'` or `'subject:free'`
 * @example
 * ```ts
 * import { spamEvidence, trainSpamModel } from '@assay/model-server';
 * spamEvidence(trainSpamModel(), 'Subject: FREE cash, click now', 'spam', 3);
 * // ['subject:free', 'subject:cash', 'subject:now']
 * ```
 */
export function spamEvidence(
  model: SpamModel,
  text: string,
  label: 'spam' | 'ham',
  count = 8,
): string[] {
  const sign = label === 'spam' ? 1 : -1;
  const scored: Array<[string, number]> = [];
  for (const f of tokenizeEmail(text)) {
    const w = (model.weights.get(f) ?? 0) * sign;
    if (w > 0) scored.push([f, w]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, count).map(([f]) => f);
}
