/**
 * What a model comparison without paired items says instead of a difference: the reports
 * printed a bare `broken vs good:` line and a table without rows.
 *
 * @example
 * NO_PAIRED_ITEMS; // 'no paired items: the two models have no scored answer on the same item, so nothing is compared'
 */
export const NO_PAIRED_ITEMS =
  'no paired items: the two models have no scored answer on the same item, so nothing is compared';
