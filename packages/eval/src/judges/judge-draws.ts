import type { Outcome } from '../run/journal.js';
import type { JudgePlan } from './judge-plan.js';
import type { JudgeMode } from './judge-schema.js';
import type { JudgedDraw, JudgeVerdict } from './judge-summary.js';
import { combinePairwise, mirrorOutcome, type PairwiseOutcome } from './pairwise-verdict.js';
import { type JudgeGrade, parseGrade } from './parse-grade.js';

/**
 * The grade of one grading request: its answer read in the judge's mode, or unscored with
 * the reason (a failed request names its error class; an aborted one was never recorded).
 *
 * @param mode - the judge's mode
 * @param outcome - the request's journaled outcome, or undefined when it has none
 * @returns the grade or why there is none
 * @example
 * gradeOfOutcome('closedqa', undefined); // { unscored: true, reason: 'judge request not sent' }
 */
export function gradeOfOutcome(mode: JudgeMode, outcome: Outcome | undefined): JudgeGrade {
  if (outcome === undefined) return { unscored: true, reason: 'judge request not sent' };
  if (outcome.status === 'error') {
    return { unscored: true, reason: `judge request failed (${outcome.errorClass ?? 'error'})` };
  }
  return parseGrade(mode, outcome.text ?? '');
}

/**
 * Every model's judge draws from the plan and the requests' outcomes: one draw per answer
 * and repeat (pairwise: one per pair and repeat for each of the two models, the second
 * model's mirrored).
 *
 * @param plan - the judge plan
 * @param outcomes - outcome per journal key
 * @param mode - the judge's mode
 * @returns draws by model name
 * @example
 * judgeDraws({ draws: [], requests: new Map() }, new Map(), 'closedqa').size; // 0
 */
export function judgeDraws(
  plan: JudgePlan,
  outcomes: ReadonlyMap<string, Outcome>,
  mode: JudgeMode,
): Map<string, JudgedDraw[]> {
  const out = new Map<string, JudgedDraw[]>();
  const push = (model: string, draw: JudgedDraw): void => {
    const list = out.get(model);
    if (list === undefined) out.set(model, [draw]);
    else list.push(draw);
  };
  for (const d of plan.draws) {
    const first = gradeOfOutcome(mode, outcomes.get(d.first.key));
    let verdict: JudgeVerdict = first;
    if (d.second !== undefined) {
      verdict = combinePairwise(first, gradeOfOutcome(mode, outcomes.get(d.second.key)));
    }
    const s = d.subject;
    const answer = `${s.item}#${s.sample}`;
    push(s.model, { item: s.item, answer, repeat: d.repeat, verdict, human: s.human });
    if (d.other !== undefined) {
      push(d.other.model, {
        item: s.item,
        answer,
        repeat: d.repeat,
        verdict: mirrorOutcome(verdict as PairwiseOutcome),
        human: d.other.human,
      });
    }
  }
  return out;
}
