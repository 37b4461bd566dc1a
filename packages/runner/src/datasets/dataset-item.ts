/** One row of an evaluation dataset after column mapping. */
export interface DatasetItem {
  /** unique id (the mapped id column, or the 0-based row number) */
  id: string;
  /** position in the source file (time order for `timeseries` splits) */
  index: number;
  /** every column as text, usable as `{{name}}` in prompt templates; `text` is the mapped text */
  fields: Record<string, string>;
  /** gold label (classification) or target (regression, as text); absent for generation */
  label: string | undefined;
  /** group column value (slices in the report, `group` splits) */
  group: string | undefined;
  /** reference output (generation) */
  reference: string | undefined;
}
