import { describeReadmeExamples } from '../../../test-support/readme-examples.js';

describeReadmeExamples('@assay/stats', import.meta.url);
