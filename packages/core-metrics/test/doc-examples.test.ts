import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as coreMetrics from '../src/index.js';
import { checkColumn } from '../src/input/check-column.js';
import { checkNumberOption } from '../src/input/number-option.js';
import { checkOptions } from '../src/input/option-keys.js';
import { accumulateDenseLabelConfusion } from '../src/kernels/dense-label-confusion.js';

describeDocExamples('TSDoc examples of @assay/core-metrics', {
  srcDir: new URL('../src/', import.meta.url),
  exports: coreMetrics,
  // the examples of functions exported by their module only run too, with every module's exports
  everyModule: true,
  excluded: {},
  // exported by their module for the metrics, not by the package; their examples run too
  scope: { accumulateDenseLabelConfusion, checkColumn, checkNumberOption, checkOptions },
});
