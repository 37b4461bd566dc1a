import { describeDocExamples } from '../../../test-support/doc-examples.js';
import * as report from '../src/index.js';
import * as textEntry from '../src/text.js';
import { docExampleFixtures } from './support/doc-example-fixtures.js';

describeDocExamples('TSDoc examples of @assay/report', {
  srcDir: new URL('../src/', import.meta.url),
  // the package's entries: `.` and `./text`
  exports: { ...report, ...textEntry },
  excluded: {
    RunResultsSchema: 'a zod schema (a value), not a function or class',
  },
  everyModule: true,
  // the run data the examples show, made anew for each example
  scope: docExampleFixtures,
});
