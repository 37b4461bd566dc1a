import { accuracyScore } from '@assay/core-metrics';
import { createRunner, RunnerError, scorePredictions } from '@assay/runner';
import {
  type CrossValidator,
  GroupKFold,
  KFold,
  RepeatedStratifiedKFold,
  ShuffleSplit,
  StratifiedGroupKFold,
  StratifiedKFold,
  TimeSeriesSplit,
  trainTestSplit,
} from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

const data = syntheticClassification(1200, 3, 31);
const input = { yTrue: data.yTrue, yPred: data.yPred, group: data.group };

function pick(values: Int32Array, rows: Uint32Array): Int32Array {
  return Int32Array.from(rows, (r) => values[r]!);
}

describe('folds match @assay/splitters', () => {
  test.each<[string, CrossValidator, number]>([
    [
      'repeated-stratified:3x2',
      new RepeatedStratifiedKFold({ nSplits: 3, nRepeats: 2, randomState: 6 }),
      6,
    ],
    ['group:4', new GroupKFold({ nSplits: 4 }), 4],
    [
      'stratified-group:3',
      new StratifiedGroupKFold({ nSplits: 3, shuffle: true, randomState: 6 }),
      3,
    ],
    ['timeseries:4', new TimeSeriesSplit({ nSplits: 4 }), 4],
    ['holdout:0.25', new ShuffleSplit({ nSplits: 1, testSize: 0.25, randomState: 6 }), 1],
  ])('%s', async (cv, splitter, count) => {
    const report = await scorePredictions(input, {
      cv,
      seed: 6,
      metrics: ['accuracy'],
      workers: 0,
    });
    const splits = [...splitter.split({ n: 1200, y: data.yTrue, groups: data.group })];
    expect(report.folds).toHaveLength(count);
    expect(splits).toHaveLength(count);
    splits.forEach((split, f) => {
      const fold = report.folds[f]!;
      expect(fold.fold).toBe(f);
      expect(fold.nTest).toBe(split.test.length);
      expect(fold.nTrain).toBe(split.train.length);
      expect(fold.metrics.accuracy).toBe(
        accuracyScore(pick(data.yTrue, split.test), pick(data.yPred, split.test)),
      );
    });
    if (cv.startsWith('repeated'))
      expect(report.folds.map((f) => f.repeat)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  test('precomputed foldIds are used as given; never-tested rows train every fold', async () => {
    const foldIds = Int32Array.from({ length: 1200 }, (_, i) => (i < 100 ? -1 : i % 2));
    const report = await scorePredictions(input, { foldIds, metrics: ['accuracy'], workers: 0 });
    expect(report.settings.cv).toBe('foldIds');
    expect(report.folds.map((f) => [f.nTrain, f.nTest])).toEqual([
      [650, 550],
      [650, 550],
    ]);
    const rows = Uint32Array.from({ length: 550 }, (_, j) => 100 + 2 * j + 1);
    expect(report.folds[1]!.metrics.accuracy).toBe(
      accuracyScore(pick(data.yTrue, rows), pick(data.yPred, rows)),
    );
  });
});

describe('shuffle: false gives the unshuffled splitters’ folds', () => {
  const unshuffled: [string, CrossValidator | null][] = [
    ['kfold:4', new KFold({ nSplits: 4 })],
    ['stratified:4', new StratifiedKFold({ nSplits: 4 })],
    ['stratified-group:3', new StratifiedGroupKFold({ nSplits: 3 })],
    ['holdout:0.25', null],
  ];
  test.each(unshuffled.flatMap(([cv, s]) => [0, 2].map((w) => [cv, s, w] as const)))(
    '%s on %i workers',
    async (cv, splitter, workers) => {
      const report = await scorePredictions(input, {
        cv,
        shuffle: false,
        seed: 6,
        metrics: ['accuracy'],
        workers,
      });
      expect(report.settings.shuffle).toBe(false);
      const splits =
        splitter === null
          ? [trainTestSplit(1200, { testSize: 0.25, shuffle: false })]
          : [...splitter.split({ n: 1200, y: data.yTrue, groups: data.group })];
      expect(report.folds.map((f) => [f.nTrain, f.nTest])).toEqual(
        splits.map((s) => [s.train.length, s.test.length]),
      );
      splits.forEach((split, f) => {
        expect(report.folds[f]!.metrics.accuracy).toBe(
          accuracyScore(pick(data.yTrue, split.test), pick(data.yPred, split.test)),
        );
      });
    },
  );

  test('a class smaller than K is warned about on every stratified path, as scikit-learn warns', async () => {
    // 3 rows of class 2 among 60: StratifiedKFold(5) warns "The least populated class ..."
    const yTrue = Int32Array.from({ length: 60 }, (_, i) => (i < 3 ? 2 : i % 2));
    const small = { yTrue, yPred: yTrue };
    const expected = (cv: string) =>
      `--cv ${cv}: the least populated class in y has only 3 members, which is less than n_splits=5.`;
    for (const [cv, shuffle, workers] of [
      ['stratified:5', true, 0],
      ['stratified:5', false, 0],
      ['stratified:5', false, 2],
      ['repeated-stratified:5x2', true, 2],
    ] as const) {
      const report = await scorePredictions(small, { cv, shuffle, metrics: ['accuracy'], workers });
      expect(report.warnings, `${cv} shuffle ${shuffle}`).toContain(expected(cv));
    }
  });

  test('options the folds do not use are warned about, not ignored in silence', async () => {
    const warned = async (options: Record<string, unknown>) =>
      (await scorePredictions(input, { metrics: ['accuracy'], workers: 0, ...options })).warnings;
    const foldIds = Int32Array.from({ length: 1200 }, (_, i) => i % 3);
    expect(await warned({ cv: 'none', shuffle: false })).toContain(
      'shuffle: false (--no-shuffle) has no effect with --cv none: there are no folds.',
    );
    expect(await warned({ cv: 'timeseries:3', shuffle: false })).toContain(
      'shuffle: false (--no-shuffle) has no effect with --cv timeseries:3: these folds are not drawn at random.',
    );
    expect(await warned({ cv: 'group:3', shuffle: true })).toContain(
      'shuffle: true (--shuffle) has no effect with --cv group:3: these folds are not drawn at random.',
    );
    expect(await warned({ cv: 'kfold:3' })).not.toContain(expect.stringContaining('no effect'));
    const given = await warned({ foldIds, shuffle: false });
    expect(given.join('\n')).toContain('has no effect with folds given per row');
    // the group column of `input` is not used by folds given per row
    expect(given.join('\n')).toContain(
      'with folds given per row (--folds, foldIds) the groups were ignored',
    );
    expect(await warned({ cv: 'kfold:3', shuffle: false })).not.toContain(
      expect.stringContaining('no effect'),
    );
  });

  test('the report says whether the folds were shuffled, where the kind shuffles', async () => {
    const shuffleOf = async (cv: string) =>
      (await scorePredictions(input, { cv, metrics: ['accuracy'], workers: 0 })).settings.shuffle;
    expect(await shuffleOf('stratified:3')).toBe(true);
    expect(await shuffleOf('repeated-stratified:3x2')).toBe(true);
    expect(await shuffleOf('timeseries:3')).toBeUndefined();
    expect(await shuffleOf('none')).toBeUndefined();
  });

  test('repeated-stratified, a new shuffle per repeat, refuses shuffle: false', async () => {
    const error = await scorePredictions(input, {
      cv: 'repeated-stratified:3x2',
      shuffle: false,
      workers: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', path: 'shuffle' });
  });

  test('generation folds too', async () => {
    const outputs = Array.from({ length: 40 }, (_, i) => `answer ${i % 7}`);
    const references = Array.from({ length: 40 }, (_, i) => `answer ${i % 5}`);
    const runner = createRunner({ workers: 0 });
    let seen: (Int32Array | Int8Array)[] = [];
    const report = await runner
      .scoreGenerations(
        { outputs, references },
        {
          cv: 'kfold:4',
          shuffle: false,
          metrics: ['exact_match'],
          onFoldIds: (ids) => {
            seen = ids.map((x) => x.slice());
          },
        },
      )
      .finally(() => runner.close());
    expect(report.settings.shuffle).toBe(false);
    const splits = [...new KFold({ nSplits: 4 }).split({ n: 40 })];
    splits.forEach(({ test }, f) => {
      expect([...seen[0]!.keys()].filter((i) => seen[0]![i] === f)).toEqual([...test]);
      const hits = [...test].filter((i) => outputs[i] === references[i]).length;
      expect(report.folds[f]!.metrics.exact_match).toBeCloseTo(hits / test.length, 12);
    });
  });
});

describe('onFoldIds', () => {
  test.each([
    ['stratified:4', 0],
    ['stratified:4', 2],
    ['kfold:3', 2],
    ['repeated-stratified:3x2', 2],
  ] as const)('%s on %i workers gives the folds the report scored', async (cv, workers) => {
    let seen: (Int32Array | Int8Array)[] = [];
    const report = await scorePredictions(input, {
      cv,
      workers,
      // accuracy alone: the runner's own stratified folds need no per-row ids but for this
      metrics: ['accuracy'],
      onFoldIds: (ids) => {
        seen = ids.map((a) => a.slice());
      },
    });
    expect(seen).toHaveLength(cv.startsWith('repeated') ? 2 : 1);
    report.folds.forEach((fold) => {
      const ids = seen[fold.repeat]!;
      const rows = Uint32Array.from([...ids.keys()].filter((i) => ids[i] === fold.fold));
      expect(rows.length).toBe(fold.nTest);
      expect(fold.metrics.accuracy).toBe(
        accuracyScore(pick(data.yTrue, rows), pick(data.yPred, rows)),
      );
    });
  });
});

describe('progress events', () => {
  test('each phase reports its tasks up to done === total', async () => {
    const events: { phase: string; done: number; total: number }[] = [];
    await scorePredictions(input, {
      cv: 'stratified:3',
      bootstrap: 10,
      metrics: ['accuracy'],
      workers: 0,
      onProgress: (p) => events.push({ ...p }),
    });
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toContain('confusion');
    expect(phases).toContain('bootstrap');
    for (const phase of phases) {
      const last = events.filter((e) => e.phase === phase).at(-1)!;
      expect(last.done).toBe(last.total);
    }
  });
});
