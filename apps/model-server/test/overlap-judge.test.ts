import { describe, expect, test } from 'vitest';
import { gradeByOverlap, OVERLAP_JUDGE_CUT, parseClosedQaPrompt } from '../src/index.js';
import {
  closedQaPrompt,
  evalsChoice,
  evalsFactPrompt,
  factPrompt,
  inspectGrade,
} from './support/grading-prompts.js';

describe('parseClosedQaPrompt', () => {
  test('reads task, submission and criterion of a closedqa prompt, answers spanning lines', () => {
    const prompt = closedQaPrompt('Write a subject line.', 'Line one\n\nline two', 'Meeting moved');
    expect(parseClosedQaPrompt(prompt)).toEqual({
      question: 'Write a subject line.',
      submission: 'Line one\n\nline two',
      reference: 'Meeting moved',
    });
  });

  test('reads the fact variant, [Expert] as the reference', () => {
    expect(parseClosedQaPrompt(factPrompt('Capital?', 'Paris', 'It is Paris.'))).toEqual({
      question: 'Capital?',
      submission: 'It is Paris.',
      reference: 'Paris',
    });
  });

  test('is undefined without the data block, without [END DATA] or without a criterion', () => {
    expect(parseClosedQaPrompt('Is Paris the capital of France?')).toBeUndefined();
    expect(
      parseClosedQaPrompt('[BEGIN DATA]\n***\n[Submission]: x\n***\n[Criterion]: y\n'),
    ).toBeUndefined();
    expect(
      parseClosedQaPrompt('[BEGIN DATA]\n***\n[Task]: t\n***\n[Submission]: x\n***\n[END DATA]'),
    ).toBeUndefined();
  });
});

describe('gradeByOverlap', () => {
  test('the same words as the reference are correct, other words incorrect', () => {
    const same = gradeByOverlap(
      closedQaPrompt('t', 'The RAID driver panics', 'RAID driver panics!'),
    );
    expect(same).toMatchObject({ grade: 'C', f1: 1 });
    expect(inspectGrade(same.text)).toBe('C');
    const other = gradeByOverlap(closedQaPrompt('t', 'Lunch at noon', 'RAID driver panics'));
    expect(other).toMatchObject({ grade: 'I', f1: 0 });
    expect(inspectGrade(other.text)).toBe('I');
  });

  test('grades at the documented cut: F1 >= 0.5 is C', () => {
    expect(OVERLAP_JUDGE_CUT).toBe(0.5);
    // 1 shared word of 1 submitted and 3 referenced: P = 1, R = 1/3, F1 = 0.5
    expect(gradeByOverlap(closedQaPrompt('t', 'driver', 'RAID driver panics'))).toMatchObject({
      grade: 'C',
      f1: 0.5,
    });
    // 1 of 4 referenced: F1 = 0.4
    expect(gradeByOverlap(closedQaPrompt('t', 'driver', 'new RAID driver panics')).grade).toBe('I');
  });

  test('the reply ends with the grade line and states the F1', () => {
    const verdict = gradeByOverlap(factPrompt('q', 'Lunch on Friday', 'Friday lunch'));
    const lines = verdict.text.split('\n');
    expect(lines.at(-1)).toBe('GRADE: C');
    expect(verdict.text).toContain('Token F1 is 0.800');
    expect(verdict.text).toMatch(/lexical overlap check, not a judgement of meaning/);
  });

  test("answers OpenAI evals' fact prompt with a choice: C for the same details, D for a disagreement", () => {
    const same = gradeByOverlap(evalsFactPrompt('q', 'Lunch on Friday', 'Friday lunch'));
    expect(same).toMatchObject({ grade: 'C', f1: 0.8 });
    expect(evalsChoice(same.text)).toBe('C');
    expect(same.text.split('\n').slice(-2)).toEqual(['C', 'C']);
    const other = gradeByOverlap(evalsFactPrompt('q', 'RAID driver panics', 'Lunch at noon'));
    expect(other).toMatchObject({ grade: 'D', f1: 0 });
    expect(evalsChoice(other.text)).toBe('D');
    // inspect_ai's fact variant, which asks for a GRADE line, keeps its GRADE answer
    expect(inspectGrade(gradeByOverlap(factPrompt('q', 'RAID driver panics', 'Lunch')).text)).toBe(
      'I',
    );
  });

  test('a prompt that is not a grading prompt gets an explanation and no grade', () => {
    const verdict = gradeByOverlap('Grade this essay: C is my guess.');
    expect(verdict.grade).toBeUndefined();
    expect(verdict.f1).toBeUndefined();
    expect(inspectGrade(verdict.text)).toBeUndefined();
    expect(verdict.text).toMatch(/not a model-graded QA prompt/);
  });
});
