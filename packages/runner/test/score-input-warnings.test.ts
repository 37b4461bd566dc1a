import { createRunner, RunnerError } from '@assay/runner';
import { describe, expect, test } from 'vitest';

// in-process: the warnings come from planning, not from the workers
const runner = createRunner({ workers: 0 });

describe('inputs a job would otherwise ignore in silence get a warning', () => {
  test('--y-score on a multiclass target: no ranking metric uses it, --y-proba is named', async () => {
    const report = await runner.scorePredictions({
      yTrue: ['a', 'b', 'c', 'a', 'b', 'c'],
      yPred: ['a', 'b', 'b', 'a', 'c', 'c'],
      yScore: [0.9, 0.2, 0.4, 0.8, 0.3, 0.1],
    });
    expect(report.overall).not.toHaveProperty('roc_auc');
    expect(report.warnings).toContain(
      '--y-score is read only for a binary target, and this one has 3 classes, so no ranking metric uses it; pass one probability column per class with --y-proba for roc_auc_ovr.',
    );
  });

  test('--y-score on a binary target is used, with no warning', async () => {
    const report = await runner.scorePredictions({
      yTrue: [0, 1, 1, 0, 1, 0],
      yPred: [0, 1, 0, 0, 1, 1],
      yScore: [0.1, 0.9, 0.4, 0.2, 0.8, 0.6],
    });
    expect(report.overall).toHaveProperty('roc_auc');
    expect(report.warnings.filter((w) => w.includes('--y-score'))).toEqual([]);
  });

  test('--y-score with --y-proba: each metric reads one of them, and the warning says which', async () => {
    const yTrue = [0, 1, 1, 0, 1, 0];
    const score = [0.1, 0.9, 0.4, 0.2, 0.8, 0.6];
    // probabilities that rank otherwise than the score: roc_auc tells which it read
    const p1 = [0.9, 0.1, 0.5, 0.3, 0.2, 0.4];
    const report = await runner.scorePredictions(
      { yTrue, yPred: [0, 1, 0, 0, 1, 1], yScore: score, yProba: [p1.map((p) => 1 - p), p1] },
      { metrics: ['roc_auc', 'log_loss'] },
    );
    const onlyScore = await runner.scorePredictions(
      { yTrue, yPred: [0, 1, 0, 0, 1, 1], yScore: score },
      { metrics: ['roc_auc'] },
    );
    expect(report.overall.roc_auc!.value).toBe(onlyScore.overall.roc_auc!.value);
    expect(report.warnings).toContain(
      '--y-score and --y-proba are both given: metrics of one score column (roc_auc, average_precision, brier_score) read --y-score, and metrics of class probabilities (log_loss, roc_auc_ovr, roc_auc_ovo, top_k_accuracy) read --y-proba; pass one of them for every metric to read the same scores.',
    );
  });

  test('--group without a group CV: the groups were ignored, and the group CVs are named', async () => {
    const yTrue = [0, 1, 0, 1, 0, 1, 0, 1];
    const input = { yTrue, yPred: yTrue, group: [1, 1, 2, 2, 3, 3, 4, 4] };
    const plain = await runner.scorePredictions(input, { cv: 'stratified:2' });
    expect(plain.warnings).toContain(
      '--group is used only by --cv group:K or stratified-group:K; with --cv stratified:2 the groups were ignored.',
    );
    const grouped = await runner.scorePredictions(input, { cv: 'group:2' });
    expect(grouped.warnings.filter((w) => w.includes('--group'))).toEqual([]);
  });

  test('probabilities passed as predictions: regression is inferred, and the warning names --y-score', async () => {
    const yTrue = [0, 1, 1, 0, 1, 0];
    const probabilities = [0.1, 0.9, 0.4, 0.2, 0.8, 0.6];
    const inferred = await runner.scorePredictions({ yTrue, yPred: probabilities });
    expect(inferred.task).toBe('regression');
    expect(inferred.warnings.find((w) => w.includes('--y-score'))).toMatch(
      /^Scored as regression \(the task was inferred\).*--task regression/,
    );
    // asked for, or with fractional true values too, regression needs no warning
    const asked = await runner.scorePredictions(
      { yTrue, yPred: probabilities },
      { task: 'regression' },
    );
    // (the true 0s leave mape, a default regression metric, with a warning of its own)
    expect(asked.warnings.filter((w) => !w.startsWith('mape divides'))).toEqual([]);
    const real = await runner.scorePredictions({ yTrue: [1.5, 2.25, 3], yPred: [1.4, 2.5, 2.75] });
    expect(real.warnings).toEqual([]);
  });

  test('a class per row when the task was inferred: --task generation and regression are named', async () => {
    const inferred = await runner.scorePredictions({
      yTrue: ['the cat sat', 'a dog ran', 'it rained'],
      yPred: ['the cat sat down', 'a dog ran', 'rain fell'],
    });
    expect(inferred.warnings).toContain(
      'Scored as classification (the task was inferred) with 5 classes for 3 rows: every row is a class of its own. If the columns hold generated text and references, pass --task generation; if numbers to compare by size, --task regression.',
    );
    const labels = await runner.scorePredictions({
      yTrue: ['a', 'b', 'a'],
      yPred: ['a', 'b', 'b'],
    });
    expect(labels.warnings).toEqual([]);
    // a binary target of two rows is no sign of free text
    const twoRows = await runner.scorePredictions({ yTrue: [1, 0], yPred: [1, 0] });
    expect(twoRows.warnings.filter((w) => w.includes('class of its own'))).toEqual([]);
    const asked = await runner.scorePredictions(
      { yTrue: ['x', 'y'], yPred: ['y', 'z'] },
      { task: 'classification' },
    );
    expect(asked.warnings.filter((w) => w.includes('--task generation'))).toEqual([]);
  });
});

