export { ModelServerError, type ModelServerErrorCode } from './errors.js';
export { FaultInjector, type FaultPlan, failureName } from './faults/inject.js';
export {
  type FailureMode,
  type FaultOptions,
  type LatencySpec,
  mergeFaultOptions,
  parseFaultSpec,
} from './faults/parse-fault-header.js';
export {
  loadOrTrainSpamModel,
  parseSpamModel,
  serializeSpamModel,
} from './model/model-cache.js';
export {
  predictSpam,
  type SpamModel,
  type SpamPrediction,
  spamEvidence,
  type TrainSpamModelOptions,
  trainSpamModel,
} from './model/naive-bayes.js';
export { fitPlattScaling, type PlattScaling } from './model/platt-scaling.js';
export { tokenizeEmail } from './model/tokenize.js';
export { extractEmail } from './server/answer.js';
export type { ModelServerStats } from './server/context.js';
export {
  type ModelServer,
  type ModelServerOptions,
  startModelServer,
} from './server/create-server.js';
export {
  type CountableMessage,
  countChatPromptTokens,
  countTokens,
  TOKENIZER_NAME,
} from './tokens/count-tokens.js';
