import { bodySentences } from './body-sentences.js';
import type { SubjectModel } from './subject-model.js';
import { isAddress, subjectTerms } from './subject-terms.js';

/** Words kept from the start of a sentence: subjects run 5-6 words (median 5 in the corpus). */
export const SUBJECT_WORDS = 10;
/** Candidates the model samples among at temperature > 0. */
export const SUBJECT_CANDIDATES = 5;
/** A candidate needs this many terms; shorter sentences ("Hi all.") say nothing. */
const MIN_TERMS = 3;
/**
 * Exponent of the position discount `1 / (1 + i)^0.5`. Writers state their topic early (the lead
 * bias of summarization); 0.5 was chosen on the training groups (mean token F1 0.083 without the
 * discount, 0.103 with it, as at 1; 0.098 for the first sentence alone), never on held-out mail.
 */
const POSITION_EXPONENT = 0.5;

/** One subject line the model may answer. */
export interface SubjectCandidate {
  /** The first {@link SUBJECT_WORDS} words of a body sentence, single-spaced. */
  readonly text: string;
  /** Cosine similarity of its TF-IDF vector with the body's, discounted by position: in [0, 1]. */
  readonly score: number;
  /** Index of its sentence in the body (earlier wins ties). */
  readonly position: number;
}

type Vector = Map<string, number>;

function tfidf(model: SubjectModel, terms: readonly string[]): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  for (const [t, count] of v) v.set(t, count * (model.idf.get(t) ?? model.unseenIdf));
  return v;
}

function norm(v: Vector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

function cosine(a: Vector, aNorm: number, b: Vector, bNorm: number): number {
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  return aNorm === 0 || bNorm === 0 ? 0 : dot / (aNorm * bNorm);
}

/** The first `n` words of a sentence, without trailing `,`, `;`, `:` or dashes left by the cut. */
export function cutWords(sentence: string, n: number): string {
  const words = sentence.split(' ');
  if (words.length <= n) return sentence;
  return words
    .slice(0, n)
    .join(' ')
    .replace(/[\s,;:\-–—]+$/u, '');
}

/**
 * Ranks the subject lines the extractive model can write for a body: TF-IDF centroid scoring with
 * a lead discount.
 *
 * @remarks
 * Each body sentence ({@link bodySentences}) is cut to its first {@link SUBJECT_WORDS} words; cut
 * sentences that start with a URL or e-mail address or have fewer than 3 terms are skipped.
 * `score = cos(v(c), v(body)) / sqrt(1 + i)` where `v(x)_t = tf(t, x) * idf(t)` with the model's
 * IDF (fitted on training bodies) and `i` is the sentence's index in the body: the candidates
 * closest to what the whole body is about (the centroid method of extractive summarization,
 * Radev et al. 2004), favouring early ones. Duplicates keep their first occurrence. When no
 * sentence qualifies, the one candidate is the start of the body (score 0).
 *
 * @param model - the fitted {@link SubjectModel}
 * @param body - the e-mail body
 * @param limit - candidates to return (default {@link SUBJECT_CANDIDATES})
 * @returns the best candidates, highest score first (ties: earlier sentence first); empty only
 *   when the body has no word at all
 */
export function subjectCandidates(
  model: SubjectModel,
  body: string,
  limit = SUBJECT_CANDIDATES,
): SubjectCandidate[] {
  const bodyVector = tfidf(model, subjectTerms(body));
  const bodyNorm = norm(bodyVector);
  const seen = new Set<string>();
  const all: SubjectCandidate[] = [];
  bodySentences(body).forEach((sentence, position) => {
    const text = cutWords(sentence, SUBJECT_WORDS);
    if (seen.has(text) || isAddress(text)) return;
    const terms = subjectTerms(text);
    if (terms.length < MIN_TERMS) return;
    seen.add(text);
    const v = tfidf(model, terms);
    const similarity = cosine(v, norm(v), bodyVector, bodyNorm);
    all.push({ text, score: similarity / (1 + position) ** POSITION_EXPONENT, position });
  });
  if (all.length === 0) {
    const start = cutWords(body.replace(/\s+/g, ' ').trim(), SUBJECT_WORDS);
    return start === '' ? [] : [{ text: start, score: 0, position: 0 }];
  }
  all.sort((a, b) => b.score - a.score || a.position - b.position);
  return all.slice(0, limit);
}
