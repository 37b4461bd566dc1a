/*
 * Grading prompts laid out as inspect_ai's model_graded_qa fills them (after OpenAI evals'
 * closedqa): the data block with `***` separators, then the grading instructions; and the
 * model_graded_fact variant with `************` separators and [Question] / [Expert].
 */

const INSTRUCTIONS = `After assessing the submitted answer, reply with 'GRADE: $LETTER' (without quotes) where LETTER is one of CI. Please choose ONE option for the grade: either "C" for correct answers, or "I" for incorrect answers.

First, write out in a step by step manner your reasoning about the criterion. Then, end with your answer formatted as 'GRADE: $LETTER'.`;

/** A closedqa grading prompt. */
export function closedQaPrompt(task: string, submission: string, criterion: string): string {
  return `
You are assessing a submitted answer on a given task based on a criterion. Here is the data:

[BEGIN DATA]
***
[Task]: ${task}
***
[Submission]: ${submission}
***
[Criterion]: ${criterion}
***
[END DATA]

Does the submission meet the criterion?

${INSTRUCTIONS}
`;
}

/** A fact grading prompt. */
export function factPrompt(question: string, expert: string, submission: string): string {
  return `
You are comparing a submitted answer to an expert answer on a given question. Here is the data:

[BEGIN DATA]
************
[Question]: ${question}
************
[Expert]: ${expert}
************
[Submission]: ${submission}
************
[END DATA]

Compare the factual content of the submitted answer with the expert answer.

${INSTRUCTIONS}
`;
}

/** inspect_ai's default grade pattern, `(?i)GRADE\s*:\s*([CPI])(.*)$` (no MULTILINE). */
export function inspectGrade(completion: string): string | undefined {
  return /GRADE\s*:\s*([CPI])(.*)$/i.exec(completion)?.[1]?.toUpperCase();
}
