/**
 * A parsed `--cv` specification (what `parseCvSpec` returns). A type-only module, so that
 * the pool's task types can name it without importing the parser. `shuffle: false` (default
 * true) keeps row order in `kfold`, `stratified`, `stratified-group` and `holdout`, as
 * scikit-learn's `shuffle=False`: the only folds that equal scikit-learn's row for row.
 *
 * @example
 * ```ts
 * const spec: CvSpec = { kind: 'stratified', k: 5 };
 * ```
 */
export type CvSpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'kfold'; readonly k: number; readonly shuffle?: boolean }
  | { readonly kind: 'stratified'; readonly k: number; readonly shuffle?: boolean }
  | { readonly kind: 'group'; readonly k: number }
  | { readonly kind: 'stratified-group'; readonly k: number; readonly shuffle?: boolean }
  | { readonly kind: 'repeated-stratified'; readonly k: number; readonly repeats: number }
  | { readonly kind: 'holdout'; readonly testSize: number; readonly shuffle?: boolean }
  | { readonly kind: 'timeseries'; readonly k: number };
