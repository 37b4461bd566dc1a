import { describeReadmeExamples } from '../../../test-support/readme-examples.js';

describeReadmeExamples('@assay/spam-assassin', import.meta.url);
