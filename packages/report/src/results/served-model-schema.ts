import { z } from 'zod';

/**
 * One model id the service said answered instead of the one asked for (see
 * `RunResults.servedModelMismatches`).
 *
 * @example
 * ServedModelMismatchSchema.parse({ role: 'model', path: 'models[0].model', name: 'nb', asked: 'nb-typo', served: 'assay-spam-nb', count: 3, of: 3 }).served; // 'assay-spam-nb'
 */
export const ServedModelMismatchSchema = z.object({
  /** `'model'`: a `models[]` entry's answers; `'judge'`: an inline judge client's grades */
  role: z.enum(['model', 'judge']),
  /** the configuration path of the id asked for: `models[0].model`, `judge.client.model` */
  path: z.string(),
  /** the model's (or the judge client's) name in the configuration */
  name: z.string(),
  /** the id asked for */
  asked: z.string(),
  /** the id the service says answered */
  served: z.string(),
  /** answers (grades) that this id gave */
  count: z.number().int(),
  /** answers (grades) whose response named a model at all */
  of: z.number().int(),
});

/** One answering model other than the one asked for, of `RunResults.servedModelMismatches`. */
export type ServedModelMismatch = z.infer<typeof ServedModelMismatchSchema>;
