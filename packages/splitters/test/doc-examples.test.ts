import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as splitters from '../src/index.js';
import { columnLength } from '../src/input/column-length.js';
import { checkNoOptions, checkOptions } from '../src/input/option-keys.js';
import { checkSizeOptions } from '../src/kernels/shuffle-split-size.js';

describeDocExamples('TSDoc examples of @assay/splitters', {
  srcDir: new URL('../src/', import.meta.url),
  exports: splitters,
  excluded: {
    DEFAULT_RANDOM_STATE: 'a constant (0), not a function or class: nothing to run',
    SHORT_RANGE_LIMIT: 'a constant (65536), not a function or class: nothing to run',
    SPLIT_WARNING_CHANNEL: 'a constant (the diagnostics channel name), not a function or class',
  },
  // exported by their module for the splitters, not by the package; their examples run too
  scope: { columnLength, checkNoOptions, checkOptions, checkSizeOptions },
});
