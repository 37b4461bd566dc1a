import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRunConfig } from '@assay/eval';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  INIT_PROVIDERS,
  INIT_TASKS,
  starterConfig,
  starterName,
} from '../src/init/starter-config.js';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-init-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The `name:` of a written starter. */
const nameOf = (file: string): string => YAML.parse(readFileSync(file, 'utf8')).name as string;

describe('the run name of an assay init starter', () => {
  it('differs between two starters written with their defaults, as do their output directories', async () => {
    const files = [
      { args: [], file: join(dir, 'first', 'assay.yaml') },
      { args: ['--task', 'generation'], file: join(dir, 'second', 'assay.yaml') },
      { args: ['--provider', 'anthropic'], file: join(dir, 'third', 'assay.yaml') },
    ];
    for (const { args, file } of files) {
      expect((await assay(['init', ...args, '-o', file])).code).toBe(0);
    }
    const names = files.map(({ file }) => nameOf(file));
    expect(names).toEqual([
      'classification-gpt-4o-mini',
      'generation-gpt-4o-mini',
      'classification-claude-haiku',
    ]);
    // run from one working directory, each writes into assay-out/<its name>
    const outs = await Promise.all(
      files.map(async ({ file }) => (await loadRunConfig(file)).output.dir),
    );
    expect(new Set(outs).size).toBe(files.length);
    expect(outs[0]).toBe(join(process.cwd(), 'assay-out', 'classification-gpt-4o-mini'));
  });

  it('differs between two starters of one kind in one folder: each file names its run', async () => {
    const a = join(dir, 'evals', 'reviews.yaml');
    const b = join(dir, 'evals', 'tickets.yaml');
    expect((await assay(['init', '-o', a])).code).toBe(0);
    expect((await assay(['init', '-o', b])).code).toBe(0);
    expect([nameOf(a), nameOf(b)]).toEqual([
      'reviews-classification-gpt-4o-mini',
      'tickets-classification-gpt-4o-mini',
    ]);
  });

  it('is distinct for every provider and task, and never the old shared my-eval', () => {
    const names = INIT_PROVIDERS.flatMap((provider) =>
      INIT_TASKS.map((task) => {
        const text = starterConfig(provider, './schema.json', 'assay.yaml', task);
        return YAML.parse(text).name as string;
      }),
    );
    expect(new Set(names).size).toBe(INIT_PROVIDERS.length * INIT_TASKS.length);
    expect(names).not.toContain('my-eval');
  });

  it('keeps to directory-name characters, and leaves out a task the file already names', () => {
    expect(starterName('http-json', 'my evals #2.yml', 'classification')).toBe(
      'my-evals-2-classification-my-service',
    );
    expect(starterName('anthropic', 'generation.yaml', 'generation')).toBe(
      'generation-claude-haiku',
    );
    expect(starterName('openai-completions', 'Assay.yaml', 'classification')).toBe(
      'classification-instruct',
    );
  });
});
