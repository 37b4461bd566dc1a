import { vectorFromArray } from 'apache-arrow';
import { describeDocExamples } from '../../../test-support/doc-examples.js';
import {
  DENSE_RANGE_LIMIT,
  encodeDenseIntegers,
  integerRange,
} from '../src/dense-integer-codes.js';
import {
  checkLabelColumn,
  checkLabelSet,
  classOrder,
  encodeOptionsOrder,
} from '../src/encode-input-checks.js';
import * as labels from '../src/index.js';

describeDocExamples('TSDoc examples of @assay/labels', {
  srcDir: new URL('../src/', import.meta.url),
  exports: labels,
  // exported by their module for encodeLabelColumns, not by the package; their examples run too
  scope: {
    vectorFromArray,
    DENSE_RANGE_LIMIT,
    encodeDenseIntegers,
    integerRange,
    checkLabelColumn,
    checkLabelSet,
    classOrder,
    encodeOptionsOrder,
  },
});
