import type { JudgeSummary, ModelResult, RunResults } from '../../src/index.js';
import { generationResults, sampleJudge } from './generation-results.js';
import { metric } from './metric-summary.js';
import { sampleModel, sampleResults } from './sample-results.js';

/**
 * A classification model with its confusion matrix, ROC curve and positive-class shares; its
 * ROC AUC and balanced accuracy as given.
 */
function classifier(name: string, f1: number, auc: number, balanced: number): ModelResult {
  return sampleModel(name, {
    items: { total: 20, scored: 20, correct: 17, wrong: 3, unparseable: 0, failed: 0 },
    metrics: {
      accuracy: metric(0.85, 0.7, 0.95),
      balanced_accuracy: metric(balanced, balanced - 0.15, balanced + 0.1),
      recall_macro: metric(balanced, balanced - 0.15, balanced + 0.1),
      f1_macro: metric(f1, f1 - 0.1, f1 + 0.05),
      roc_auc: metric(auc, auc - 0.08, Math.min(1, auc + 0.01)),
    },
    confusion: {
      labels: ['spam', 'ham', 'unparseable'],
      matrix: [
        [9, 1, 0],
        [2, 8, 0],
      ],
    },
    rocCurve: { fpr: [0, 0.2, 1], tpr: [0, 0.9, 1], auc },
    positiveClass: {
      label: 'spam',
      precision: metric(0.818, 0.6, 0.95),
      recall: metric(0.9, 0.7, 1),
      falsePositiveRate: metric(0.2, 0.05, 0.45),
    },
  });
}

/** A classification run of two models, with a threshold, a comparison and an early stop. */
function classificationResults(): RunResults {
  return sampleResults([classifier('nb', 0.849, 0.93, 0.85), classifier('lr', 0.82, 0.995, 0.8)], {
    dataset: { source: 'mail.jsonl', items: 20, labels: { spam: 10, ham: 10 }, groups: {} },
    evaluation: {
      ...sampleResults([]).evaluation,
      metrics: ['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc'],
      greaterIsBetter: { accuracy: true, balanced_accuracy: true, f1_macro: true, roc_auc: true },
    },
    thresholds: [
      {
        threshold: 'f1_macro >= 0.8',
        model: 'nb',
        metric: 'f1_macro',
        value: 0.849,
        passed: true,
        bound: 'value',
        op: '>=',
        limit: 0.8,
        ciLow: 0.749,
        ciHigh: 0.899,
      },
    ],
    comparisons: [
      {
        a: 'nb',
        b: 'lr',
        pairedItems: 20,
        mcnemar: { onlyA: 2, onlyB: 1, pValue: 1, pHolm: null },
        metrics: {
          accuracy: { difference: 0, ciLow: -0.1, ciHigh: 0.1, pValue: 1, pHolm: null },
          f1_macro: { difference: 0.029, ciLow: -0.05, ciHigh: 0.11, pValue: 0.25, pHolm: null },
        },
      },
    ],
    earlyStop: {
      when: 'ci_width(accuracy) <= 0.3',
      minItems: 10,
      checkEvery: 5,
      method: 'betting',
      ruleHeld: true,
      stopped: true,
      itemsTotal: 40,
      itemsSent: 20,
      looks: 3,
      confidence: 0.95,
      models: ['nb', 'lr'].map((model) => ({
        model,
        requestsSaved: 20,
        costSavedUsd: null,
        sequences: [
          {
            metric: 'accuracy',
            n: 20,
            mean: 0.85,
            lower: 0.62,
            upper: 0.91,
            bootstrapLow: 0.7,
            bootstrapHigh: 0.95,
          },
        ],
      })),
    },
  });
}

/** A multiple-choice run whose model was asked each item in 3 choice orders. */
function choiceResults(): RunResults {
  const model = sampleModel('mc-model', {
    items: {
      total: 30,
      scored: 30,
      correct: 24,
      wrong: 6,
      unparseable: 0,
      failed: 0,
      distinct: 10,
    },
    metrics: { accuracy: metric(0.8, 0.65, 0.9) },
    multipleChoice: {
      permutations: 2,
      positionBiasRate: 0.3,
      itemsCompared: 10,
      ordersPerItem: { min: 3, max: 3 },
    },
  });
  return sampleResults([model], {
    dataset: { source: 'mc.jsonl', items: 10, labels: {}, groups: {} },
    task: { type: 'multiple-choice', labels: [], positiveLabel: null },
  });
}

/**
 * The names the TSDoc examples of @assay/report use for a run's data, each a value of the type
 * the example's function reads:
 * - `results`: a classification run's `RunResults` (models nb and lr, lr ranking far better than
 *   it decides, a threshold on nb, a comparison, an early stop); `model`, `models`, `threshold`, `service`: parts of it
 * - `generationRun`: a generation run's `RunResults` (3 samples an item, reduced by mean, with a
 *   judge); `generationModel`, `judge`, `agreement`: parts of it
 * - `choiceRun`: a multiple-choice run's `RunResults` (each item in 3 choice orders)
 */
export function docExampleFixtures(): Record<string, unknown> {
  const results = classificationResults();
  const model = results.models[0]!;
  const generation = generationResults();
  const judge: JudgeSummary = {
    ...sampleJudge(),
    unscoredReasons: [{ reason: 'no GRADE line', count: 2 }],
  };
  const base = generation.models[0]!;
  const generationModel: ModelResult = {
    ...base,
    judge,
    generation: {
      ...base.generation!,
      slices: [
        { group: 'list-a', n: 12, metrics: { token_f1: 0.4321, bleu: 31.5 } },
        { group: 'list-b', n: 8, metrics: { token_f1: 0.8771, bleu: null } },
      ],
    },
    slices: [
      { group: 'list-a', n: 12, accuracy: null, errors: 0 },
      { group: 'list-b', n: 8, accuracy: null, errors: 0 },
    ],
  };
  const generationRun: RunResults = { ...generation, models: [generationModel] };
  return {
    results,
    model,
    models: results.models,
    threshold: results.thresholds[0]!,
    service: model.service,
    generationRun,
    generationModel,
    judge,
    agreement: judge.agreement,
    choiceRun: choiceResults(),
  };
}
