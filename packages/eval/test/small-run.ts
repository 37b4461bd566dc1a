import { expect } from 'vitest';
import { EvaluationError, parseRunConfig, type RunConfig } from '../src/index.js';

/** Items in a {@link smallRunConfig} run. */
export const SMALL_RUN_ITEMS = 40;

/** What a {@link smallRunConfig} may vary. */
export interface SmallRunOptions {
  /** generation temperature (default 0) */
  temperature?: number;
  /** the model's endpoint name, recorded instead of the base URL */
  endpoint?: string;
  /** requests in flight (default 4) */
  concurrency?: number;
}

/**
 * A run of one model `nb` on 40 held-out SpamAssassin e-mails, stratified 4-fold, 20
 * resamples: small enough to run several times in a test.
 *
 * @param out - the output directory
 * @param baseUrl - the model server's base URL
 * @param options - temperature, endpoint name, concurrency
 * @returns the validated configuration
 * @example
 * await runEvaluation(smallRunConfig(join(dir, 'a'), server.baseUrl));
 */
export function smallRunConfig(
  out: string,
  baseUrl: string,
  options: SmallRunOptions = {},
): RunConfig {
  return parseRunConfig(
    spamRunDocument({
      name: 'small',
      out,
      // replaced by the parse option below, as a CLI --base-url replaces the file's
      baseUrl: 'http://127.0.0.1:1/v1',
      model: {
        params: { maxTokens: 4, temperature: options.temperature ?? 0 },
        concurrency: { max: options.concurrency ?? 4 },
      },
      evaluation: { method: 'stratified', k: 4, bootstrap: 20 },
    }),
    { baseUrl, ...(options.endpoint ? { endpoint: options.endpoint } : {}) },
  );
}

/** What a {@link spamRunDocument} may vary. */
export interface SpamRunParts {
  /** the run's name */
  readonly name: string;
  /** the output directory */
  readonly out: string;
  /** the model server's base URL */
  readonly baseUrl: string;
  /** held-out SpamAssassin e-mails (default {@link SMALL_RUN_ITEMS}) */
  readonly limit?: number;
  /** fields added to (or replacing those of) model `nb` */
  readonly model?: Record<string, unknown>;
  /** the `evaluation` section (default: none) */
  readonly evaluation?: Record<string, unknown>;
}

/**
 * The raw configuration of a run of one model `nb` (the reference spam model, 4 tokens,
 * temperature 0) on held-out SpamAssassin e-mails, before `parseRunConfig`: the shape most
 * run tests start from, with what they vary given in `parts`.
 *
 * @param parts - name, output directory, base URL and what the test varies
 * @returns the configuration document
 * @example
 * await runEvaluation(parseRunConfig(spamRunDocument({ name: 'a', out: dir, baseUrl: server.baseUrl })));
 */
export function spamRunDocument(parts: SpamRunParts): Record<string, unknown> {
  return {
    name: parts.name,
    dataset: { builtin: 'spam-assassin', limit: parts.limit ?? SMALL_RUN_ITEMS, seed: 1 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl: parts.baseUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, temperature: 0 },
        ...parts.model,
      },
    ],
    ...(parts.evaluation === undefined ? {} : { evaluation: parts.evaluation }),
    output: { dir: parts.out },
  };
}

/**
 * The `EvaluationError` a run was refused with (the test fails if it resolved or threw another).
 *
 * @param run - the run's promise
 * @returns the error
 * @example
 * expect((await refusalOf(runEvaluation(config))).code).toBe('OUTPUT_LOCKED');
 */
export async function refusalOf(run: Promise<unknown>): Promise<EvaluationError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvaluationError);
  return error as EvaluationError;
}
