/**
 * Text metrics for generated answers (see README.md).
 *
 * @packageDocumentation
 */

export { type NumericMatchOptions, numericMatch, parseNumber } from './assertions/numeric-match.js';
export { type IncludesOptions, includes, matchesPattern } from './assertions/text-assertions.js';
export { levenshteinDistance, levenshteinSimilarity } from './edit-distance/levenshtein.js';
export { TextMetricsError, type TextMetricsErrorCode } from './errors.js';
export { type ExactMatchOptions, exactMatch } from './exact-match/harness-exact-match.js';
export {
  finalNumberExactMatch,
  prefixExactMatch,
  quasiExactMatch,
  quasiPrefixExactMatch,
} from './exact-match/helm-exact-match.js';
export {
  type DefaultRougeType,
  type RougeOptions,
  type RougeScore,
  type RougeType,
  rouge,
} from './rouge/rouge.js';
export { type MajorityVote, majorityVote } from './sampling/majority-vote.js';
export { passAtK, passHatK } from './sampling/pass-at-k.js';
export { normalizeAnswer } from './squad/normalize-answer.js';
export {
  type SquadOptions,
  type SquadScores,
  type SquadVersion,
  squadExactMatch,
  squadF1,
  squadScores,
} from './squad/squad-metrics.js';
export { porterStem } from './stemmers/porter-stemmer.js';
export {
  checkJsonSchema,
  type JsonSchemaReport,
  jsonSchemaConformance,
} from './structured/json-schema.js';
export { type JsonTextOptions, jsonValidity } from './structured/json-validity.js';
