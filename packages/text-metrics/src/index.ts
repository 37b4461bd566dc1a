/**
 * Text metrics for generated answers (see README.md).
 *
 * @packageDocumentation
 */

export { type NumericMatchOptions, numericMatch, parseNumber } from './assertions/numeric-match.js';
export { type IncludesOptions, includes, matchesPattern } from './assertions/text-assertions.js';
export {
  bleuStatistics,
  corpusBleu,
  corpusBleuFromStatistics,
  mergeBleuStatistics,
  sentenceBleu,
} from './bleu/bleu.js';
export type { BleuOptions, BleuSmoothMethod } from './bleu/bleu-options.js';
export type { BleuScore } from './bleu/bleu-score.js';
export { BLEU_TOKENIZERS, type BleuTokenizer } from './bleu/bleu-tokenizers.js';
export {
  type ChrfScore,
  chrfStatistics,
  corpusChrf,
  corpusChrfFromStatistics,
  mergeChrfStatistics,
  sentenceChrf,
} from './chrf/chrf.js';
export type { ChrfOptions } from './chrf/chrf-options.js';
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
export { SACREBLEU_VERSION } from './sacrebleu/version.js';
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
export {
  corpusTer,
  corpusTerFromStatistics,
  mergeTerStatistics,
  sentenceTer,
  type TerScore,
  terStatistics,
} from './ter/ter.js';
export { type TerOptions, tokenizeTercom } from './ter/ter-options.js';
export { tokenize13a } from './tokenizers/tokenizer-13a.js';
export { tokenizeChar } from './tokenizers/tokenizer-char.js';
export { tokenizeIntl } from './tokenizers/tokenizer-intl.js';
export type { TercomTokenizerOptions } from './tokenizers/tokenizer-tercom.js';
export { tokenizeZh } from './tokenizers/tokenizer-zh.js';
