/**
 * Text metrics for generated answers (see README.md).
 *
 * @packageDocumentation
 */

export { TextMetricsError, type TextMetricsErrorCode } from './errors.js';
export {
  type DefaultRougeType,
  type RougeOptions,
  type RougeScore,
  type RougeType,
  rouge,
} from './rouge/rouge.js';
export { porterStem } from './stemmers/porter-stemmer.js';
