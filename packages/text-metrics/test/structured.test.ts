import { describe, expect, it } from 'vitest';
import {
  checkJsonSchema,
  includes,
  jsonSchemaConformance,
  jsonValidity,
  matchesPattern,
  numericMatch,
  parseNumber,
  TextMetricsError,
} from '../src/index.js';

describe('jsonValidity', () => {
  it('accepts any JSON value with surrounding whitespace', () => {
    for (const text of ['{"a": 1}', ' [1, 2] ', '"yes"', '3', 'null', '\n{"a": {"b": [true]}}\t']) {
      expect(jsonValidity(text), text).toBe(1);
    }
  });

  it('rejects what JSON.parse rejects, including Python-only NaN and Infinity', () => {
    for (const text of [
      '',
      "{'a': 1}",
      '{a: 1}',
      '[1, 2,]',
      'NaN',
      'Infinity',
      '{"a": 1} extra',
      '// c\n1',
    ]) {
      expect(jsonValidity(text), text).toBe(0);
    }
  });

  it('reads the body of one code fence only when asked', () => {
    const fenced = '```json\n{"answer": 42}\n```';
    expect(jsonValidity(fenced)).toBe(0);
    expect(jsonValidity(fenced, { stripCodeFence: true })).toBe(1);
    expect(jsonValidity('  ```\n[1]\n```  ', { stripCodeFence: true })).toBe(1);
    expect(jsonValidity('text ```json\n[1]\n```', { stripCodeFence: true })).toBe(0);
  });

  it('rejects a bad option with its path', () => {
    expect(() => jsonValidity('1', { stripCodeFence: 'yes' as unknown as boolean })).toThrow(
      /Option options.stripCodeFence must be true or false/,
    );
  });
});

describe('jsonSchemaConformance', () => {
  const schema = {
    type: 'object',
    required: ['answer'],
    properties: { answer: { type: 'integer' }, reason: { type: 'string' } },
    additionalProperties: false,
  };

  it('scores conforming JSON 1 and everything else 0, with reasons', () => {
    expect(jsonSchemaConformance('{"answer": 42}', schema)).toBe(1);
    expect(checkJsonSchema('{"answer": "42", "extra": 1}', schema)).toEqual({
      score: 0,
      validJson: true,
      errors: ['/ must NOT have additional properties ("extra")', '/answer must be integer'],
    });
    expect(checkJsonSchema('not json', schema)).toEqual({
      score: 0,
      validJson: false,
      errors: ['text is not valid JSON'],
    });
  });

  it('follows the dialect named by $schema and accepts boolean schemas', () => {
    const draft2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'string' }],
      items: false,
    };
    expect(jsonSchemaConformance('["a"]', draft2020)).toBe(1);
    expect(jsonSchemaConformance('["a", 1]', draft2020)).toBe(0);
    expect(jsonSchemaConformance('{}', true)).toBe(1);
    expect(jsonSchemaConformance('{}', false)).toBe(0);
  });

  it('rejects an invalid schema, naming the argument', () => {
    expect(() => jsonSchemaConformance('1', { type: 'no-such-type' })).toThrow(
      /Argument schema is not a valid JSON Schema/,
    );
    expect(() => jsonSchemaConformance('1', 'x' as unknown as object)).toThrow(TextMetricsError);
  });
});

describe('numericMatch', () => {
  it('compares numbers with math.isclose tolerances', () => {
    expect(numericMatch('1.25', 1.251, { absoluteTolerance: 0.01 })).toBe(1);
    expect(numericMatch('1.25', 1.251)).toBe(0);
    expect(numericMatch('101', 100, { relativeTolerance: 0.01 })).toBe(1);
    expect(numericMatch('102', 100, { relativeTolerance: 0.01 })).toBe(0);
    expect(numericMatch(' -1,234.50 ', '-1234.5')).toBe(1);
    expect(numericMatch('2e3', 2000)).toBe(1);
  });

  it('reads the whole text by default and the last number on request', () => {
    expect(numericMatch('about 100', 100)).toBe(0);
    expect(numericMatch('The total is 1,250.', '1250', { extract: 'last' })).toBe(1);
    expect(parseNumber('e5', 'whole')).toBeUndefined();
    expect(parseNumber('1,23', 'whole')).toBeUndefined();
    expect(parseNumber('no number, sorry', 'last')).toBeUndefined();
    expect(parseNumber('-3 then 4.5', 'last')).toBe(4.5);
  });

  it('rejects a reference without a number and negative tolerances', () => {
    expect(() => numericMatch('1', 'one')).toThrow(
      /Argument reference must be a number or text holding one/,
    );
    expect(() => numericMatch('1', 1, { absoluteTolerance: -1 })).toThrow(
      /Option options.absoluteTolerance must be a finite number/,
    );
    expect(() => numericMatch('1', 1, { extract: 'first' as 'last' })).toThrow(/options.extract/);
  });
});

describe('includes and matchesPattern', () => {
  it('finds a substring, optionally ignoring case', () => {
    expect(includes('The capital is Paris.', 'Paris')).toBe(1);
    expect(includes('The capital is PARIS.', 'paris')).toBe(0);
    expect(includes('The capital is PARIS.', 'paris', { ignoreCase: true })).toBe(1);
    expect(includes('anything', '')).toBe(1);
  });

  it('searches a Python-style or JavaScript regular expression', () => {
    expect(matchesPattern('Answer: B', '^Answer: [A-D]$')).toBe(1);
    expect(matchesPattern('Answer: B\n', '^Answer: [A-D]$')).toBe(1);
    expect(matchesPattern('answer: b', '(?i)^answer: [a-d]$')).toBe(1);
    expect(matchesPattern('answer: e', /answer: [a-d]/)).toBe(0);
    expect(matchesPattern('\u0663', '\\d')).toBe(1);
  });

  it('rejects a pattern that does not compile, naming it', () => {
    expect(() => matchesPattern('x', '(unclosed')).toThrow(
      /Argument pattern is not a valid regular expression/,
    );
    expect(() => matchesPattern('x', '(?x)a b')).toThrow(/\(\?x\) has no JavaScript equivalent/);
  });
});
