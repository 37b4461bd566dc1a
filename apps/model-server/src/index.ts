export {
  BatchEngine,
  type BatchEngineOptions,
  type BatchEngineStats,
  type EngineSequence,
} from './engine/batch-engine.js';
export { exactLengthReply, exactLengthTokens, FILLER_WORDS } from './engine/exact-length.js';
export { ModelServerError, type ModelServerErrorCode } from './errors.js';
export { FaultInjector, type FaultPlan, failureName } from './faults/inject.js';
export {
  type FailureMode,
  type FaultOptions,
  type LatencySpec,
  mergeFaultOptions,
  parseFaultSpec,
} from './faults/parse-fault-header.js';
export { type ClosedQaFields, parseClosedQaPrompt } from './judge/closedqa-prompt.js';
export { gradeByOverlap, OVERLAP_JUDGE_CUT, type OverlapVerdict } from './judge/overlap-judge.js';
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
export { JUDGE_MODEL_ID, SUBJECT_MODEL_ID } from './server/served-models.js';
export { bodySentences } from './subjects/body-sentences.js';
export { candidateProbabilities } from './subjects/candidate-sampling.js';
export {
  SUBJECT_CANDIDATES,
  SUBJECT_WORDS,
  type SubjectCandidate,
  subjectCandidates,
} from './subjects/subject-candidates.js';
export {
  type FitSubjectModelOptions,
  fitSubjectModel,
  type SubjectModel,
} from './subjects/subject-model.js';
export {
  type CountableMessage,
  countChatPromptTokens,
  countTokens,
  TOKENIZER_NAME,
  type TokenPieces,
  tokenPieces,
} from './tokens/count-tokens.js';
