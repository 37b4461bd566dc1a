/*
 * The grading prompts, as their sources write them. They are filled by plain replacement
 * (`fillSlots`), never by a template engine, so a `{` in an answer is sent as written.
 */

/**
 * inspect_ai's `DEFAULT_MODEL_GRADED_QA_TEMPLATE` (`src/inspect_ai/scorer/_model.py`, after
 * OpenAI evals' `closedqa.yaml`), with its slots `{question}`, `{answer}`, `{criterion}`,
 * `{instructions}`. The reference server's `assay-overlap-judge` reads this data block.
 */
export const CLOSEDQA_TEMPLATE = `
You are assessing a submitted answer on a given task based on a criterion. Here is the data:

[BEGIN DATA]
***
[Task]: {question}
***
[Submission]: {answer}
***
[Criterion]: {criterion}
***
[END DATA]

Does the submission meet the criterion?

{instructions}
`;

/**
 * inspect_ai's `default_instructions(partial_credit)`, verbatim (the missing space before
 * `or` with partial credit is inspect_ai's).
 *
 * @param partialCredit - offer `P` (partially correct) besides `C` and `I`
 * @returns the instructions
 * @example
 * closedQaInstructions(false).includes("one of CI."); // true
 */
export function closedQaInstructions(partialCredit: boolean): string {
  const partialLetter = partialCredit ? 'P' : '';
  const partialPrompt = partialCredit ? '"P" for partially correct answers,' : '';
  return `
After assessing the submitted answer, reply with 'GRADE: $LETTER' (without quotes) where LETTER is one of C${partialLetter}I.  Please choose ONE option for the grade: either "C" for correct answers, ${partialPrompt}or "I" for incorrect answers.

For example, after reviewing a correct answer you might write 'GRADE: C' or after reviewing an incorrect answer you might write 'GRADE: I'.

First, write out in a step by step manner your reasoning about the criterion to be sure that your conclusion is correct. Avoid simply stating the correct answers at the outset. Then, end with your answer formatted as 'GRADE: $LETTER' (without quotes) where LETTER is one of C${partialLetter}I.
`;
}

/**
 * OpenAI evals' `evals/registry/modelgraded/fact.yaml` prompt (slots `{input}`, `{ideal}`,
 * `{completion}`), followed, as evals' `classify` appends it for the default `cot_classify`
 * eval type, by two new lines and {@link FACT_ANSWER_PROMPT}.
 */
export const FACT_TEMPLATE = `You are comparing a submitted answer to an expert answer on a given question. Here is the data:
[BEGIN DATA]
************
[Question]: {input}
************
[Expert]: {ideal}
************
[Submission]: {completion}
************
[END DATA]

Compare the factual content of the submitted answer with the expert answer. Ignore any differences in style, grammar, or punctuation.
The submitted answer may either be a subset or superset of the expert answer, or it may conflict with it. Determine which case applies. Answer the question by selecting one of the following options:
(A) The submitted answer is a subset of the expert answer and is fully consistent with it.
(B) The submitted answer is a superset of the expert answer and is fully consistent with it.
(C) The submitted answer contains all the same details as the expert answer.
(D) There is a disagreement between the submitted answer and the expert answer.
(E) The answers differ, but these differences don't matter from the perspective of factuality.`;

/**
 * evals' `ANSWER_PROMPTS['cot_classify']` (`evals/elsuite/modelgraded/classify_utils.py`)
 * with `{choices}` filled for `choice_strings: ABCDE`.
 */
export const FACT_ANSWER_PROMPT = `First, write out in a step by step manner your reasoning to be sure that your conclusion is correct. Avoid simply stating the correct answer at the outset. Then print only a single choice from "A" or "B" or "C" or "D" or "E" (without quotes or punctuation) on its own line corresponding to the correct answer. At the end, repeat just the answer by itself on a new line.

Reasoning:`;

/**
 * promptfoo's `llm-rubric` grading system prompt (`src/prompts/grading.ts`,
 * `DEFAULT_GRADING_PROMPT`, MIT License): the answer is a JSON object
 * `{reason, pass, score}`.
 */
export const RUBRIC_SYSTEM = `You are grading output according to a user-specified rubric. If the statement in the rubric is true, then the output passes the test. You respond with a JSON object with this structure: {reason: string, pass: boolean, score: number}

Examples:

<Output>Hello world</Output>
<Rubric>Content contains a greeting</Rubric>
{"reason": "the content contains the word 'Hello'", "pass": true, "score": 1.0}

<Output>Avast ye swabs, repel the invaders!</Output>
<Rubric>Does not speak like a pirate</Rubric>
{"reason": "'avast ye' is a common pirate term", "pass": false, "score": 0.0}`;

/** promptfoo's `llm-rubric` user message (slots `{output}`, `{rubric}`). */
export const RUBRIC_USER = `<Output>
{output}
</Output>
<Rubric>
{rubric}
</Rubric>`;

/**
 * MT-Bench's `pair-v2` judge prompt (lm-sys FastChat, `fastchat/llm_judge/data/judge_prompts.jsonl`):
 * the system message; the verdict is `[[A]]`, `[[B]]` or `[[C]]` (a tie).
 */
export const PAIRWISE_SYSTEM = `Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user question displayed below. You should choose the assistant that follows the user's instructions and answers the user's question better. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of their responses. Begin your evaluation by comparing the two responses and provide a short explanation. Avoid any position biases and ensure that the order in which the responses were presented does not influence your decision. Do not allow the length of the responses to influence your evaluation. Do not favor certain names of the assistants. Be as objective as possible. After providing your explanation, output your final verdict by strictly following this format: "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, and "[[C]]" for a tie.`;

/** MT-Bench's `pair-v2` user message (slots `{question}`, `{answer_a}`, `{answer_b}`). */
export const PAIRWISE_USER = `[User Question]
{question}

[The Start of Assistant A's Answer]
{answer_a}
[The End of Assistant A's Answer]

[The Start of Assistant B's Answer]
{answer_b}
[The End of Assistant B's Answer]`;

/**
 * Fills `{name}` slots in one pass, so a slot-like text inside a value (an answer that
 * contains `{criterion}`) is never filled in turn.
 *
 * @param template - the text with `{name}` slots
 * @param values - slot values
 * @returns the filled text; slots without a value are left as written
 * @example
 * fillSlots('[Task]: {question}', { question: 'Why {x}?' }); // '[Task]: Why {x}?'
 */
export function fillSlots(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : slot,
  );
}
