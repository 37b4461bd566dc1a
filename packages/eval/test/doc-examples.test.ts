import { afterAll, beforeAll } from 'vitest';
import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as evaluation from '../src/index.js';
import {
  docExampleFixtures,
  startDocExampleRuns,
  stopDocExampleRuns,
} from './support/doc-example-fixtures.js';

beforeAll(startDocExampleRuns, 120_000);
afterAll(stopDocExampleRuns);

describeDocExamples('TSDoc examples of @assay/eval', {
  srcDir: new URL('../src/', import.meta.url),
  exports: evaluation,
  excluded: {
    ASSERTION_SCORERS: 'a constant (the per-answer check scorers), not a function or class',
    CLASSIFICATION_METRICS:
      'a constant (the metric names of a classification task), not a function or class',
    CLOSEDQA_SCORES: 'a constant (the closedqa grades and their scores), not a function or class',
    COMPARED_SERVICE_FIGURES:
      'a constant (the service figures assay compare shows), not a function or class',
    CompareRunsOptionsSchema: 'a zod schema (a value), not a function or class',
    FACTUALITY_SCORES:
      'a constant (the factuality grades and their scores), not a function or class',
    GENERATION_SCORERS: 'a constant (every generation scorer name), not a function or class',
    JUDGE_KAPPA_METRIC: "a constant ('judge_kappa'), not a function or class",
    JUDGE_MODES: 'a constant (the judge modes), not a function or class',
    JUDGE_SCORE_METRIC: "a constant ('judge_score'), not a function or class",
    JudgeClientSchema: 'a zod schema (a value), not a function or class',
    MAX_RUN_PREDICTIONS: 'a constant (1,000,000), not a function or class',
    MIN_SAVING: 'a constant (0.1), not a function or class',
    ModelConfigSchema: 'a zod schema (a value), not a function or class',
    POOL_SCORERS: 'a constant (the scorers computed on the runner pool), not a function or class',
    REGRESSION_METRICS:
      'a constant (the metric names of a regression task), not a function or class',
    SEARCH_STRATEGIES: 'a constant (the search strategies of assay tune), not a function or class',
    SERVICE_METRICS: 'a constant (the service metric names), not a function or class',
    SearchSchema: 'a zod schema (a value), not a function or class',
    THRESHOLD_BOUNDS: 'a constant (the bounds a threshold may name), not a function or class',
    THRESHOLD_METRICS:
      'a constant (the metrics a decision threshold is tuned for), not a function or class',
    UNPAIRED_IDS_SHOWN: 'a constant (5), not a function or class',
    UNREACHABLE_AFTER: 'a constant (20), not a function or class',
    VARIABLE_PATHS: 'a constant (the paths a search may vary, in words), not a function or class',
    closestName: 're-exported from @assay/labels, whose doc-examples test runs its @example',
    didYouMean: 're-exported from @assay/labels, whose doc-examples test runs its @example',
    editDistance: 're-exported from @assay/labels, whose doc-examples test runs its @example',
  },
  everyModule: true,
  // a temp dir with a data set, the model server and two runs of it, made anew for each example
  scope: docExampleFixtures,
});
