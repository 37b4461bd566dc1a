import { describeReadmeExamples } from '../../../test-support/readme-examples.js';

describeReadmeExamples('@assay/eval', import.meta.url);
