import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  combinePairwise,
  type JudgeGrade,
  mirrorOutcome,
  parseClosedQaGrade,
  parseFactualityGrade,
  parseGrade,
  parsePairwiseVerdict,
  parseRubricGrade,
} from '../src/index.js';

const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/judge-fixtures.json', import.meta.url), 'utf8'),
) as { closedqa: { text: string; grade: string | null }[] };

const gradeOf = (g: JudgeGrade): string | null => (g.unscored ? null : g.grade);

describe('closedqa grades', () => {
  test('read as inspect_ai DEFAULT_GRADE_PATTERN reads them (Python re fixtures)', () => {
    expect(fixtures.closedqa.length).toBeGreaterThan(10);
    for (const c of fixtures.closedqa) {
      expect({ text: c.text, grade: gradeOf(parseClosedQaGrade(c.text)) }).toEqual(c);
    }
  });

  test('score C 1, P 0.5, I 0', () => {
    expect(parseClosedQaGrade('ok\nGRADE: C')).toEqual({ unscored: false, grade: 'C', score: 1 });
    expect(parseClosedQaGrade('GRADE: P')).toMatchObject({ score: 0.5 });
    expect(parseClosedQaGrade('GRADE: i')).toMatchObject({ grade: 'I', score: 0 });
  });

  test('a grade followed by more reasoning is unscored with the reason', () => {
    expect(parseClosedQaGrade('GRADE: C\nOn second thought, maybe not.')).toEqual({
      unscored: true,
      reason: "no 'GRADE: C|P|I' on the last line",
    });
  });

  test('blank lines after the grade line are allowed', () => {
    expect(gradeOf(parseClosedQaGrade('GRADE: I\n\n\n'))).toBe('I');
  });
});

describe('factuality choices', () => {
  test('the last line that starts or ends with a choice, punctuation removed', () => {
    expect(parseFactualityGrade('Reasoning...\nC\nC')).toEqual({
      unscored: false,
      grade: 'C',
      score: 1,
    });
    expect(gradeOf(parseFactualityGrade('The expert says X.\n(D).\n\n'))).toBe('D');
    expect(gradeOf(parseFactualityGrade('So the answer is B'))).toBe('B');
  });

  test('scores follow autoevals choice_scores: A 0.4, B 0.6, C 1, D 0, E 1', () => {
    const scores = ['A', 'B', 'C', 'D', 'E'].map((c) => parseGrade('factuality', c));
    expect(scores.map((g) => (g.unscored ? null : g.score))).toEqual([0.4, 0.6, 1, 0, 1]);
  });

  test('no line with a choice is unscored', () => {
    expect(parseFactualityGrade('i would rather not say\n\n')).toEqual({
      unscored: true,
      reason: 'no choice A-E on a line of its own',
    });
  });
});

describe('rubric verdicts', () => {
  test('a bare JSON object, a fenced one and one inside prose', () => {
    const bare = parseRubricGrade('{"pass": true, "score": 0.75, "reason": "names it"}');
    expect(bare).toEqual({ unscored: false, grade: 'pass', score: 0.75, reason: 'names it' });
    const fenced = parseRubricGrade(
      'Here:\n```json\n{"reason": "off topic", "pass": false, "score": 0}\n```\nDone.',
    );
    expect(fenced).toMatchObject({ grade: 'fail', score: 0, reason: 'off topic' });
    const prose = parseRubricGrade('My verdict is {"pass": true, "score": 1, "reason": "ok"}.');
    expect(gradeOf(prose)).toBe('pass');
  });

  test('a missing or ill-typed field is unscored, naming the field', () => {
    expect(parseRubricGrade('{"pass": "yes", "score": 1, "reason": "r"}')).toEqual({
      unscored: true,
      reason: 'JSON pass is not a boolean',
    });
    expect(parseRubricGrade('{"pass": true, "score": 7, "reason": "r"}')).toEqual({
      unscored: true,
      reason: 'JSON score is not a number from 0 to 1',
    });
    expect(parseRubricGrade('{"pass": true, "score": 1}')).toEqual({
      unscored: true,
      reason: 'JSON reason is not a string',
    });
    expect(parseRubricGrade('[1, 2]')).toMatchObject({ unscored: true });
    expect(parseRubricGrade('PASS, clearly.')).toEqual({
      unscored: true,
      reason: 'no JSON object {pass, score, reason}',
    });
  });
});

describe('pairwise verdicts', () => {
  test('[[A]], [[B]] and [[C]] (a tie), from assistant A side', () => {
    expect(parsePairwiseVerdict('A is clearer. [[A]]')).toEqual({
      unscored: false,
      grade: 'A',
      score: 1,
    });
    expect(parsePairwiseVerdict('[[B]]')).toMatchObject({ grade: 'B', score: 0 });
    expect(parsePairwiseVerdict('Equal. [[C]]')).toMatchObject({ grade: 'tie', score: 0.5 });
  });

  test('no verdict, or two different ones, is unscored', () => {
    expect(parsePairwiseVerdict('Both are fine.')).toMatchObject({ unscored: true });
    expect(parsePairwiseVerdict('[[A]] no wait [[B]]')).toEqual({
      unscored: true,
      reason: 'two different verdicts',
    });
    expect(gradeOf(parsePairwiseVerdict('[[A]] ... final: [[A]]'))).toBe('A');
  });

  test('both orders agreeing give a win; a verdict that follows the position is a tie', () => {
    const a = parsePairwiseVerdict('[[A]]');
    const b = parsePairwiseVerdict('[[B]]');
    // first model is A in the first order and B in the second: [[A]] then [[B]] agree
    expect(combinePairwise(a, b)).toEqual({
      unscored: false,
      grade: 'win',
      score: 1,
      swapInconsistent: false,
    });
    expect(combinePairwise(b, a)).toMatchObject({ grade: 'loss', swapInconsistent: false });
    // [[A]] both times: the judge prefers the first position, not an answer
    expect(combinePairwise(a, a)).toEqual({
      unscored: false,
      grade: 'tie',
      score: 0.5,
      swapInconsistent: true,
    });
    const tie = parsePairwiseVerdict('[[C]]');
    expect(combinePairwise(tie, tie)).toMatchObject({ grade: 'tie', swapInconsistent: false });
    expect(mirrorOutcome(combinePairwise(a, b))).toMatchObject({ grade: 'loss', score: 0 });
  });

  test('an unscored order leaves the pair unscored, saying which order', () => {
    const a = parsePairwiseVerdict('[[A]]');
    const none = parsePairwiseVerdict('no idea');
    expect(combinePairwise(a, none)).toEqual({
      unscored: true,
      reason: 'swapped order: no verdict [[A]], [[B]] or [[C]]',
    });
    expect(combinePairwise(none, a)).toMatchObject({ reason: /^first order: / });
  });
});
