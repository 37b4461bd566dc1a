import { describeReadmeExamples } from '../../../test-support/readme-examples.js';

describeReadmeExamples('@assay/report', import.meta.url);
