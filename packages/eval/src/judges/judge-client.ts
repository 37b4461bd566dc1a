import type { ModelConfig, RunConfig } from '../config/run-config-schema.js';
import type { JournaledEndpoint } from '../run/check-identities.js';
import type { JudgeClientConfig, JudgeConfig } from './judge-schema.js';

/** The client a judge sends its grading requests through, settings pinned. */
export interface ResolvedJudgeClient {
  /** the judge's name (`judge.client`, or the inline client's `name`) */
  readonly name: string;
  /** the name its requests are journaled under: `judge:<name>` */
  readonly journalName: string;
  /** the client configuration, `params.temperature` and `params.seed` replaced by the judge's */
  readonly config: JudgeClientConfig;
  /** the seed sent (null for a provider without one: anthropic) */
  readonly seed: number | null;
}

/**
 * Resolves `judge.client` (a `models[]` name or an inline client) to the client the grading
 * requests go through, with the judge's temperature and seed pinned into its parameters.
 *
 * @remarks The judge's `temperature` and `seed` replace the client's own, so a models[]
 * entry that samples at 0.7 grades at the judge's temperature; its other parameters
 * (maxTokens, stop, extra) are kept. Anthropic's Messages API takes no seed: none is sent
 * and `seed` is recorded as null.
 * @param judge - the validated judge section
 * @param models - the run's models (for a named client)
 * @returns the client, its names and the seed sent
 * @throws Error when a named client is not among the models (the configuration check
 *   rejects that first)
 * @example
 * resolveJudgeClient(generationConfig.judge, generationConfig.models).journalName; // 'judge:overlap'
 */
export function resolveJudgeClient(
  judge: JudgeConfig,
  models: readonly ModelConfig[],
): ResolvedJudgeClient {
  let base: JudgeClientConfig;
  if (typeof judge.client === 'string') {
    const named = models.find((m) => m.name === judge.client);
    if (named === undefined) throw new Error(`judge.client '${judge.client}' names no model`);
    const { prompt: _prompt, ...rest } = named;
    base = rest;
  } else {
    base = judge.client;
  }
  const takesSeed = base.provider !== 'anthropic';
  const { seed: _seed, ...params } = base.params;
  const config: JudgeClientConfig = {
    ...base,
    params: {
      ...params,
      temperature: judge.temperature,
      ...(takesSeed ? { seed: judge.seed } : {}),
    },
  };
  return {
    name: base.name,
    journalName: `judge:${base.name}`,
    config,
    seed: takesSeed ? judge.seed : null,
  };
}

/**
 * The judge's client as the journal records its endpoint identity: under `judge:<name>`,
 * temperature and seed pinned, so a changed judge setting is refused like a changed model.
 *
 * @param config - the validated configuration
 * @returns the judge's endpoint (none without a `judge` section)
 * @example
 * judgeEndpoints(generationConfig).map((e) => e.name); // ['judge:overlap']
 */
export function judgeEndpoints(config: RunConfig): JournaledEndpoint[] {
  if (config.judge === undefined) return [];
  const client = resolveJudgeClient(config.judge, config.models);
  return [
    { ...(client.config as ModelConfig), name: client.journalName, configPath: 'judge.client' },
  ];
}
