import { MetricInputError } from '@assay/core-metrics';
import { SplitError } from '@assay/splitters';
import { afterAll } from 'vitest';
import { describeDocExamples, importSources } from '../../../test-support/doc-examples.js';
import * as runner from '../src/index.js';
import * as loadEntry from '../src/load.js';
import * as optionsEntry from '../src/options.js';
import * as scoringEntry from '../src/scoring.js';
import { docExampleFixtures, removeDocExampleFixtures } from './support/doc-example-fixtures.js';

const srcDir = new URL('../src/', import.meta.url);

/**
 * The exports of every module under src/, for the examples of the functions a module exports
 * but the package does not. Not `everyModule: true`: the worker modules' `default` export (the
 * function Piscina runs) would be a parameter named `default`, which no function may have.
 */
const moduleExports: Record<string, unknown> = {};
for (const exported of (await importSources(srcDir)).values()) {
  for (const [name, value] of Object.entries(exported)) {
    if (name !== 'default') moduleExports[name] = value;
  }
}

// the examples run in a temporary folder; a test run leaves none behind
afterAll(removeDocExampleFixtures);

describeDocExamples('TSDoc examples of @assay/runner', {
  srcDir,
  // the package's entries: `.`, `./load`, `./options` and `./scoring`
  exports: { ...runner, ...loadEntry, ...optionsEntry, ...scoringEntry },
  excluded: {
    CONFUSION_PASS_MAX_CELLS: 'a constant (the most cells of a pooled confusion pass)',
    CV_SPEC_FORMS: 'a constant (the forms of a --cv spec, for messages), not a function or class',
    DEFAULT_GENERATION_METRICS: 'a constant (the generation metrics scored by default)',
    FoldSummarySchema: 'a zod schema (a value), not a function or class',
    MAX_BOOTSTRAP: 'a constant (the most bootstrap resamples), not a function or class',
    MAX_CV_FOLDS: 'a constant (the most CV folds), not a function or class',
    METRIC_REGISTRY: 'a constant (the map of metric specs), not a function or class',
    MetricValueSchema: 'a zod schema (a value), not a function or class',
    closestName: "@assay/labels's, re-exported: its example runs in that package's test",
  },
  // the modules' exports, the error classes of other packages that examples build, and a
  // temporary folder with the files to read
  scope: () => ({ ...moduleExports, MetricInputError, SplitError, ...docExampleFixtures() }),
});