describe('many whole-number classes, inferred', () => {
  // counts from 100 to 299 and predictions a few units off: a regression read as 200 classes
  const yTrue = Array.from({ length: 400 }, (_, i) => 100 + ((i * 37) % 200));
  const yPred = yTrue.map((v, i) => v + ((i % 5) - 2));
  const called = (r: { warnings: string[] }) =>
    r.warnings.filter((w) => w.includes('whole numbers from'));

  test('are called out, naming --task regression and the range', async () => {
    const report = await runner.scorePredictions({ yTrue, yPred });
    expect(report.task).toBe('classification');
    const warning = report.warnings.find((w) => w.includes('whole numbers from'));
    expect(warning).toMatch(/^Scored as classification \(the task was inferred\) with \d+ classes/);
    expect(warning).toContain(
      `from ${Math.min(...yTrue, ...yPred)} to ${Math.max(...yTrue, ...yPred)}`,
    );
    expect(warning).toContain('--task regression');
  });

  test('not when the task is given, probabilities come with them, or there are 20 classes', async () => {
    const asked = await runner.scorePredictions({ yTrue, yPred }, { task: 'classification' });
    expect(called(asked)).toEqual([]);
    // a classifier of 25 classes: its probabilities say the values are labels
    const t25 = yTrue.map((v) => v % 25);
    const p25 = yPred.map((v) => ((v % 25) + 25) % 25);
    const yProba = Array.from({ length: 25 }, (_, c) =>
      Float64Array.from(p25, (p) => (p === c ? 0.52 : 0.02)),
    );
    const withProba = await runner.scorePredictions(
      { yTrue: t25, yPred: p25, yProba },
      { metrics: ['accuracy', 'log_loss'] },
    );
    expect(withProba.labels).toHaveLength(25);
    expect(called(withProba)).toEqual([]);
    expect(called(await runner.scorePredictions({ yTrue: t25, yPred: p25 }))).toHaveLength(1);
    const twenty = await runner.scorePredictions({
      yTrue: yTrue.map((v) => v % 20),
      yPred: yPred.map((v) => ((v % 20) + 20) % 20),
    });
    expect(twenty.labels).toHaveLength(20);
    expect(called(twenty)).toEqual([]);
  });

  test('not for a good classifier whose few mistakes fall on neighbouring ids', async () => {
    // 30 classes, 2,000 rows: one mistake, then 10% mistakes, all one id off
    const ids = Array.from({ length: 2000 }, (_, i) => i % 30);
    const one = ids.map((v, i) => (i === 7 ? (v + 1) % 30 : v));
    const tenth = ids.map((v, i) => (i % 10 === 0 ? (v + 1) % 30 : v));
    for (const yPred of [one, tenth]) {
      expect(called(await runner.scorePredictions({ yTrue: ids, yPred }))).toEqual([]);
    }
  });

  test('an outlier code (999 for unknown) does not widen what counts as near', async () => {
    // ids 0..39 confused with any other, plus one 999: rank distance, not value distance
    const ids = Array.from({ length: 400 }, (_, i) => (i === 0 ? 999 : i % 40));
    const confused = ids.map((v, i) => (i === 0 ? v : (v * 13 + 7) % 40));
    expect(called(await runner.scorePredictions({ yTrue: ids, yPred: confused }))).toEqual([]);
  });

  test('not for class ids that a classifier confuses with any other', async () => {
    // 300 integer class ids, wrong answers spread over the ids: a real many-class target
    const ids = yTrue.map((v) => v - 100);
    const confused = ids.map((v, i) => (i % 3 === 0 ? (v * 7 + 11) % 200 : v));
    const report = await runner.scorePredictions({ yTrue: ids, yPred: confused });
    expect(report.labels.length).toBeGreaterThan(20);
    expect(called(report)).toEqual([]);
  });
});

