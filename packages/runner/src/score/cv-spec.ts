/**
 * A parsed `--cv` specification (what `parseCvSpec` returns). A type-only module, so that
 * the pool's task types can name it without importing the parser.
 *
 * @example
 * ```ts
 * const spec: CvSpec = { kind: 'stratified', k: 5 };
 * ```
 */
export type CvSpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'kfold'; readonly k: number }
  | { readonly kind: 'stratified'; readonly k: number }
  | { readonly kind: 'group'; readonly k: number }
  | { readonly kind: 'stratified-group'; readonly k: number }
  | { readonly kind: 'repeated-stratified'; readonly k: number; readonly repeats: number }
  | { readonly kind: 'holdout'; readonly testSize: number }
  | { readonly kind: 'timeseries'; readonly k: number };
