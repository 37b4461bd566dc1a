import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as report from '../src/index.js';
import { docExampleFixtures } from './support/doc-example-fixtures.js';

describeDocExamples('TSDoc examples of @assay/report', {
  srcDir: new URL('../src/', import.meta.url),
  exports: report,
  excluded: {
    CHART_CSS: 'a constant (the stylesheet of the charts), not a function or class',
    EarlyStopSchema: 'a zod schema (a value), not a function or class',
    MISSING_VALUE: "a constant (the '—' shown for a missing value), not a function or class",
    RANKING_AUC_MIN: 'a constant (0.9), not a function or class',
    RANKING_GAP_MIN: 'a constant (0.15), not a function or class',
    REPORT_CSS: 'a constant (the stylesheet of the report), not a function or class',
    RunResultsSchema: 'a zod schema (a value), not a function or class',
  },
  everyModule: true,
  // the run data the examples show, made anew for each example
  scope: docExampleFixtures,
});
