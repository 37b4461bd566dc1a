import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/**
 * Writes a small `assay run` configuration (40 held-out SpamAssassin e-mails, one model
 * `nb`, zero-shot, so every item is scored once (`evaluation.method` `all`, the default), 50
 * resamples) whose output directory is `<dir>/<name>`.
 *
 * @param dir - the test's temporary directory
 * @param name - the run's name: the config file `<dir>/<name>.yaml` and its output directory
 * @param url - the model's base URL
 * @param overrides - top-level sections that replace the defaults
 * @param concurrency - the model's maximum requests in flight
 * @returns the config file's path
 * @example
 * const path = writeRunConfig(dir, 'resume', server.baseUrl);
 */
export function writeRunConfig(
  dir: string,
  name: string,
  url: string,
  overrides: Record<string, unknown> = {},
  concurrency = 4,
): string {
  const config = {
    name,
    dataset: { builtin: 'spam-assassin', limit: 40, seed: 1 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl: url,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, logprobs: true, topLogprobs: 2 },
        concurrency: { max: concurrency },
      },
    ],
    evaluation: { bootstrap: 50 },
    output: { dir: join(dir, name) },
    ...overrides,
  };
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, YAML.stringify(config));
  return path;
}
