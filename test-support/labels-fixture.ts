import { readFileSync } from 'node:fs';

type Label = string | number;

/** One case of the `labels` option fixture: scikit-learn's values, overall and per fold. */
export interface LabelsCase {
  name: string;
  yTrue: Label[];
  yPred: Label[];
  yScore: number[] | null;
  labels: Label[];
  /** the positive label of the binary metrics, as scikit-learn's `pos_label` (null: none) */
  posLabel: Label | null;
  foldIds: number[];
  overall: Record<string, number>;
  folds: Record<string, number>[];
}

/**
 * scikit-learn 1.2.1 with `labels=` the task labels (made by test-support/scripts/make-labels-fixtures.py);
 * a predicted value outside the labels is an answer that matched no label.
 */
export const labelsFixture = JSON.parse(
  readFileSync(new URL('./fixtures/labels-option.json', import.meta.url), 'utf8'),
) as { cases: LabelsCase[] };
