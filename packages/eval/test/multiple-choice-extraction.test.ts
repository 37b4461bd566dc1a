import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simpleEvalsAnswer } from '../src/multiple-choice/answer-patterns.js';
import { extractChoice } from '../src/multiple-choice/extract-choice.js';

interface Fixture {
  readonly response: string;
  readonly extracted: string | null;
}

// made by test/fixtures/make-simple-evals-answers.py from openai/simple-evals common.py
const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/simple-evals-answers.json', import.meta.url), 'utf8'),
) as Fixture[];

const FOUR = ['Paris', 'London', 'Berlin', 'Madrid'];

describe('simple-evals answer extraction, ported', () => {
  it('extracts what simple-evals extracts from every fixture response', () => {
    expect(FIXTURE.length).toBeGreaterThan(60);
    for (const { response, extracted } of FIXTURE) {
      expect(simpleEvalsAnswer(response, 'D'), JSON.stringify(response)).toBe(extracted);
    }
  });

  it('covers every language of the pattern list with a letter', () => {
    const letters = FIXTURE.filter((f) => f.extracted !== null && /^[A-D]$/.test(f.extracted));
    expect(letters.length).toBeGreaterThan(50);
  });

  it('reads letters beyond D when an item has more than four choices', () => {
    expect(simpleEvalsAnswer('Answer: F', 'F')).toBe('F');
    expect(simpleEvalsAnswer('Answer: F', 'D')).toBeNull();
  });
});

describe('extractChoice', () => {
  it('maps multilingual answer letters to positions', () => {
    expect(extractChoice('Réponse : B', FOUR, 'letter')).toBe(1);
    expect(extractChoice('الإجابة: ج', FOUR, 'letter')).toBe(2);
    expect(extractChoice('答え：Ｄ', FOUR, 'letter')).toBe(3);
    expect(extractChoice('উত্তর: অ', FOUR, 'letter')).toBe(0);
  });

  it('takes a lone letter when no answer line matches', () => {
    expect(extractChoice('B', FOUR, 'letter')).toBe(1);
    expect(extractChoice(' (C) ', FOUR, 'letter')).toBe(2);
    expect(extractChoice('**D.**', FOUR, 'letter')).toBe(3);
  });

  it('refuses letters outside the choices and lowercase pattern captures', () => {
    expect(extractChoice('Answer: D', ['x', 'y', 'z'], 'letter')).toBeNull();
    expect(extractChoice('Answer: b', FOUR, 'letter')).toBeNull();
    expect(extractChoice('Answer: E', FOUR, 'letter')).toBeNull();
    expect(extractChoice('I think B or C', FOUR, 'letter')).toBeNull();
  });

  it('reads 1-based numbers in number mode', () => {
    expect(extractChoice('Reasoning.\nAnswer: 3', FOUR, 'number')).toBe(2);
    expect(extractChoice('答案：1', FOUR, 'number')).toBe(0);
    expect(extractChoice('4.', FOUR, 'number')).toBe(3);
    expect(extractChoice('Answer: 5', FOUR, 'number')).toBeNull();
    expect(extractChoice('Answer: 0', FOUR, 'number')).toBeNull();
  });

  it('reads the choice text the answer names', () => {
    expect(extractChoice('paris.', FOUR, 'text')).toBe(0);
    expect(extractChoice('Answer: Berlin', FOUR, 'text')).toBe(2);
    expect(extractChoice('The capital of Spain is Madrid!', FOUR, 'text')).toBe(3);
    expect(extractChoice('Either Paris or London', FOUR, 'text')).toBeNull();
    expect(extractChoice('Parisian', FOUR, 'text')).toBeNull();
  });

  it('prefers the longest choice a text contains', () => {
    expect(extractChoice('red wine, surely', ['red', 'red wine', 'white'], 'text')).toBe(1);
  });

  it('tries letters, then text, in auto mode', () => {
    expect(extractChoice('Answer: C', FOUR, 'auto')).toBe(2);
    expect(extractChoice('London', FOUR, 'auto')).toBe(1);
    expect(extractChoice('no idea', FOUR, 'auto')).toBeNull();
  });
});
