import { describeReadmeExamples } from '../../../test-support/readme-examples.js';

describeReadmeExamples('@assay/labels', import.meta.url);
