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

/**
 * OpenAI evals' fact.yaml prompt with its cot_classify answer prompt (choices A-E after the
 * data; the answer is a choice on a line of its own), as `assay run`'s factuality judge sends it.
 */
export function evalsFactPrompt(question: string, expert: string, submission: string): string {
  return `You are comparing a submitted answer to an expert answer on a given question. Here is the data:
[BEGIN DATA]
************
[Question]: ${question}
************
[Expert]: ${expert}
************
[Submission]: ${submission}
************
[END DATA]

Compare the factual content of the submitted answer with the expert answer. Ignore any differences in style, grammar, or punctuation.
The submitted answer may either be a subset or superset of the expert answer, or it may conflict with it. Determine which case applies. Answer the question by selecting one of the following options:
(A) The submitted answer is a subset of the expert answer and is fully consistent with it.
(B) The submitted answer is a superset of the expert answer and is fully consistent with it.
(C) The submitted answer contains all the same details as the expert answer.
(D) There is a disagreement between the submitted answer and the expert answer.
(E) The answers differ, but these differences don't matter from the perspective of factuality.

First, write out in a step by step manner your reasoning to be sure that your conclusion is correct. Avoid simply stating the correct answer at the outset. Then print only a single choice from "A" or "B" or "C" or "D" or "E" (without quotes or punctuation) on its own line corresponding to the correct answer. At the end, repeat just the answer by itself on a new line.

Reasoning:`;
}

/** evals' get_choice: from the last line up, punctuation removed, a line starting or ending with A-E. */
export function evalsChoice(completion: string): string | undefined {
  for (const raw of completion.split('\n').reverse()) {
    const line = raw.replace(/[^\w\s]/g, '').trim();
    const m = /^([A-E])\b|\b([A-E])$/.exec(line);
    if (m) return m[1] ?? m[2];
  }
  return undefined;
}
