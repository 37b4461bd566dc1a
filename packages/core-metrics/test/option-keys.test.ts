import { describe, expect, it } from 'vitest';
import {
  accuracyFromConfusion,
  accuracyScore,
  averagePrecisionScore,
  balancedAccuracyFromConfusion,
  balancedAccuracyFromTallies,
  balancedAccuracyScore,
  brierScoreLoss,
  calibrationCurve,
  classificationReport,
  cohenKappaFromConfusion,
  cohenKappaScore,
  confusionMatrix,
  confusionTallies,
  encodeRatingPairs,
  expectedCalibrationError,
  explainedVarianceScore,
  f1Score,
  fbetaScore,
  hammingLoss,
  jaccardFromConfusion,
  jaccardFromTallies,
  jaccardScore,
  logLoss,
  matthewsCorrcoef,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogError,
  medianAbsoluteError,
  precisionRecallCurve,
  precisionRecallFscoreSupport,
  precisionRecallFscoreSupportFromConfusion,
  precisionRecallFscoreSupportFromTallies,
  precisionScore,
  RegressionAccumulator,
  r2Score,
  recallScore,
  rocAucScore,
  rocCurve,
  rootMeanSquaredError,
  topKAccuracyScore,
  zeroOneLoss,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

// biome-ignore lint/suspicious/noExplicitAny: the table passes deliberately wrong options
type Call = (options: any) => unknown;

const y = [0, 1, 1, 0];
const p = [0, 1, 0, 0];
const scores = [0.1, 0.8, 0.4, 0.3];
const reg = [1, 2, 3, 4];
const counts = Float64Array.of(2, 0, 1, 1);
const tallies = confusionTallies(counts, 2);
const accumulator = new RegressionAccumulator().update(
  Float64Array.from(reg),
  Float64Array.of(1, 2, 3, 5),
);

/**
 * Every export of src/index.ts that takes an options object: its name, a call with
 * otherwise valid arguments, a snake_case key to refuse and the name to suggest (none
 * where the export has no multi-word option: then the listing alone must appear).
 */
const EXPORTS: readonly [string, Call, string, string | undefined][] = [
  ['accuracyScore', (o) => accuracyScore(y, p, o), 'sample_weight', 'sampleWeight'],
  ['zeroOneLoss', (o) => zeroOneLoss(y, p, o), 'sample_weight', 'sampleWeight'],
  ['hammingLoss', (o) => hammingLoss(y, p, o), 'sample_weight', 'sampleWeight'],
  ['matthewsCorrcoef', (o) => matthewsCorrcoef(y, p, o), 'sample_weight', 'sampleWeight'],
  ['balancedAccuracyScore', (o) => balancedAccuracyScore(y, p, o), 'sample_weight', 'sampleWeight'],
  ['precisionScore', (o) => precisionScore(y, p, o), 'pos_label', 'posLabel'],
  ['recallScore', (o) => recallScore(y, p, o), 'zero_division', 'zeroDivision'],
  ['f1Score', (o) => f1Score(y, p, o), 'sample_weight', 'sampleWeight'],
  ['fbetaScore', (o) => fbetaScore(y, p, o), 'sample_weight', 'sampleWeight'],
  ['jaccardScore', (o) => jaccardScore(y, p, o), 'sample_weight', 'sampleWeight'],
  [
    'precisionRecallFscoreSupport',
    (o) => precisionRecallFscoreSupport(y, p, o),
    'sample_weight',
    'sampleWeight',
  ],
  ['classificationReport', (o) => classificationReport(y, p, o), 'target_names', 'targetNames'],
  ['confusionMatrix', (o) => confusionMatrix(y, p, o), 'sample_weight', 'sampleWeight'],
  ['cohenKappaScore', (o) => cohenKappaScore(y, p, o), 'sample_weight', 'sampleWeight'],
  ['encodeRatingPairs', (o) => encodeRatingPairs(y, p, o), 'sample_weight', undefined],
  ['accuracyFromConfusion', (o) => accuracyFromConfusion(counts, 2, o), 'sample_weight', undefined],
  [
    'balancedAccuracyFromConfusion',
    (o) => balancedAccuracyFromConfusion(counts, 2, o),
    'sample_weight',
    undefined,
  ],
  [
    'balancedAccuracyFromTallies',
    (o) => balancedAccuracyFromTallies(tallies, o),
    'sample_weight',
    undefined,
  ],
  [
    'cohenKappaFromConfusion',
    (o) => cohenKappaFromConfusion(counts, 2, o),
    'sample_weight',
    undefined,
  ],
  ['jaccardFromConfusion', (o) => jaccardFromConfusion(counts, 2, o), 'pos_label', 'posLabel'],
  ['jaccardFromTallies', (o) => jaccardFromTallies(tallies, o), 'zero_division', 'zeroDivision'],
  [
    'precisionRecallFscoreSupportFromConfusion',
    (o) => precisionRecallFscoreSupportFromConfusion(counts, 2, o),
    'warn_for',
    'warnFor',
  ],
  [
    'precisionRecallFscoreSupportFromTallies',
    (o) => precisionRecallFscoreSupportFromTallies(tallies, o),
    'pos_label',
    'posLabel',
  ],
  ['averagePrecisionScore', (o) => averagePrecisionScore(y, scores, o), 'pos_label', 'posLabel'],
  ['brierScoreLoss', (o) => brierScoreLoss(y, scores, o), 'sample_weight', 'sampleWeight'],
  ['calibrationCurve', (o) => calibrationCurve(y, scores, o), 'n_bins', 'nBins'],
  ['expectedCalibrationError', (o) => expectedCalibrationError(y, scores, o), 'n_bins', 'nBins'],
  ['logLoss', (o) => logLoss(y, scores, o), 'sample_weight', 'sampleWeight'],
  ['precisionRecallCurve', (o) => precisionRecallCurve(y, scores, o), 'pos_label', 'posLabel'],
  ['rocAucScore', (o) => rocAucScore(y, scores, o), 'max_fpr', 'maxFpr'],
  ['rocCurve', (o) => rocCurve(y, scores, o), 'drop_intermediate', 'dropIntermediate'],
  ['topKAccuracyScore', (o) => topKAccuracyScore(y, scores, o), 'sample_weight', 'sampleWeight'],
  ['meanAbsoluteError', (o) => meanAbsoluteError(reg, reg, o), 'sample_weight', 'sampleWeight'],
  ['meanSquaredError', (o) => meanSquaredError(reg, reg, o), 'sample_weight', 'sampleWeight'],
  [
    'rootMeanSquaredError',
    (o) => rootMeanSquaredError(reg, reg, o),
    'sample_weight',
    'sampleWeight',
  ],
  ['meanSquaredLogError', (o) => meanSquaredLogError(reg, reg, o), 'sample_weight', 'sampleWeight'],
  ['medianAbsoluteError', (o) => medianAbsoluteError(reg, reg, o), 'sample_weight', 'sampleWeight'],
  ['maxError', (o) => maxError(reg, reg, o), 'sample_weight', 'sampleWeight'],
  [
    'meanAbsolutePercentageError',
    (o) => meanAbsolutePercentageError(reg, reg, o),
    'sample_weight',
    'sampleWeight',
  ],
  ['r2Score', (o) => r2Score(reg, reg, o), 'force_finite', 'forceFinite'],
  [
    'explainedVarianceScore',
    (o) => explainedVarianceScore(reg, reg, o),
    'force_finite',
    'forceFinite',
  ],
  ['RegressionAccumulator', (o) => new RegressionAccumulator(o), 'keep_residuals', 'keepResiduals'],
  ['RegressionAccumulator.r2Score', (o) => accumulator.r2Score(o), 'force_finite', 'forceFinite'],
  [
    'RegressionAccumulator.explainedVarianceScore',
    (o) => accumulator.explainedVarianceScore(o),
    'force_finite',
    'forceFinite',
  ],
];

describe('unknown option keys are refused, not ignored', () => {
  it.each(EXPORTS)(
    '%s refuses a snake_case key and names the camelCase option',
    (name, call, key, camel) => {
      const e = thrown(() => call({ [key]: 1 }));
      expect(e.code).toBe('INVALID_OPTION');
      expect(e.path).toBe(`options.${key}`);
      expect(e.message).toContain(`options.${key} is not an option of ${name}`);
      if (camel === undefined) expect(e.message).not.toContain('did you mean');
      else expect(e.message).toContain(`did you mean ${camel}?`);
      expect(e.message).toMatch(/Its options are [a-zA-Z, ]+\.$/);
    },
  );

  it.each(EXPORTS)('%s refuses an options argument that is not a plain object', (name, call) => {
    for (const bad of ['macro', null, [1], 3, new Map()]) {
      const e = thrown(() => call(bad));
      expect(e.code).toBe('INVALID_OPTION');
      expect(e.path).toBe('options');
      expect(e.message).toContain(`The options argument of ${name} is`);
    }
  });

  it('refuses f1Score sample_weight instead of scoring without the weights', () => {
    // scikit-learn with the weight gives 0.0; ignoring the key gave 0.6667
    const e = thrown(() => f1Score([0, 1, 1], [0, 1, 0], { sample_weight: [1, 0, 5] } as never));
    expect(e.message).toBe(
      'options.sample_weight is not an option of f1Score; did you mean sampleWeight? Its options are average, labels, posLabel, sampleWeight, zeroDivision.',
    );
    expect(f1Score([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 0, 5] })).toBe(0);
  });

  it('lists the options without a suggestion for a key that matches none', () => {
    const e = thrown(() => rocAucScore(y, scores, { foo: 1 } as never));
    expect(e.message).toBe(
      'options.foo is not an option of rocAucScore. Its options are average, labels, maxFpr, multiClass, nClasses, sampleWeight.',
    );
  });

  it('refuses beta in f1Score, which fixes beta at 1, but accepts it in fbetaScore', () => {
    expect(thrown(() => f1Score(y, p, { beta: 2 } as never)).path).toBe('options.beta');
    expect(fbetaScore(y, p, { beta: 1 })).toBe(f1Score(y, p));
  });

  it('accepts accepted keys whose value is undefined, and an empty or absent options object', () => {
    expect(f1Score(y, p, { sampleWeight: undefined, average: undefined } as never)).toBe(
      f1Score(y, p),
    );
    expect(meanSquaredError(reg, [1, 2, 3, 5], {})).toBe(0.25);
    expect(meanSquaredError(reg, [1, 2, 3, 5], Object.create(null))).toBe(0.25);
  });
});
