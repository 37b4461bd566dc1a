import { statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ProviderKind } from '@assay/clients';
import type { Command } from 'commander';
import { INIT_EXIT } from '../errors/exit-codes.js';
import { schemaRef } from '../init/schema-ref.js';
import {
  API_KEY_ENV,
  DEFAULT_INIT_PROVIDER,
  INIT_PROVIDERS,
  INIT_TASKS,
  type InitTask,
  starterConfig,
} from '../init/starter-config.js';
import { makeFolder } from '../options/make-folder.js';

/** The file `assay init` writes without `--output`. */
export const DEFAULT_INIT_FILE = 'assay.yaml';

interface InitOptions {
  provider: string;
  task: string;
  output: string;
  force?: boolean;
}

function nextSteps(provider: ProviderKind, task: InitTask, output: string): string {
  const keys =
    task === 'generation'
      ? 'dataset.path, its text and reference columns and the prompt'
      : 'dataset.path, task.labels, task.positiveLabel and the prompt';
  const data =
    provider === 'http-json'
      ? `Set baseUrl, requestPath, template and paths to your service's API, and ${keys} to your data (the lines marked TODO).`
      : `Set ${keys} to your data (the lines marked TODO).`;
  return [
    `Wrote ${output}: a starter ${task} configuration with one model (provider ${provider}).`,
    'Next:',
    `  1. ${data}`,
    `  2. export ${API_KEY_ENV[provider]}=...   (assay reads the key from the environment, never from a file)`,
    `  3. assay run ${output}`,
    // `assay` is not on PATH after a checkout: say the command that runs it as typed here
    `     (assay is \`pnpm assay\` from the repository root, or \`node ${process.argv[1] ?? 'apps/cli/dist/bin.js'}\` from anywhere)`,
    'Editors with YAML support show help on every key from the JSON Schema the file names ($schema).',
    '',
  ].join('\n');
}

/**
 * Writes the starter configuration; says why not when it cannot.
 *
 * @param opts - the command's options
 * @returns the exit code
 */
async function init(opts: InitOptions): Promise<number> {
  const { didYouMean, runConfigSchemaFile } = await import('@assay/eval');
  const refuse = (message: string): number => {
    process.stderr.write(`assay init: ${message}\n`);
    return INIT_EXIT.refused;
  };
  const provider = INIT_PROVIDERS.find((p) => p === opts.provider);
  if (provider === undefined) {
    const list = INIT_PROVIDERS.map((p) => `'${p}'`).join(', ');
    return refuse(
      `unknown provider '${opts.provider}'; ${didYouMean(opts.provider, INIT_PROVIDERS, `expected one of ${list}`)}.`,
    );
  }
  const task = INIT_TASKS.find((t) => t === opts.task);
  if (task === undefined) {
    const list = INIT_TASKS.map((t) => `'${t}'`).join(', ');
    return refuse(
      `unknown task '${opts.task}'; ${didYouMean(opts.task, INIT_TASKS, `expected one of ${list}`)}.`,
    );
  }
  const file = resolve(opts.output);
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing?.isDirectory()) {
    return refuse(
      `${opts.output} is a directory; name a file, e.g. --output ${opts.output}/${DEFAULT_INIT_FILE}.`,
    );
  }
  if (existing !== undefined && !opts.force) {
    return refuse(
      `${opts.output} already exists; nothing was written. Pass --force to overwrite it, or --output to write another file.`,
    );
  }
  try {
    makeFolder(dirname(file));
    // 'wx' as well as the check above: a file created meanwhile is still never overwritten
    writeFileSync(
      file,
      starterConfig(provider, schemaRef(file, runConfigSchemaFile()), basename(file), task),
      {
        flag: opts.force ? 'w' : 'wx',
      },
    );
  } catch (error) {
    return refuse(`cannot write ${opts.output}: ${(error as Error).message}.`);
  }
  process.stdout.write(nextSteps(provider, task, opts.output));
  return INIT_EXIT.ok;
}

/**
 * Registers `assay init [--provider P] [--task T] [--output FILE] [--force]`: write a commented
 * starter `assay run` configuration (a data set stub, a classification or generation task, a
 * prompt and one model of the chosen provider reading its key from an environment variable,
 * with `$schema` naming the JSON Schema for editors), never over an existing file without
 * `--force`.
 *
 * @param program - the root program
 */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('Write a commented starter configuration for assay run (default assay.yaml).')
    .option(
      '-p, --provider <provider>',
      `the model's API: ${INIT_PROVIDERS.join(', ')}`,
      DEFAULT_INIT_PROVIDER,
    )
    .option(
      '-t, --task <task>',
      `what the model does: ${INIT_TASKS.join(' (pick a label), ')} (write text scored against references)`,
      'classification',
    )
    .option('-o, --output <file>', 'the file to write', DEFAULT_INIT_FILE)
    .option('-f, --force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      [
        '',
        'The file explains each section in comments; its $schema names the JSON Schema, so editors',
        'with YAML support show help on every key. The model reads its API key from an environment',
        `variable (${[...new Set(Object.values(API_KEY_ENV))].join(', ')}), never from the file.`,
        '',
        'Examples:',
        '  assay init                                  # assay.yaml, an OpenAI chat model',
        '  assay init --provider anthropic -o evals/claude.yaml',
        '  assay init --provider http-json --force     # overwrite assay.yaml',
        '  assay init --task generation -o summaries.yaml   # BLEU, chrF, ROUGE-L, token F1 against references',
        '',
        'Exit codes:',
        '  0    written',
        '  2    nothing written: the file exists (use --force), unknown provider or task, or not writable',
      ].join('\n'),
    )
    .action(async (opts: InitOptions) => {
      process.exitCode = await init(opts);
    });
}
