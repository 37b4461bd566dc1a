import { createRng } from '@assay/splitters';
import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as stats from '../src/index.js';

describeDocExamples('TSDoc examples of @assay/stats', {
  srcDir: new URL('../src/', import.meta.url),
  exports: stats,
  // the examples of functions exported by their module only run too, with every module's exports
  everyModule: true,
  // a seeded random source for the examples of the resampling functions
  scope: { createRng },
});
