import { describe, expect, it } from 'vitest';
import { optionKeysProblem } from '../src/index.js';

const KEYS = { average: true, sampleWeight: true } as const;

describe('optionKeysProblem', () => {
  it('accepts no options and a plain object of accepted keys', () => {
    expect(optionKeysProblem(undefined, 'f1Score', KEYS)).toBeUndefined();
    expect(
      optionKeysProblem({ sampleWeight: [1], average: 'macro' }, 'f1Score', KEYS),
    ).toBeUndefined();
    expect(optionKeysProblem(Object.create(null), 'f1Score', KEYS)).toBeUndefined();
  });

  it("names an unknown key, suggesting scikit-learn's snake_case name in camelCase", () => {
    expect(optionKeysProblem({ sample_weight: [1] }, 'f1Score', KEYS)).toEqual({
      path: 'options.sample_weight',
      message:
        'options.sample_weight is not an option of f1Score; did you mean sampleWeight? Its options are average, sampleWeight.',
    });
    expect(optionKeysProblem({ max_fpr: 0.5 }, 'f1Score', KEYS)?.message).toBe(
      'options.max_fpr is not an option of f1Score. Its options are average, sampleWeight.',
    );
  });

  it('refuses an options argument that is not a plain object, saying what it is', () => {
    expect(optionKeysProblem('macro', 'f1Score', KEYS)).toEqual({
      path: 'options',
      message:
        'The options argument of f1Score is the string "macro"; it must be a plain object of named options (average, sampleWeight) or left out.',
    });
    expect(optionKeysProblem(null, 'f1Score', KEYS)?.message).toContain('is null;');
    expect(optionKeysProblem([1], 'f1Score', KEYS)?.message).toContain('is an array;');
    expect(optionKeysProblem(new Map(), 'f1Score', KEYS)?.message).toContain('is a Map object;');
    expect(optionKeysProblem(() => 'macro', 'f1Score', KEYS)?.message).toContain('is a function;');
  });
});
