import { describe, expect, it } from 'vitest';
import {
  exactMatch,
  finalNumberExactMatch,
  matchesPattern,
  prefixExactMatch,
  quasiExactMatch,
  quasiPrefixExactMatch,
  TextMetricsError,
} from '../src/index.js';

describe('exactMatch (lm-evaluation-harness)', () => {
  it('compares raw strings when no option is set', () => {
    expect(exactMatch('Paris', 'Paris')).toBe(1);
    expect(exactMatch('Paris', 'paris')).toBe(0);
    expect(exactMatch('Paris ', 'Paris')).toBe(0);
  });

  it('applies the regexes first, then case, punctuation and numbers', () => {
    // the regex sees the original case: '(?s).*ANSWER: ' would not match after lowercasing
    expect(
      exactMatch('Work... ANSWER: B', 'b', {
        regexesToIgnore: ['(?s).*ANSWER: '],
        ignoreCase: true,
      }),
    ).toBe(1);
    expect(exactMatch('#### 1,234', '1234', { regexesToIgnore: ['(?s).*#### ', ','] })).toBe(1);
    expect(
      exactMatch('A1!', 'a', { ignoreCase: true, ignorePunctuation: true, ignoreNumbers: true }),
    ).toBe(1);
    expect(exactMatch('A1!', 'a', { ignoreCase: true, ignorePunctuation: true })).toBe(0);
  });

  it('takes the best of several references', () => {
    expect(exactMatch('b', ['a', 'b'])).toBe(1);
    expect(exactMatch('c', ['a', 'b'])).toBe(0);
  });

  it('accepts RegExp objects with their own flags', () => {
    expect(exactMatch('THE END', 'END', { regexesToIgnore: [/the /i] })).toBe(1);
  });

  it('rejects bad arguments and options, naming them', () => {
    expect(() => exactMatch(1 as unknown as string, 'a')).toThrow(
      /Argument prediction must be a string/,
    );
    expect(() => exactMatch('a', [])).toThrow(/Argument references is an empty array/);
    expect(() => exactMatch('a', ['a', 2 as unknown as string])).toThrow(
      /Argument references\[1\]/,
    );
    expect(() => exactMatch('a', 'a', { ignoreCase: 1 as unknown as boolean })).toThrow(
      /Option options.ignoreCase must be true or false/,
    );
    expect(() => exactMatch('a', 'a', { regexesToIgnore: ['('] })).toThrow(
      /Option options.regexesToIgnore\[0\] is not a valid regular expression/,
    );
    expect(() => exactMatch('a', 'a', { regexesToIgnore: 'x' as unknown as string[] })).toThrow(
      TextMetricsError,
    );
  });
});

describe('HELM exact-match variants', () => {
  it('quasi exact match normalizes like SQuAD and scores an empty prediction 0', () => {
    expect(quasiExactMatch('The Beatles!', 'beatles')).toBe(1);
    expect(quasiExactMatch('', '')).toBe(0);
    expect(quasiExactMatch('!!', '')).toBe(1);
  });

  it('prefix variants test a string prefix of the (normalized) prediction', () => {
    expect(prefixExactMatch(' Yes, Elmendorf', 'Yes')).toBe(1);
    expect(prefixExactMatch('yes, Elmendorf', 'Yes')).toBe(0);
    expect(quasiPrefixExactMatch('Yesterday', 'yes')).toBe(1);
    expect(quasiPrefixExactMatch('The Beatles, a band', ['stones', 'beatles'])).toBe(1);
  });

  it('final-number match compares the last numbers, commas dropped', () => {
    expect(finalNumberExactMatch('She pays 1,500 dollars, so 1,500.', 'The answer is 1500')).toBe(
      1,
    );
    expect(finalNumberExactMatch('between 3 and 5', '3')).toBe(0);
    expect(finalNumberExactMatch('no numbers', 'none either')).toBe(0);
    expect(finalNumberExactMatch('x = 3 5', '3 5')).toBe(1);
    expect(finalNumberExactMatch('\u0663\u0664', '\u0663\u0664')).toBe(1);
  });
});

describe('Python pattern semantics the JavaScript engine lacks', () => {
  it('after an empty match, takes a non-empty match at the same position, as re.sub does', () => {
    expect(exactMatch('xx', '', { regexesToIgnore: ['x*?'] })).toBe(1);
    expect(exactMatch('abc', '', { regexesToIgnore: ['(?s).*?'] })).toBe(1);
    expect(exactMatch('a x', 'a ', { regexesToIgnore: ['(\\b|x)'] })).toBe(1);
    expect(exactMatch('xax', 'a', { regexesToIgnore: [/x*?/] })).toBe(1);
  });

  it('matches I, i, U+0130 and U+0131 as one letter under (?i), negated classes too', () => {
    expect(matchesPattern('\u0130', '(?i)^[a-z]$')).toBe(1);
    expect(matchesPattern('\u0131', '(?i)^I$')).toBe(1);
    expect(exactMatch('\u0130', '', { regexesToIgnore: ['(?i)[a-z]'] })).toBe(1);
    expect(exactMatch('\u0130\u0131', '\u0130\u0131', { regexesToIgnore: ['(?is)[^a-z]'] })).toBe(
      1,
    );
    expect(matchesPattern('\u0130', '^[a-z]$')).toBe(0);
  });
});
