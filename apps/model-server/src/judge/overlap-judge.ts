import { squadF1 } from '@assay/text-metrics';
import { parseClosedQaPrompt } from './closedqa-prompt.js';

/** Token F1 at or above which the submission is graded correct. */
export const OVERLAP_JUDGE_CUT = 0.5;

/** What the judge answered, and why. */
export interface OverlapVerdict {
  /**
   * The reply text: reasoning, then a last line `GRADE: C` or `GRADE: I`, or for a
   * multiple-choice fact prompt the choice on a line of its own, twice; no grade line when
   * `grade` is `undefined`.
   */
  readonly text: string;
  /**
   * `'C'` or `'I'` (model-graded QA); `'C'` (the same details) or `'D'` (a disagreement) for
   * OpenAI evals' fact prompt with choices A-E; `undefined` when the prompt was not a
   * grading prompt.
   */
  readonly grade: 'C' | 'I' | 'D' | undefined;
  /** The token F1, when graded. */
  readonly f1: number | undefined;
}

/**
 * Grades a closedqa-style prompt by token overlap: the lexical stand-in for an LLM judge that
 * `assay-overlap-judge` serves.
 *
 * @remarks
 * Reads the submission and the reference (`[Criterion]` or `[Expert]`) with
 * {@link parseClosedQaPrompt}, computes SQuAD v1.1 token F1 (`squadF1` of `@assay/text-metrics`:
 * lower-cased, punctuation and `a`/`an`/`the` removed, multiset overlap) and grades `C` when
 * `F1 >= 0.5`, else `I`. OpenAI evals' `fact` prompt, which asks for one of the choices (A) to
 * (E) after the data, is answered in its own form: `C` (the same details) or `D` (a
 * disagreement) on a line of its own, repeated on the last line as its answer prompt asks. It reads no meaning: a paraphrase with other words is graded `I`, a
 * wrong answer that reuses the reference's words may be graded `C`. A prompt that is not a
 * grading prompt gets an explanation with no grade line, so a caller counts it unscored.
 *
 * @param prompt - the grading prompt
 * @returns the verdict
 * @example
 * ```ts
 * import { gradeByOverlap } from '@assay/model-server';
 * const prompt = '[BEGIN DATA]\n***\n[Task]: Subject?\n***\n[Submission]: Lunch on Friday\n***\n[Criterion]: Friday lunch\n***\n[END DATA]';
 * gradeByOverlap(prompt).f1; // 0.8
 * ```
 */
export function gradeByOverlap(prompt: string): OverlapVerdict {
  const fields = parseClosedQaPrompt(prompt);
  if (fields === undefined) {
    return {
      text:
        'I cannot assess this request: it is not a model-graded QA prompt. I expect the closedqa ' +
        'data block ([BEGIN DATA], then [Task], [Submission] and [Criterion] separated by *** ' +
        'lines, then [END DATA]) or the fact variant with [Question], [Expert] and [Submission]. ' +
        'No verdict is given.',
      grade: undefined,
      f1: undefined,
    };
  }
  const f1 = squadF1(fields.submission, fields.reference);
  if (CHOICES.test(prompt)) return choiceVerdict(f1);
  const grade = f1 >= OVERLAP_JUDGE_CUT ? 'C' : 'I';
  const verdict =
    grade === 'C'
      ? `at least ${OVERLAP_JUDGE_CUT}, so the submission is taken to meet the criterion`
      : `below ${OVERLAP_JUDGE_CUT}, so the submission is taken not to meet the criterion`;
  const text =
    'I compare the words of the submission with the words of the criterion (SQuAD token F1: ' +
    'lower case, punctuation and articles removed, shared words counted with repeats).\n' +
    `Token F1 is ${f1.toFixed(3)}, ${verdict}. This is a lexical overlap check, not a judgement ` +
    'of meaning.\n' +
    `GRADE: ${grade}`;
  return { text, grade, f1 };
}

/** The options (A) to (E) of OpenAI evals' fact prompt, each at the start of a line. */
const CHOICES = /^\(A\) [^\n]*\n(?:\([B-D]\) [^\n]*\n){3}\(E\) /m;

function choiceVerdict(f1: number): OverlapVerdict {
  const grade = f1 >= OVERLAP_JUDGE_CUT ? 'C' : 'D';
  const reading =
    grade === 'C'
      ? `at least ${OVERLAP_JUDGE_CUT}, so the submission is taken to contain the same details as the expert answer (C)`
      : `below ${OVERLAP_JUDGE_CUT}, so the submission is taken to disagree with the expert answer (D)`;
  const text =
    'I compare the words of the submission with the words of the expert answer (SQuAD token ' +
    'F1: lower case, punctuation and articles removed, shared words counted with repeats).\n' +
    `Token F1 is ${f1.toFixed(3)}, ${reading}. This is a lexical overlap check, not a judgement ` +
    `of meaning.\n${grade}\n${grade}`;
  return { text, grade, f1 };
}
