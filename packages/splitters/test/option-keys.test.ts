import { describe, expect, it } from 'vitest';
import {
  bootstrapSample,
  encodeLabels,
  GroupKFold,
  GroupShuffleSplit,
  KFold,
  LeavePGroupsOut,
  LeavePOut,
  PredefinedSplit,
  RepeatedKFold,
  RepeatedStratifiedKFold,
  ShuffleSplit,
  StratifiedGroupKFold,
  StratifiedKFold,
  StratifiedShuffleSplit,
  TimeSeriesSplit,
  trainTestSplit,
} from '../src/index.js';
import { splitErrorOf } from './support/split-error-of.js';

// biome-ignore lint/suspicious/noExplicitAny: the table passes deliberately wrong options
type Call = (options: any) => unknown;

/** Adds the required options to a plain options object; passes anything else through. */
function withRequired(options: unknown, required: object): unknown {
  const plain =
    typeof options === 'object' &&
    options !== null &&
    Object.getPrototypeOf(options) === Object.prototype;
  return plain ? { ...required, ...options } : options;
}

/**
 * Every export of src/index.ts that takes an options object, with the rest of a valid
 * options object (for those with a required option), a snake_case key and its camelCase name.
 */
const EXPORTS: readonly [string, Call, string, string][] = [
  ['KFold', (o) => new KFold(o), 'n_splits', 'nSplits'],
  ['StratifiedKFold', (o) => new StratifiedKFold(o), 'random_state', 'randomState'],
  ['StratifiedGroupKFold', (o) => new StratifiedGroupKFold(o), 'n_splits', 'nSplits'],
  ['GroupKFold', (o) => new GroupKFold(o), 'n_splits', 'nSplits'],
  ['RepeatedKFold', (o) => new RepeatedKFold(o), 'n_repeats', 'nRepeats'],
  ['RepeatedStratifiedKFold', (o) => new RepeatedStratifiedKFold(o), 'random_state', 'randomState'],
  ['ShuffleSplit', (o) => new ShuffleSplit(o), 'test_size', 'testSize'],
  ['StratifiedShuffleSplit', (o) => new StratifiedShuffleSplit(o), 'train_size', 'trainSize'],
  ['GroupShuffleSplit', (o) => new GroupShuffleSplit(o), 'test_size', 'testSize'],
  ['TimeSeriesSplit', (o) => new TimeSeriesSplit(o), 'max_train_size', 'maxTrainSize'],
  ['LeavePOut', (o) => new LeavePOut(withRequired(o, { p: 1 }) as never), 'random_state', 'p'],
  [
    'LeavePGroupsOut',
    (o) => new LeavePGroupsOut(withRequired(o, { nGroups: 1 }) as never),
    'n_groups',
    'nGroups',
  ],
  [
    'PredefinedSplit',
    (o) => new PredefinedSplit(withRequired(o, { testFold: [0, 1] }) as never),
    'test_fold',
    'testFold',
  ],
  ['trainTestSplit', (o) => trainTestSplit(8, o), 'test_size', 'testSize'],
  ['bootstrapSample', (o) => bootstrapSample(8, o), 'random_state', 'randomState'],
  ['encodeLabels', (o) => encodeLabels(['a', 'b'], 'input.y', o), 'Discrete', 'discrete'],
];

describe('unknown option keys are refused, not ignored', () => {
  it.each(EXPORTS)(
    '%s refuses a snake_case key and names the camelCase option',
    (name, call, key, camel) => {
      const e = splitErrorOf(() => call({ [key]: 3 }));
      expect(e.code).toBe('INVALID_OPTION');
      expect(e.path).toBe(`options.${key}`);
      expect(e.message).toContain(`options.${key} is not an option of ${name}`);
      // LeavePOut has no snake_case option: its one option is listed, with no guess
      if (key === 'random_state' && name === 'LeavePOut') {
        expect(e.message).not.toContain('did you mean');
      } else {
        expect(e.message).toContain(`did you mean ${camel}?`);
      }
      expect(e.message).toMatch(new RegExp(`Its options are [a-zA-Z, ]*${camel}[a-zA-Z, ]*\\.$`));
    },
  );

  it.each(EXPORTS)('%s refuses an options argument that is not a plain object', (name, call) => {
    for (const bad of ['macro', null, [3], 3]) {
      const e = splitErrorOf(() => call(bad));
      expect(e.code).toBe('INVALID_OPTION');
      expect(e.path).toBe('options');
      expect(e.message).toContain(`The options argument of ${name} is`);
    }
  });

  it('no longer falls back to defaults for the scikit-learn spellings of the review', () => {
    expect(splitErrorOf(() => new KFold({ n_splits: 3 } as never)).message).toBe(
      'options.n_splits is not an option of KFold; did you mean nSplits? Its options are nSplits, randomState, shuffle.',
    );
    expect(
      splitErrorOf(() => new KFold({ nSplits: 3, shuffle: true, random_state: 9 } as never)).path,
    ).toBe('options.random_state');
    expect(splitErrorOf(() => new ShuffleSplit({ nSplits: 1, test_size: 0.5 } as never)).path).toBe(
      'options.test_size',
    );
    expect(splitErrorOf(() => trainTestSplit(8, { test_size: 0.5 } as never)).path).toBe(
      'options.test_size',
    );
    expect(new KFold({ nSplits: 3 }).getNSplits()).toBe(3);
  });

  it('accepts accepted keys whose value is undefined', () => {
    expect(new KFold({ nSplits: undefined } as never).getNSplits()).toBe(5);
    expect(trainTestSplit(8, { testSize: undefined } as never).test.length).toBe(2);
  });

  it('encodeLabels refuses a non-boolean discrete', () => {
    const e = splitErrorOf(() => encodeLabels([1, 2], 'input.y', { discrete: 'yes' as never }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.path).toBe('options.discrete');
  });
});
