import { ScoreReportSchema, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';

// three classes; k = 2 counts a row right when its true class is among its 2 most probable
const yTrue = [0, 1, 2, 2, 1, 0];
const yPred = [0, 1, 1, 0, 1, 2];
const rows = [
  [0.6, 0.3, 0.1], // true 0: first
  [0.2, 0.7, 0.1], // true 1: first
  [0.2, 0.5, 0.3], // true 2: second
  [0.5, 0.3, 0.2], // true 2: third
  [0.1, 0.5, 0.4], // true 1: first
  [0.1, 0.3, 0.6], // true 0: third
];
const yProba = [0, 1, 2].map((c) => rows.map((row) => row[c]!)); // one column per class

describe('top_k_accuracy', () => {
  test('the report says its k (settings.topK), which survives the report schema', async () => {
    const report = await scorePredictions(
      { yTrue, yPred, yProba },
      { workers: 0, metrics: ['accuracy', 'top_k_accuracy'] },
    );
    // scikit-learn 1.2: top_k_accuracy_score(y_true, y_proba, k=2) == 4 / 6
    expect(report.overall.top_k_accuracy!.value).toBeCloseTo(4 / 6, 14);
    expect(report.settings.topK).toBe(2);
    const saved = ScoreReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(saved.settings.topK).toBe(2);
    // the metric keeps its scikit-learn scorer name
    expect(Object.keys(report.overall)).toEqual(['accuracy', 'top_k_accuracy']);
  });

  test('its alias top_k says k too', async () => {
    const report = await scorePredictions(
      { yTrue, yPred, yProba },
      { workers: 0, metrics: ['top_k'] },
    );
    expect(report.settings.topK).toBe(2);
  });

  test('a report without top_k_accuracy has no topK', async () => {
    const report = await scorePredictions(
      { yTrue, yPred, yProba },
      { workers: 0, metrics: ['accuracy', 'log_loss'] },
    );
    expect(report.settings).not.toHaveProperty('topK');
  });
});
