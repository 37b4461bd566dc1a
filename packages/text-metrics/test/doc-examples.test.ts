import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as bleuTokenizersEntry from '../src/bleu-tokenizers.js';
import * as textMetrics from '../src/index.js';

describeDocExamples('TSDoc examples of @assay/text-metrics', {
  srcDir: new URL('../src/', import.meta.url),
  // the package's two entries: `.` and `./bleu-tokenizers`
  exports: { ...textMetrics, ...bleuTokenizersEntry },
  excluded: {},
  everyModule: true,
});
