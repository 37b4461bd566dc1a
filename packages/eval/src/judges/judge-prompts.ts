import type { PromptMessage } from '../prompt/build-messages.js';
import type { JudgeMode } from './judge-schema.js';
import {
  CLOSEDQA_TEMPLATE,
  closedQaInstructions,
  FACT_ANSWER_PROMPT,
  FACT_TEMPLATE,
  fillSlots,
  PAIRWISE_SYSTEM,
  PAIRWISE_USER,
  RUBRIC_SYSTEM,
  RUBRIC_USER,
} from './judge-templates.js';

/** What one grading request shows the judge. */
export interface JudgeInput {
  /** the question the model was asked: its prompt's last user message */
  readonly question: string;
  /** the answer graded (pairwise: assistant A's answer) */
  readonly answer: string;
  /** the reference answer (closedqa criterion, factuality expert answer) */
  readonly reference: string;
  /** pairwise: assistant B's answer */
  readonly answerB?: string | undefined;
}

/** How prompts are built for one judge: its mode and mode options. */
export interface JudgePromptSpec {
  readonly mode: JudgeMode;
  /** closedqa: offer `GRADE: P` */
  readonly partialCredit?: boolean | undefined;
  /** rubric: the rubric text */
  readonly rubric?: string | undefined;
}

/**
 * The messages of one grading request, in the layout of the mode's source.
 *
 * @remarks
 * - `closedqa`: inspect_ai's `model_graded_qa` template and default instructions (one user
 *   message; `[Task]` the question, `[Submission]` the answer, `[Criterion]` the reference).
 * - `factuality`: OpenAI evals' `fact.yaml` prompt plus the `cot_classify` answer prompt
 *   (one user message; `[Question]`, `[Expert]` the reference, `[Submission]`).
 * - `rubric`: promptfoo's `llm-rubric` system message and `<Output>` / `<Rubric>` user message
 *   (the reference is not shown: the rubric is the criterion).
 * - `pairwise`: MT-Bench's `pair-v2` system and user messages (the reference is not shown).
 * @param spec - mode and options
 * @param input - question, answer(s), reference
 * @returns the messages to send
 * @example
 * judgeMessages({ mode: 'closedqa' }, { question: 'Subject?', answer: 'Lunch', reference: 'Lunch on Friday' })[0].role; // 'user'
 */
export function judgeMessages(spec: JudgePromptSpec, input: JudgeInput): PromptMessage[] {
  switch (spec.mode) {
    case 'closedqa':
      return [
        {
          role: 'user',
          content: fillSlots(CLOSEDQA_TEMPLATE, {
            question: input.question,
            answer: input.answer,
            criterion: input.reference,
            instructions: closedQaInstructions(spec.partialCredit ?? false),
          }),
        },
      ];
    case 'factuality':
      return [
        {
          role: 'user',
          content: `${fillSlots(FACT_TEMPLATE, {
            input: input.question,
            ideal: input.reference,
            completion: input.answer,
          })}\n\n${FACT_ANSWER_PROMPT}`,
        },
      ];
    case 'rubric':
      return [
        { role: 'system', content: RUBRIC_SYSTEM },
        {
          role: 'user',
          content: fillSlots(RUBRIC_USER, { output: input.answer, rubric: spec.rubric ?? '' }),
        },
      ];
    case 'pairwise':
      return [
        { role: 'system', content: PAIRWISE_SYSTEM },
        {
          role: 'user',
          content: fillSlots(PAIRWISE_USER, {
            question: input.question,
            answer_a: input.answer,
            answer_b: input.answerB ?? '',
          }),
        },
      ];
  }
}
