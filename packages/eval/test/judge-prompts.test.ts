import { gradeByOverlap, parseClosedQaPrompt } from '@assay/model-server';
import { describe, expect, test } from 'vitest';
import { fillSlots, judgeMessages, parseClosedQaGrade } from '../src/index.js';

const input = {
  question: 'Write a subject line for this e-mail:\n\nThe RAID driver panics on boot.',
  answer: 'RAID driver panics',
  reference: 'Re: RAID driver panics at boot',
};

describe('closedqa prompt', () => {
  test('is the inspect_ai model_graded_qa layout, instructions last', () => {
    const [message, ...rest] = judgeMessages({ mode: 'closedqa' }, input);
    expect(rest).toEqual([]);
    expect(message!.role).toBe('user');
    const text = message!.content;
    expect(text.startsWith('\nYou are assessing a submitted answer on a given task')).toBe(true);
    expect(text).toContain(
      `[BEGIN DATA]\n***\n[Task]: ${input.question}\n***\n[Submission]: ${input.answer}\n***\n[Criterion]: ${input.reference}\n***\n[END DATA]\n\nDoes the submission meet the criterion?\n\n\nAfter assessing`,
    );
    expect(text).toContain('where LETTER is one of CI.  Please choose ONE option');
    expect(
      text.endsWith(
        "formatted as 'GRADE: $LETTER' (without quotes) where LETTER is one of CI.\n\n",
      ),
    ).toBe(true);
  });

  test('partial credit offers P, as inspect_ai partial_credit does', () => {
    const text = judgeMessages({ mode: 'closedqa', partialCredit: true }, input)[0]!.content;
    expect(text).toContain('one of CPI.');
    expect(text).toContain('"P" for partially correct answers,or "I"');
  });

  test('the reference server reads it and its grade parses (assay-overlap-judge)', () => {
    const text = judgeMessages({ mode: 'closedqa' }, input)[0]!.content;
    expect(parseClosedQaPrompt(text)).toEqual({
      question: input.question,
      submission: input.answer,
      reference: input.reference,
    });
    expect(parseClosedQaGrade(gradeByOverlap(text).text)).toMatchObject({ grade: 'C', score: 1 });
    const wrong = judgeMessages({ mode: 'closedqa' }, { ...input, answer: 'Lunch on Friday' });
    expect(parseClosedQaGrade(gradeByOverlap(wrong[0]!.content).text)).toMatchObject({
      grade: 'I',
    });
  });

  test('an answer holding slot names or data markers is sent as written', () => {
    const text = judgeMessages(
      { mode: 'closedqa' },
      { ...input, answer: 'see {criterion} and {instructions}' },
    )[0]!.content;
    expect(text).toContain('[Submission]: see {criterion} and {instructions}\n***');
    expect(fillSlots('{a}{b}', { a: '{b}' })).toBe('{b}{b}');
  });
});

describe('factuality prompt', () => {
  test('is OpenAI evals fact.yaml with the cot_classify answer prompt appended', () => {
    const text = judgeMessages({ mode: 'factuality' }, input)[0]!.content;
    expect(text.startsWith('You are comparing a submitted answer to an expert answer')).toBe(true);
    expect(text).toContain(
      `[BEGIN DATA]\n************\n[Question]: ${input.question}\n************\n[Expert]: ${input.reference}\n************\n[Submission]: ${input.answer}\n************\n[END DATA]`,
    );
    expect(text).toContain(
      "(E) The answers differ, but these differences don't matter from the perspective of factuality.\n\nFirst, write out",
    );
    expect(text).toContain('a single choice from "A" or "B" or "C" or "D" or "E" (without quotes');
    expect(text.endsWith('\n\nReasoning:')).toBe(true);
  });

  test('the reference server reads its fact variant', () => {
    const text = judgeMessages({ mode: 'factuality' }, input)[0]!.content;
    expect(parseClosedQaPrompt(text)).toEqual({
      question: input.question,
      submission: input.answer,
      reference: input.reference,
    });
  });
});

describe('rubric and pairwise prompts', () => {
  test('rubric: the llm-rubric system message, output and rubric in the user message', () => {
    const [system, user] = judgeMessages(
      { mode: 'rubric', rubric: 'Names the failing component.' },
      input,
    );
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('{reason: string, pass: boolean, score: number}');
    expect(user!.content).toBe(
      '<Output>\nRAID driver panics\n</Output>\n<Rubric>\nNames the failing component.\n</Rubric>',
    );
  });

  test('pairwise: MT-Bench pair-v2 with both answers in their places', () => {
    const [system, user] = judgeMessages(
      { mode: 'pairwise' },
      { ...input, answerB: 'Boot trouble' },
    );
    expect(system!.content).toContain(
      '"[[A]]" if assistant A is better, "[[B]]" if assistant B is better, and "[[C]]" for a tie.',
    );
    expect(user!.content).toBe(
      `[User Question]\n${input.question}\n\n[The Start of Assistant A's Answer]\nRAID driver panics\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\nBoot trouble\n[The End of Assistant B's Answer]`,
    );
  });
});
