import type { RunConfig } from '../config/run-config-schema.js';

/**
 * Warnings for models asked several samples per item at temperature 0: each sample is its own
 * paid request, and a deterministic server answers all of them alike. Not refused: a server
 * may sample at temperature 0 on purpose (or ignore it), and a run may measure exactly that.
 *
 * @remarks Only an explicit `params.temperature: 0` is flagged: an unset temperature is the
 *   server's default (1 for OpenAI's and Anthropic's APIs), and assay sets none of its own.
 * @param config - the validated configuration
 * @returns one sentence per such model (none for `task.samples` 1 or a task without samples)
 * @example
 * identicalSamplesWarnings(config); // [] (a classification run asks each item once)
 */
export function identicalSamplesWarnings(config: RunConfig): string[] {
  if (config.task.type !== 'generation' || config.task.samples <= 1) return [];
  const n = config.task.samples;
  return config.models.flatMap((model, i) =>
    model.params?.temperature === 0
      ? [
          `task.samples is ${n}, but models[${i}] '${model.name}' sets params.temperature to 0, so its ${n} samples of an item will most likely be the same answer, each sent and paid for as its own request; set models[${i}].params.temperature above 0 (e.g. 0.7) to draw different answers, or task.samples to 1.`,
        ]
      : [],
  );
}
