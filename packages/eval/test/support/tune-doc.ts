/** What differs between the tune tests' configurations; everything else is shared. */
export interface TuneDocParts {
  /** the run's name */
  readonly name: string;
  /** the reference model server's base URL */
  readonly baseUrl: string;
  /** the output folder */
  readonly out: string;
  /** spam-assassin items to read */
  readonly limit: number;
  /** the `search` section */
  readonly search: Record<string, unknown>;
  /** extra keys of the one model (price, concurrency) */
  readonly model?: Record<string, unknown>;
}

/**
 * A tune configuration against the reference model server: spam-assassin classification,
 * one `nb` model, every item, 50 bootstrap resamples.
 *
 * @param parts - what the test varies
 * @returns the configuration document
 */
export function tuneDoc(parts: TuneDocParts): Record<string, unknown> {
  return {
    name: parts.name,
    dataset: { builtin: 'spam-assassin', limit: parts.limit, seed: 0 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: '{{text}}' },
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
    evaluation: { method: 'all', seed: 0, bootstrap: 50 },
    output: { dir: parts.out },
    search: parts.search,
  };
}
