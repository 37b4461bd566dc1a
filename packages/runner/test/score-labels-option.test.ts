import { RunnerError, ScoreReportSchema, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { type LabelsCase, labelsFixture } from '../../../test-support/labels-fixture.js';

type Label = string | number;

const fixture = labelsFixture;

function input(c: LabelsCase) {
  return c.yScore === null
    ? { yTrue: c.yTrue, yPred: c.yPred }
    : { yTrue: c.yTrue, yPred: c.yPred, yScore: c.yScore };
}

describe('the labels option equals scikit-learn with labels=', () => {
  for (const c of fixture.cases) {
    test(`${c.name}: overall and per fold, 0 and 2 workers`, async () => {
      const metrics = Object.keys(c.overall);
      for (const workers of [0, 2]) {
        const report = await scorePredictions(input(c), {
          task: 'classification',
          metrics,
          labels: c.labels,
          ...(c.posLabel === null ? {} : { posLabel: c.posLabel }),
          foldIds: c.foldIds,
          bootstrap: 200,
          seed: 5,
          workers,
        });
        expect(ScoreReportSchema.parse(report)).toEqual(report);
        for (const name of metrics) {
          const value = report.overall[name]!.value;
          expect(value, name).toBeCloseTo(c.overall[name]!, 12);
          const [lo, hi] = report.overall[name]!.ci!;
          expect(lo, name).toBeLessThanOrEqual(hi);
        }
        expect(report.folds).toHaveLength(c.folds.length);
        c.folds.forEach((expected, f) => {
          for (const [name, value] of Object.entries(expected)) {
            expect(report.folds[f]!.metrics[name], `${name} fold ${f}`).toBeCloseTo(value, 12);
          }
        });
      }
    });
  }

  test('without labels the unparseable prediction is a class of the macro average', async () => {
    const c = fixture.cases.find((x) => x.name === 'binary-unparseable')!;
    const report = await scorePredictions(input(c), {
      metrics: ['f1_macro', 'accuracy'],
      workers: 0,
    });
    expect(report.labels).toContain('unparseable');
    expect(report.overall.accuracy!.value).toBeCloseTo(c.overall.accuracy!, 12);
    expect(report.overall.f1_macro!.value).not.toBeCloseTo(c.overall.f1_macro!, 6);
  });

  test('a label in neither column (a misspelling) is scored as scikit-learn does, with a warning', async () => {
    const report = await scorePredictions(
      { yTrue: ['fraud', 'legit', 'fraud', 'legit'], yPred: ['fraud', 'legit', 'legit', 'legit'] },
      { labels: ['Fraud', 'legit'], metrics: ['f1_macro'], workers: 0 },
    );
    // sklearn f1_score(average='macro', labels=['Fraud', 'legit']): (0 + 0.8) / 2
    expect(report.overall.f1_macro!.value).toBeCloseTo(0.4, 12);
    expect(report.warnings).toContain(
      'labels lists "Fraud", which occurs in neither y_true nor y_pred; scored as classes without rows, as scikit-learn does (their recall, precision and F1 are 0, and macro averages include them). The labels in the data are "fraud", "legit".',
    );
    const spelt = await scorePredictions(
      { yTrue: ['fraud', 'legit'], yPred: ['fraud', 'legit'] },
      { labels: ['fraud', 'legit'], metrics: ['f1_macro'], workers: 0 },
    );
    expect(spelt.warnings.filter((w) => w.startsWith('labels lists'))).toEqual([]);
  });

  test('bad labels are rejected with a RunnerError naming the option', async () => {
    const c = fixture.cases[0]!;
    const run = (labels: Label[], task: 'classification' | 'regression' = 'classification') =>
      scorePredictions(task === 'regression' ? { yTrue: [1.5, 2], yPred: [1, 2.5] } : input(c), {
        task,
        labels,
        metrics: task === 'regression' ? ['mae'] : ['f1_macro'],
        workers: 0,
      });
    await expect(run([])).rejects.toMatchObject({ code: 'INVALID_OPTION', path: 'labels' });
    await expect(run(['spam', 'spam'])).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      path: 'labels[1]',
    });
    await expect(run(['spam'], 'regression')).rejects.toBeInstanceOf(RunnerError);
    await expect(
      scorePredictions(input(c), {
        labels: ['spam', 'ham', 'eggs'],
        metrics: ['f1'],
        workers: 0,
      }),
    ).rejects.toThrow(/exactly two labels/);
  });
});
