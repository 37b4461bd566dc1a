import { SPAM_ASSASSIN_GROUPS } from '@assay/spam-assassin';
import { z } from 'zod';

const column = (what: string) => z.string().min(1).optional().describe(what);

const ColumnsSchema = z
  .strictObject({
    id: column(
      "The column with each item's id (default: an 'id' column if there is one, else the row number).",
    ),
    text: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe(
        "The column filling the prompt's {{text}} slot, or several columns joined by blank lines (default 'text'); in JSONL, JSON and CSV files every column is also a {{slot}} of its own name.",
      ),
    label: column(
      "The column with the gold answer of a classification or regression task (default 'label'); never shown to the model.",
    ),
    group: column(
      "The column of groups (e.g. a source or user) kept within one fold by evaluation.method 'group'.",
    ),
    reference: column(
      'The column with the reference answer of a generation task (which needs one); never shown to the model.',
    ),
    choices: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(2)])
      .optional()
      .describe(
        "The choices of a multiple-choice task (default 'choices'): one column holding an array of strings (in CSV, Arrow and Parquet a JSON array written as text), or several columns, one per choice in letter order (empty cells at the end are left out).",
      ),
  })
  .default({})
  .describe('Which column of the file plays which role.');

/**
 * The `dataset` section of a run configuration: the built-in SpamAssassin corpus, or a file
 * of labelled items with its column mapping.
 *
 * @example
 * DatasetSchema.parse({ path: 'mail.jsonl', columns: { text: 'body', label: 'y' } }).columns.text; // 'body'
 */
export const DatasetSchema = z
  .strictObject({
    builtin: z
      .enum(['spam-assassin', 'spam-assassin-subjects'])
      .optional()
      .describe(
        "A data set shipped with assay instead of a file: 'spam-assassin' (labelled e-mail, for classification) or 'spam-assassin-subjects' (e-mail bodies with their real Subject: as the reference, for generation).",
      ),
    path: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The data file (JSONL, JSON array, CSV, Arrow IPC or Parquet); a relative path resolves against the config file.',
      ),
    format: z
      .enum(['jsonl', 'csv', 'json', 'arrow', 'parquet'])
      .optional()
      .describe("The file's format (default: from its extension)."),
    columns: ColumnsSchema,
    groups: z
      .array(z.enum(SPAM_ASSASSIN_GROUPS))
      .min(1)
      .optional()
      .describe(
        'Corpus groups of the built-in data set (default: the held-out mail the reference server never trained on).',
      ),
    limit: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Evaluate a seeded, stratified sample of this many items instead of all.'),
    seed: z.number().int().default(0).describe('Seed of the limit sample.'),
    ids: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Evaluate only the items with these ids (after any limit), in the data set order; an id the data set lacks is an error. `assay tune` writes its rungs this way.',
      ),
  })
  .superRefine((d, ctx) => {
    if ((d.builtin === undefined) === (d.path === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          "expected exactly one of 'builtin' (e.g. 'spam-assassin') or 'path' (a JSONL/CSV file)",
      });
    }
    if (d.groups !== undefined && d.builtin === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message:
          "'groups' selects corpus groups of a built-in dataset; for a file, map a 'columns.group' instead",
      });
    }
  })
  .describe("The items to evaluate on: 'builtin' or a file at 'path', exactly one.");
