/** One row of an evaluation dataset after column mapping. */
export interface DatasetItem {
  /**
   * unique id (the mapped id column, or the 0-based record number: data row 1 has id `'0'`,
   * kept so because prompts, choice orders and `assay compare` pairing depend on it)
   */
  id: string;
  /** position in the source file (time order for `timeseries` splits) */
  index: number;
  /**
   * the data row of the file the item was read from, counted from 1 as messages count rows
   * (the first record after a CSV header is data row 1); absent for built-in data sets
   */
  row?: number | undefined;
  /** every column as text, usable as `{{name}}` in prompt templates; `text` is the mapped text */
  fields: Record<string, string>;
  /** gold label (classification) or target (regression, as text); absent for generation */
  label: string | undefined;
  /** group column value (slices in the report, `group` splits) */
  group: string | undefined;
  /** reference output (generation) */
  reference: string | undefined;
  /** several reference outputs (a JSON array in the reference column), when given */
  references?: string[] | undefined;
  /** the choices, in the data set's order (multiple-choice tasks) */
  choices?: string[] | undefined;
  /**
   * the start of the input that best shows what the item is, for the report's wrong-answer
   * sample (e.g. an e-mail's Subject line and body); absent: the start of `fields.text`
   */
  excerpt?: string | undefined;
}

/** Column mapping of a file dataset (`dataset.columns` in the config). */
export interface ColumnMapping {
  /** id column (default `id` when present, else the row number) */
  id?: string | undefined;
  /** text column(s); several are joined with blank lines into `{{text}}` (default `text`) */
  text?: string | string[] | undefined;
  /** label / target column (default `label`) */
  label?: string | undefined;
  /** group column for slices and group splits */
  group?: string | undefined;
  /** reference column (generation tasks) */
  reference?: string | undefined;
  /**
   * choices of a multiple-choice task: one column holding an array of strings (in CSV, a
   * JSON array), or one column per choice
   */
  choices?: string | string[] | undefined;
}
