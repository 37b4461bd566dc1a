import { createRandom } from '../faults/random.js';
import { gradeByOverlap } from '../judge/overlap-judge.js';
import { candidateProbabilities, drawIndex, mixSeed } from '../subjects/candidate-sampling.js';
import { subjectCandidates } from '../subjects/subject-candidates.js';
import { tokenPieces } from '../tokens/count-tokens.js';
import type { ServerContext } from './context.js';
import type { Reply } from './reply.js';
import { sequenceLogprobs } from './sequence-logprobs.js';
import { JUDGE_MODEL_ID, SUBJECT_MODEL_ID } from './served-models.js';

/** Sampling settings of one request. */
export interface SamplingRequest {
  /** 0-2; 0 answers the best candidate. */
  readonly temperature: number;
  /** The request's `seed`; without one the server's sampling generator draws. */
  readonly seed: number | undefined;
  /** Completion token budget. */
  readonly maxTokens: number;
}

function replyFrom(
  model: string,
  candidates: readonly string[],
  probabilities: readonly number[],
  chosen: number,
  maxTokens: number,
): Reply {
  const split = candidates.map((c) => tokenPieces(c).pieces);
  const sent = tokenPieces(candidates[chosen] ?? '', maxTokens);
  return {
    model,
    tokens: sent.pieces,
    content: sent.pieces.join(''),
    finishReason: sent.truncated ? 'length' : 'stop',
    completionTokens: sent.tokens,
    logprobs: (topK) =>
      sequenceLogprobs({ pieces: split, probabilities }, chosen, sent.pieces.length, topK),
  };
}

/**
 * `assay-subject-extractive`: draws a subject line for an e-mail body among its best candidates.
 *
 * @param ctx - server context (the fitted subject model, the sampling generator)
 * @param body - the e-mail body (the user message without its instruction line)
 * @param sampling - temperature, seed and token budget
 * @returns the reply; empty content when the body has no word
 */
export function subjectReply(ctx: ServerContext, body: string, sampling: SamplingRequest): Reply {
  const candidates = subjectCandidates(ctx.subjectModel, body);
  const probabilities = candidateProbabilities(
    candidates.map((c) => c.score),
    sampling.temperature,
  );
  let chosen = 0;
  if (sampling.temperature > 0 && candidates.length > 1) {
    const uniform =
      sampling.seed === undefined
        ? ctx.sampleRandom()
        : createRandom(mixSeed(sampling.seed, body))();
    chosen = drawIndex(probabilities, uniform);
  }
  return replyFrom(
    SUBJECT_MODEL_ID,
    candidates.map((c) => c.text),
    probabilities.length > 0 ? probabilities : [1],
    chosen,
    sampling.maxTokens,
  );
}

/**
 * `assay-overlap-judge`: grades a closedqa prompt by token F1 (deterministic: temperature and seed
 * do not change it).
 *
 * @param prompt - the last user message
 * @param maxTokens - completion token budget
 * @returns the reply
 */
export function judgeReply(prompt: string, maxTokens: number): Reply {
  return replyFrom(JUDGE_MODEL_ID, [gradeByOverlap(prompt).text], [1], 0, maxTokens);
}
