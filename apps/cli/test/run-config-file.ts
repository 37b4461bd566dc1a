import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import YAML from 'yaml';
import { assay, besidesNoWidthCaveat } from './cli-process.js';

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

/**
 * Runs `assay run` on a configuration of `items` held-out e-mails ({@link writeRunConfig})
 * against the reference server, asserting exit 0 and nothing on stderr but the caveat on the
 * metrics in `noWidth`, whose intervals have no width.
 *
 * @param dir - the test's temporary directory
 * @param url - the model's base URL
 * @param name - the run's name (its output directory `<dir>/<name>`)
 * @param overrides - top-level sections that replace the defaults
 * @param options - the items (default 300) and the metrics whose intervals have no width
 * @returns the output directory
 * @example
 * const full = await spamRun(dir, server.baseUrl, 'full', {});
 */
export async function spamRun(
  dir: string,
  url: string,
  name: string,
  overrides: Record<string, unknown>,
  options: { items?: number; noWidth?: readonly string[] } = {},
): Promise<string> {
  const config = writeRunConfig(dir, name, url, {
    dataset: { builtin: 'spam-assassin', limit: options.items ?? 300, seed: 1 },
    ...overrides,
  });
  const done = await assay(['run', config, '--quiet']);
  expect(besidesNoWidthCaveat(done.stderr, options.noWidth ?? ['roc_auc'])).toBe('');
  expect(done.code).toBe(0);
  return join(dir, name);
}
