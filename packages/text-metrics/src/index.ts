/**
 * Text metrics for generated answers (see README.md).
 *
 * @packageDocumentation
 */

export { TextMetricsError, type TextMetricsErrorCode } from './errors.js';
export { porterStem } from './stemmers/porter-stemmer.js';
