import { describe, expect, test } from 'vitest';
import type { Outcome } from '../src/index.js';
import {
  humanGrades,
  JudgeSchema,
  type JudgeSubject,
  judgeDraws,
  planJudge,
} from '../src/index.js';
import { journalOutcome } from './support/journal-outcome.js';

const identity = {
  provider: 'openai-chat',
  baseUrl: 'http://127.0.0.1:8080/v1',
  model: 'assay-overlap-judge',
  params: { temperature: 0, seed: 0 },
};
const subject = (model: string, item: string, answer: string, sample = 0): JudgeSubject => ({
  model,
  item,
  sample,
  question: `Subject for ${item}?`,
  answer,
  reference: `ref ${item}`,
});
const ok = (key: string, text: string): Outcome => journalOutcome({ model: 'judge:j', key, text });

describe('planJudge', () => {
  test('one request per answer and repeat; the repeat index is in the key', () => {
    const plan = planJudge(
      [subject('m', 'a', 'x'), subject('m', 'b', 'y'), subject('m', 'a', 'x')],
      { mode: 'closedqa' },
      identity,
      3,
    );
    // the second row of item a (another fold) is the same answer: graded once
    expect(plan.draws).toHaveLength(6);
    expect(plan.requests.size).toBe(6);
    const keys = plan.draws.filter((d) => d.subject.item === 'a').map((d) => d.first.key);
    expect(new Set(keys).size).toBe(3);
    expect(plan.draws.map((d) => d.repeat)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  test('the same answer of two models is one request; another identity is another key', () => {
    const a = planJudge(
      [subject('m1', 'a', 'x'), subject('m2', 'a', 'x')],
      { mode: 'closedqa' },
      identity,
      1,
    );
    expect(a.draws).toHaveLength(2);
    expect(a.requests.size).toBe(1);
    const hot = planJudge(
      [subject('m1', 'a', 'x')],
      { mode: 'closedqa' },
      {
        ...identity,
        params: { temperature: 0.5, seed: 0 },
      },
      1,
    );
    expect([...hot.requests.keys()]).not.toEqual([...a.requests.keys()]);
  });

  test('pairwise: both orders per item and sample, unmatched answers left out', () => {
    const plan = planJudge(
      [
        subject('a', '1', 'short'),
        subject('b', '1', 'long answer'),
        subject('a', '2', 'only a'),
        subject('b', '3', 'only b'),
      ],
      { mode: 'pairwise' },
      identity,
      1,
      ['a', 'b'],
    );
    expect(plan.draws).toHaveLength(1);
    expect(plan.requests.size).toBe(2);
    const [d] = plan.draws;
    expect(d!.first.messages[1]!.content).toContain("Assistant A's Answer]\nshort\n");
    expect(d!.second!.messages[1]!.content).toContain("Assistant A's Answer]\nlong answer\n");
  });
});

describe('judgeDraws', () => {
  test('grades, failures and missing outcomes become draws with reasons', () => {
    const plan = planJudge(
      [subject('m', 'a', 'x'), subject('m', 'b', 'y'), subject('m', 'c', 'z')],
      { mode: 'closedqa' },
      identity,
      1,
    );
    const [ka, kb] = plan.draws.map((d) => d.first.key);
    const outcomes = new Map<string, Outcome>([
      [ka!, ok(ka!, 'fine\nGRADE: C')],
      [kb!, { ...ok(kb!, ''), status: 'error', text: null, errorClass: 'timeout' }],
    ]);
    const draws = judgeDraws(plan, outcomes, 'closedqa').get('m')!;
    expect(draws.map((d) => d.verdict)).toEqual([
      { unscored: false, grade: 'C', score: 1 },
      { unscored: true, reason: 'judge request failed (timeout)' },
      { unscored: true, reason: 'judge request not sent' },
    ]);
  });

  test('pairwise: the first model wins when both orders agree, the second gets the mirror', () => {
    const plan = planJudge(
      [subject('a', '1', 'good'), subject('b', '1', 'bad')],
      { mode: 'pairwise' },
      identity,
      1,
      ['a', 'b'],
    );
    const d = plan.draws[0]!;
    const outcomes = new Map([
      [d.first.key, ok(d.first.key, '[[A]]')],
      [d.second!.key, ok(d.second!.key, '[[B]]')],
    ]);
    const draws = judgeDraws(plan, outcomes, 'pairwise');
    expect(draws.get('a')![0]!.verdict).toMatchObject({ grade: 'win', score: 1 });
    expect(draws.get('b')![0]!.verdict).toMatchObject({ grade: 'loss', score: 0 });
  });
});

describe('humanGrades', () => {
  const item = (id: string, fields: Record<string, string>) => ({
    id,
    index: 0,
    fields,
    label: undefined,
    group: undefined,
    reference: 'r',
  });
  const judge = JudgeSchema.parse({
    client: 'g',
    mode: 'closedqa',
    humanGrade: { column: 'human' },
  });

  test('labels read case-blind, empty cells and absent fields are no grade', () => {
    const grades = humanGrades(
      [item('1', { human: 'c' }), item('2', { human: '' }), item('3', {})],
      judge,
    );
    expect([...grades]).toEqual([
      ['1', 'C'],
      ['2', null],
      ['3', null],
    ]);
  });

  test('a grade that is no label names the item and the labels', () => {
    expect(() => humanGrades([item('7', { human: 'good' })], judge)).toThrow(
      "Item '7' has human grade 'good' in column 'human' (judge.humanGrade.column); expected one of I, P, C",
    );
    expect(() => humanGrades([item('7', { other: 'C' })], judge)).toThrow(
      "The data set has no column 'human' (judge.humanGrade.column)",
    );
  });
});
