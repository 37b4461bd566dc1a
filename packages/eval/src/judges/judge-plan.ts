import type { PromptMessage } from '../prompt/build-messages.js';
import { promptHash } from '../prompt/build-messages.js';
import type { EndpointIdentity } from '../run/endpoint-identity.js';
import { requestKey } from '../run/plan.js';
import { type JudgeInput, type JudgePromptSpec, judgeMessages } from './judge-prompts.js';

/** One answer to grade: a model's output for one sample of one item. */
export interface JudgeSubject {
  /** the model that answered */
  readonly model: string;
  /** the item id (the bootstrap's cluster) */
  readonly item: string;
  /** the sample index of the answer (0 when the run draws one) */
  readonly sample: number;
  /** the question: the model prompt's last user message */
  readonly question: string;
  /** the answer graded */
  readonly answer: string;
  /** the item's reference answer */
  readonly reference: string;
  /** the item's human grade label, when the run has a human grade column */
  readonly human?: string | null | undefined;
}

/**
 * The two models a pairwise judge compares: `judge.pair`, else the first two models; none
 * for another mode.
 *
 * @param judge - the judge's mode and pair
 * @param models - the run's models, in order
 * @returns the pair, the first as A in the first order, or undefined
 * @example
 * judgedPair({ mode: 'pairwise' }, [{ name: 'a' }, { name: 'b' }]); // ['a', 'b']
 */
export function judgedPair(
  judge: { readonly mode: string; readonly pair?: readonly [string, string] | undefined },
  models: readonly { readonly name: string }[],
): readonly [string, string] | undefined {
  if (judge.mode !== 'pairwise') return undefined;
  return judge.pair ?? [models[0]!.name, models[1]!.name];
}

/** One grading request: which answer, which repeat, which order (pairwise). */
export interface JudgeRequest {
  /** journal key: the judge's endpoint identity, the grading prompt and the repeat index */
  readonly key: string;
  /** repeat index r (sent as the sample index, with seed + r) */
  readonly repeat: number;
  /** the grading prompt */
  readonly messages: PromptMessage[];
}

/** One judge draw to come: the subject(s) and the request(s) whose answers make it. */
export interface PlannedDraw {
  /** the graded model's subject (pairwise: the first model's) */
  readonly subject: JudgeSubject;
  /** pairwise: the second model's subject */
  readonly other?: JudgeSubject | undefined;
  readonly repeat: number;
  /** the request (pairwise: the first order, the first model as A) */
  readonly first: JudgeRequest;
  /** pairwise: the swapped order */
  readonly second?: JudgeRequest | undefined;
}

/** Every grading request of a run, each once, and the draws they make. */
export interface JudgePlan {
  readonly draws: PlannedDraw[];
  /** distinct requests by journal key */
  readonly requests: Map<string, JudgeRequest>;
}

function request(
  identity: EndpointIdentity,
  spec: JudgePromptSpec,
  input: JudgeInput,
  repeat: number,
): JudgeRequest {
  const messages = judgeMessages(spec, input);
  return { key: requestKey(identity, promptHash(messages), repeat), repeat, messages };
}

/**
 * Plans the grading requests: per answer (pairwise: per pair of answers to the same item
 * and sample) and repeat, one request (pairwise: one per order). The journal key holds the
 * judge's endpoint identity, the grading prompt and the repeat index, so a rerun or a
 * resumed run never pays twice and an identical answer in another fold is graded once.
 *
 * @param subjects - the answers to grade, one per (model, item, sample); later duplicates
 *   (the same answer in another fold) are ignored
 * @param spec - the judge's mode and options
 * @param identity - the judge's endpoint identity (temperature and seed pinned)
 * @param repeats - draws per answer
 * @param pair - pairwise: the two models compared, first as A in the first order
 * @returns the draws and the distinct requests
 * @example
 * const subjects = judgeSubjects(judged.rows, judged.items, judged.prompts, new Map());
 * const identity = endpointIdentity(resolveJudgeClient(generationConfig.judge, generationConfig.models).config);
 * planJudge(subjects, { mode: 'closedqa' }, identity, 2).draws.length; // 40
 */
export function planJudge(
  subjects: readonly JudgeSubject[],
  spec: JudgePromptSpec,
  identity: EndpointIdentity,
  repeats: number,
  pair?: readonly [string, string],
): JudgePlan {
  const unique = new Map<string, JudgeSubject>();
  for (const s of subjects) {
    const id = `${s.model}\u0000${s.item}\u0000${s.sample}`;
    if (!unique.has(id)) unique.set(id, s);
  }
  const draws: PlannedDraw[] = [];
  const requests = new Map<string, JudgeRequest>();
  const add = (r: JudgeRequest): JudgeRequest => {
    requests.set(r.key, r);
    return r;
  };
  for (const subject of unique.values()) {
    const base = { question: subject.question, reference: subject.reference };
    if (pair === undefined) {
      for (let r = 0; r < repeats; r++) {
        const first = add(request(identity, spec, { ...base, answer: subject.answer }, r));
        draws.push({ subject, repeat: r, first });
      }
      continue;
    }
    if (subject.model !== pair[0]) continue;
    const other = unique.get(`${pair[1]}\u0000${subject.item}\u0000${subject.sample}`);
    if (other === undefined) continue;
    for (let r = 0; r < repeats; r++) {
      const ab = { ...base, answer: subject.answer, answerB: other.answer };
      const ba = { ...base, answer: other.answer, answerB: subject.answer };
      const first = add(request(identity, spec, ab, r));
      const second = add(request(identity, spec, ba, r));
      draws.push({ subject, other, repeat: r, first, second });
    }
  }
  return { draws, requests };
}