describe('a --slice column that is not categories', () => {
  const n = 200;
  const yTrue = Array.from({ length: n }, (_, i) => i % 2);
  const yPred = yTrue.map((v, i) => (i % 7 === 0 ? 1 - v : v));
  const sliceNotes = (r: { warnings: string[] }) =>
    r.warnings.filter((w) => w.startsWith('--slice'));

  test('fractional numbers are called a measurement, to bin first', async () => {
    const slice = Array.from({ length: n }, (_, i) => Math.round((i * 0.37) % 50) / 10 + 0.05);
    const report = await runner.scorePredictions(
      { yTrue, yPred, slice },
      { metrics: ['accuracy'] },
    );
    const [note] = sliceNotes(report);
    expect(note).toMatch(
      /^--slice column "slice" has \d+ distinct values for 200 rows \(fractional numbers/,
    );
    expect(note).toContain('Bin it into a few ranges');
  });

  test('a value per row (an id) is called out', async () => {
    const slice = Array.from({ length: n }, (_, i) => `row-${i}`);
    const report = await runner.scorePredictions(
      { yTrue, yPred, slice },
      { metrics: ['accuracy'] },
    );
    expect(sliceNotes(report)[0]).toContain('200 distinct values for 200 rows (1 per row');
  });

  test('not a sweep of 21 fractional settings with 100 rows each', async () => {
    const rows = 2100;
    const slice = Array.from({ length: rows }, (_, i) => (i % 21) / 10);
    const report = await runner.scorePredictions(
      { yTrue: slice.map((_, i) => i % 2), yPred: slice.map((_, i) => (i % 3) % 2), slice },
      { metrics: ['accuracy'] },
    );
    expect(sliceNotes(report)).toEqual([]);
  });

  test('generation slices too', async () => {
    const outputs = yTrue.map((v) => `answer ${v}`);
    const references = yPred.map((v) => `answer ${v}`);
    const slice = Array.from({ length: n }, (_, i) => i / 7);
    const report = await runner.scoreGenerations(
      { outputs, references, slice },
      { metrics: ['exact_match'] },
    );
    expect(sliceNotes(report)[0]).toContain('(fractional numbers from 0 to');
  });

  test('categories are not, even 30 whole-number ones or 100 ids of 2 rows each', async () => {
    for (const slice of [
      Array.from({ length: n }, (_, i) => `item-${i % 100}`),
      Array.from({ length: n }, (_, i) => ['de', 'en', 'fr'][i % 3]!),
      Array.from({ length: n }, (_, i) => i % 30),
    ]) {
      const report = await runner.scorePredictions(
        { yTrue, yPred, slice },
        { metrics: ['accuracy'] },
      );
      expect(sliceNotes(report)).toEqual([]);
    }
  });
});

describe('one-vs-rest ROC AUC on folds that lack a class', () => {
  // 3 classes, 60 rows sorted by class: unshuffled kfold:3 gives each fold one class
  const yTrue = Array.from({ length: 60 }, (_, i) => Math.floor(i / 20));
  const yProba = [0, 1, 2].map((c) =>
    Float64Array.from(
      yTrue,
      (t, i) => (t === c ? 0.5 : 0.25) + (c === 0 ? (i % 3) * 0.01 : -((i % 3) * 0.005)),
    ),
  );
  const input = { yTrue, yPred: yTrue, yProba };
  const about = (w: string[]) => w.filter((x) => x.includes('a class of y_true is missing'));

  test('are named, since scikit-learn raises there', async () => {
    const report = await runner.scorePredictions(input, {
      cv: 'kfold:3',
      shuffle: false,
      metrics: ['roc_auc_ovr'],
    });
    expect(about(report.warnings)).toEqual([
      'roc_auc_ovr: on 3 of 3 folds (0, 1, 2) a class of y_true is missing, so those folds average over the classes they have (scikit-learn raises there, and cross_val_score would record nan); a stratified --cv keeps every class in every fold.',
    ]);
  });

  test('not when every fold has every class, or without a ROC AUC over classes', async () => {
    const stratified = await runner.scorePredictions(input, {
      cv: 'stratified:3',
      metrics: ['roc_auc_ovr'],
    });
    expect(about(stratified.warnings)).toEqual([]);
    const other = await runner.scorePredictions(input, {
      cv: 'kfold:3',
      shuffle: false,
      metrics: ['log_loss'],
    });
    expect(about(other.warnings)).toEqual([]);
  });
});

describe('scores under regression', () => {
  test('yScore with task regression is refused, not dropped without a word', async () => {
    const error = await runner
      .scorePredictions(
        { yTrue: [1.5, 2.5, 3], yPred: [1.2, 2.1, 3.3], yScore: [0.3, 0.9, 0.5] },
        { task: 'regression' },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    expect((error as RunnerError).path).toBe('yScore');
    expect((error as RunnerError).message).toBe(
      'yScore (--y-score) is an input of classification, but the task is regression, which compares yPred with yTrue: drop it, or set the task to classification (--task classification) if the true values are labels.',
    );
  });

  test('fractional true values with yScore infer regression and refuse the scores, saying why', async () => {
    // a price column scored with a weight passed as --y-score became 8,000 classes before
    const input = { yTrue: [1.5, 2.25, 3], yPred: [1.2, 2.1, 3.3], yScore: [0.3, 0.9, 0.5] };
    const error = await runner.scorePredictions(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).message).toBe(
      'yScore (--y-score) is an input of classification, but the task is regression (inferred: the true values are numbers that are not all whole, so no class labels), which compares yPred with yTrue: drop it, or set the task to classification (--task classification) if the true values are labels.',
    );
    // whole-number true values with scores stay classification
    const binary = await runner.scorePredictions({
      yTrue: [0, 1, 1],
      yPred: [0, 1, 0],
      yScore: [0.2, 0.9, 0.4],
    });
    expect(binary.task).toBe('classification');
    // and asked for, fractional labels are classes
    const asked = await runner.scorePredictions(input, { task: 'classification' });
    expect(asked.task).toBe('classification');
  });
});

describe('a metric undefined on the whole set is named in the warnings, with the reason', () => {
  test.each([
    [
      'every weight is 0',
      { yTrue: [1, 0, 1], yPred: [1, 0, 0], weight: [0, 0, 0] },
      'Every weight is 0, so no row counts: no metric has a value (null), on the whole set or on any slice or fold.',
    ],
    [
      'one row',
      { yTrue: [1], yPred: [1], yScore: [0.9] },
      'roc_auc is undefined on the whole set (null): 1 row is too few for such a metric.',
    ],
    [
      'one class in y_true',
      { yTrue: [1, 1, 1], yPred: [1, 0, 1], yScore: [0.9, 0.3, 0.8] },
      'roc_auc is undefined on the whole set (null): y_true holds one class only, where a ranking or correlation metric has no value (scikit-learn warns or raises here).',
    ],
  ])('%s', async (_, input, warning) => {
    const metrics = 'yScore' in input ? ['accuracy', 'roc_auc'] : ['accuracy'];
    const report = await runner.scorePredictions(input, { metrics });
    expect(report.warnings).toContain(warning);
  });

  test('no such warning when every value is defined', async () => {
    const report = await runner.scorePredictions(
      { yTrue: [1, 0, 1, 0], yPred: [1, 0, 0, 0], yScore: [0.9, 0.2, 0.4, 0.1] },
      { metrics: ['accuracy', 'roc_auc'] },
    );
    expect(report.warnings.join(' ')).not.toContain('undefined on the whole set');
  });
});

describe('one-vs-rest / one-vs-one ROC AUC over a class that never occurs in y_true', () => {
  const input = {
    yTrue: ['a', 'b', 'a', 'b'],
    yPred: ['a', 'b', 'c', 'b'],
    yProba: [
      [0.7, 0.2, 0.3, 0.1],
      [0.2, 0.7, 0.2, 0.8],
      [0.1, 0.1, 0.5, 0.1],
    ],
  };
  const metrics = ['roc_auc_ovr', 'roc_auc_ovo'];

  test('without labels: averages the classes that occur and says that scikit-learn raises for both', async () => {
    // scikit-learn 1.2.1's roc_auc_score raises "Number of classes in y_true not equal to the
    // number of columns in 'y_score'" for ovr and ovo alike
    const report = await runner.scorePredictions(input, { metrics });
    expect(report.overall.roc_auc_ovr!.value).not.toBeNull();
    expect(report.warnings).toContain(
      'roc_auc_ovr, roc_auc_ovo: class(es) "c" never occur in y_true, so the average is over the 2 classes that do (scikit-learn\'s roc_auc_score raises here: "Number of classes in y_true not equal to the number of columns in \'y_score\'").',
    );
  });

  test('with labels: warns for one-vs-rest only, quoting what scikit-learn raises with labels=', async () => {
    // roc_auc_score(labels=['a','b','c']): ovr raises "Only one class present in y_true ...";
    // ovo averages over the pairs of classes present, the runner's value
    const report = await runner.scorePredictions(input, { metrics, labels: ['a', 'b', 'c'] });
    const warning = report.warnings.find((w) => w.includes('class(es)'));
    expect(warning).toMatch(/^roc_auc_ovr: class\(es\) "c" never occur in y_true/);
    expect(warning).toContain(
      '"Only one class present in y_true. ROC AUC score is not defined in that case."',
    );
  });
});

describe('as scikit-learn 1.2.1 refuses or warns', () => {
  const proba3 = [
    [0.6, 0.2, 0.2, 0.5],
    [0.2, 0.6, 0.2, 0.3],
    [0.2, 0.2, 0.6, 0.2],
  ];

  test('roc_auc_ovo with weights is refused (the weights were ignored)', async () => {
    // roc_auc_score(..., multi_class='ovo', sample_weight=...) raises ValueError
    const error = await runner
      .scorePredictions(
        { yTrue: [0, 1, 2, 0], yPred: [0, 1, 2, 0], yProba: proba3, weight: [1, 2, 1, 1] },
        { metrics: ['roc_auc_ovo'] },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    expect((error as RunnerError).path).toBe('weight');
    expect((error as RunnerError).message).toContain(
      'sample_weight is not supported for multiclass one-vs-one ROC AUC',
    );
  });

  test('top_k_accuracy (k = 2) over 2 classes warns that it is always 1', async () => {
    // top_k_accuracy_score([0,1,1,0], scores, k=2) == 1.0 with "'k' (2) greater than or equal
    // to 'n_classes' (2) will result in a perfect score and is therefore meaningless."
    const report = await runner.scorePredictions(
      {
        yTrue: [0, 1, 1, 0],
        yPred: [1, 0, 1, 0],
        yProba: [
          [0.2, 0.7, 0.4, 0.9],
          [0.8, 0.3, 0.6, 0.1],
        ],
      },
      { metrics: ['top_k_accuracy'] },
    );
    expect(report.overall.top_k_accuracy!.value).toBe(1);
    expect(report.warnings.join(' ')).toContain(
      'top_k_accuracy: k (2) is at least the number of classes (2)',
    );
  });
});

describe('mape over true values of 0', () => {
  // a user's file: scikit-learn's mean_absolute_percentage_error gives 3.75299968947541e14
  const yTrue = [0, 1.5, 3.2, -1, 10.25, 4];
  const yPred = [0.5, 1.2, 2.9, -0.4, 9, 4.4];
  const warning =
    "mape divides each error by |y_true|, which is 0 or nearly so (under a millionth of the error) on 1 row: it makes 100% of mape (scikit-learn's floor of 2.2e-16 stands in for a 0), so mape says nothing of the other rows; read mae, or leave mape out (--metrics).";

  test('is warned of once, with scikit-learn value kept', async () => {
    const report = await runner.scorePredictions({ yTrue, yPred }, { task: 'regression' });
    expect(report.overall.mape!.value).toBeCloseTo(3.75299968947541e14, -1);
    expect(report.warnings.filter((w) => w.startsWith('mape'))).toEqual([warning]);
  });

  test('is not warned of without mape, without a 0, where the 0 weighs nothing or is predicted', async () => {
    const options = { task: 'regression' as const };
    const without = await runner.scorePredictions(
      { yTrue, yPred },
      { ...options, metrics: ['mae'] },
    );
    const nonZero = await runner.scorePredictions(
      { yTrue: yTrue.map((y) => y + 20), yPred },
      options,
    );
    const weighed = await runner.scorePredictions(
      { yTrue, yPred, weight: [0, 1, 1, 1, 1, 1] },
      options,
    );
    // predicted exactly: the row adds 0 to mape
    const hit = await runner.scorePredictions({ yTrue, yPred: [0, ...yPred.slice(1)] }, options);
    expect(hit.overall.mape!.value).toBeLessThan(1);
    for (const report of [without, nonZero, weighed, hit]) {
      expect(report.warnings.join('\n')).not.toContain('mape divides');
    }
  });

  test('counts every such row', async () => {
    const report = await runner.scorePredictions(
      { yTrue: [...yTrue, 0, 0], yPred: [...yPred, 1, 2] },
      { task: 'regression' },
    );
    expect(report.warnings.join('\n')).toContain(
      'nearly so (under a millionth of the error) on 3 rows: they make 100% of mape',
    );
    // a true value of 1e-12 missed by 1 adds 1e12 as surely as a 0
    const tiny = await runner.scorePredictions(
      { yTrue: [1e-12, 1, 2], yPred: [1, 1.1, 2.2] },
      { task: 'regression' },
    );
    expect(tiny.warnings.join('\n')).toContain('on 1 row: it makes 100% of mape');
    // a 0 predicted within 1e-20 adds 4.5e-5: no cause
    const close = await runner.scorePredictions(
      { yTrue: [0, 1, 2], yPred: [1e-20, 1.1, 2.2] },
      { task: 'regression' },
    );
    expect(close.warnings.join('\n')).not.toContain('mape divides');
  });
});
