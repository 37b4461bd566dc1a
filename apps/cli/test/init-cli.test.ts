import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@assay/clients';
import { loadRunConfig, loadRunDataset, runConfigSchemaFile } from '@assay/eval';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { assay, BIN } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real data file with the columns and labels the starter expects. */
const data = join(dir, 'reviews.jsonl');
writeFileSync(
  data,
  [
    { text: 'A delight from start to finish.', label: 'positive' },
    { text: 'Broke after two days.', label: 'negative' },
    { text: 'Would buy again.', label: 'positive' },
    { text: 'Not worth the money.', label: 'negative' },
  ]
    .map((row) => JSON.stringify(row))
    .join('\n'),
);

const KEYS = {
  'openai-chat': 'OPENAI_API_KEY',
  'openai-completions': 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'http-json': 'MODEL_API_KEY',
} as const;

/** The comment lines of a YAML text, trimmed. */
const comments = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#'));

describe('assay init', () => {
  it.each(Object.entries(KEYS))(
    'writes the %s starter that validates and loads its data once dataset.path is filled in',
    async (provider, keyEnv) => {
      const file = join(dir, provider, 'assay.yaml');
      const { code, stdout, stderr } = await assay(['init', '--provider', provider, '-o', file]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain(`Wrote ${file}`);
      expect(stdout).toContain(`export ${keyEnv}=`);
      expect(stdout).toContain(`assay run ${file}`);

      const written = readFileSync(file, 'utf8');
      expect(comments(written).length).toBeGreaterThan(15);
      const doc = YAML.parseDocument(written);
      expect(doc.errors).toEqual([]);
      const schemaRef = doc.get('$schema') as string;
      // a path relative to the file, or the schema's file:// URL where only the root is shared
      const schemaPath = schemaRef.startsWith('file://')
        ? fileURLToPath(schemaRef)
        : resolve(dirname(file), schemaRef);
      expect(schemaPath).toBe(runConfigSchemaFile());
      expect(written).toContain(`# yaml-language-server: $schema=${schemaRef}`);

      // fill in the data set as a user would, through a comment-preserving edit
      doc.setIn(['dataset', 'path'], data);
      const edited = doc.toString();
      expect(comments(edited)).toEqual(comments(written));
      writeFileSync(file, edited);

      const config = await loadRunConfig(file);
      const model = config.models[0]!;
      expect(model.provider).toBe(provider);
      expect(model.apiKeyEnv).toBe(keyEnv);
      expect(written).not.toMatch(/sk-|api[_-]?key:\s*\S/i);
      const items = await loadRunDataset(config);
      expect(items.map((i) => i.label)).toEqual(['positive', 'negative', 'positive', 'negative']);
      // the model section is complete enough for a client (http-json: template and paths)
      const { name: _n, prompt: _p, endpoint: _e, ...clientConfig } = model;
      const client = createClient(clientConfig, { env: { [keyEnv]: 'test-key' } });
      await client.close();
    },
  );

  it('runs on data with other labels once only the lines marked TODO are changed', async () => {
    const spam = join(dir, 'mail.jsonl');
    writeFileSync(
      spam,
      [
        { text: 'Win a free cruise now', label: 'spam' },
        { text: 'Minutes of Monday meeting', label: 'ham' },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const file = join(dir, 'todo', 'assay.yaml');
    const init = await assay(['init', '-o', file]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('task.positiveLabel');
    const written = readFileSync(file, 'utf8');
    // what a user following "the lines marked TODO" would set, key by key
    const values: Record<string, [string[], unknown]> = {
      path: [['dataset', 'path'], spam],
      labels: [
        ['task', 'labels'],
        ['spam', 'ham'],
      ],
      positiveLabel: [['task', 'positiveLabel'], 'spam'],
      template: [['prompt', 'template'], 'Is this e-mail spam or ham?\n\n{{text}}'],
    };
    const todoKeys = written
      .split('\n')
      .filter((line) => line.includes('# TODO'))
      .map((line) => /^\s*([A-Za-z]+):/.exec(line)?.[1]);
    expect(todoKeys.sort()).toEqual(Object.keys(values).sort());
    const doc = YAML.parseDocument(written);
    for (const key of todoKeys) {
      const [path, value] = values[key!]!;
      doc.setIn(path, value);
    }
    writeFileSync(file, doc.toString());

    const { code, stdout, stderr } = await assay(['run', file, '--dry-run']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Is this e-mail spam or ham?');
    expect(stdout).not.toContain('positive');
  });

  it.each(Object.entries(KEYS))(
    'writes the %s generation starter that validates, loads references and renders its prompt',
    async (provider, keyEnv) => {
      const notes = join(dir, 'notes.jsonl');
      writeFileSync(
        notes,
        [
          { text: 'The meeting moved to Tuesday at noon in room 4.', reference: 'Meeting moved' },
          { text: 'Your invoice of 42 EUR is attached.', reference: ['Invoice', 'Your invoice'] },
        ]
          .map((row) => JSON.stringify(row))
          .join('\n'),
      );
      const file = join(dir, `generation-${provider}`, 'assay.yaml');
      const init = await assay(['init', '--task', 'generation', '-p', provider, '-o', file]);
      expect(init.code).toBe(0);
      expect(init.stdout).toContain('a starter generation configuration');
      expect(init.stdout).toContain('its text and reference columns');
      const written = readFileSync(file, 'utf8');
      expect(written).toContain(
        `written by \`assay init --provider ${provider} --task generation\``,
      );
      expect(written).not.toContain('logprobs');
      const doc = YAML.parseDocument(written);
      doc.setIn(['dataset', 'path'], notes);
      writeFileSync(file, doc.toString());

      const config = await loadRunConfig(file);
      expect(config.task.type).toBe('generation');
      expect(config.models[0]!.apiKeyEnv).toBe(keyEnv);
      expect(config.models[0]!.params?.maxTokens).toBe(256);
      const items = await loadRunDataset(config);
      expect(items.map((i) => i.references ?? [i.reference])).toEqual([
        ['Meeting moved'],
        ['Invoice', 'Your invoice'],
      ]);
      const dry = await assay(['run', file, '--dry-run']);
      expect(dry.stderr).toBe('');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('Summarize the following text in one sentence.');
      expect(dry.stdout).toContain('Your invoice of 42 EUR is attached.');
    },
  );

  it('suggests the task meant by an unknown one and writes nothing', async () => {
    const file = join(dir, 'typo-task.yaml');
    const { code, stderr } = await assay(['init', '--task', 'generaton', '-o', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "assay init: unknown task 'generaton'; did you mean 'generation'? Expected one of 'classification', 'generation'.\n",
    );
    expect(existsSync(file)).toBe(false);
  });

  it('writes assay.yaml in the working directory by default, with an OpenAI chat model', () => {
    const cwd = join(dir, 'default');
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    const run = spawnSync(process.execPath, [BIN, 'init'], { cwd, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const text = readFileSync(join(cwd, 'assay.yaml'), 'utf8');
    expect(YAML.parse(text).models[0].provider).toBe('openai-chat');
    expect(run.stdout).toContain('assay run assay.yaml');
  });

  it('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
    const file = join(dir, 'existing.yaml');
    writeFileSync(file, 'name: mine\n');
    const refused = await assay(['init', '-o', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `assay init: ${file} already exists; nothing was written. Pass --force to overwrite it, or --output to write another file.\n`,
    );
    expect(refused.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('name: mine\n');

    const forced = await assay(['init', '-o', file, '--force', '--provider', 'anthropic']);
    expect(forced.code).toBe(0);
    expect(YAML.parse(readFileSync(file, 'utf8')).models[0].provider).toBe('anthropic');
  });

  it('refuses a directory as the output file', async () => {
    const { code, stderr } = await assay(['init', '-o', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a directory; name a file, e\.g\. --output .*assay\.yaml/);
  });

  it('suggests the provider meant by an unknown one and writes nothing', async () => {
    const file = join(dir, 'typo.yaml');
    const { code, stderr } = await assay(['init', '--provider', 'openai', '-o', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "assay init: unknown provider 'openai'; did you mean 'openai-chat'? Expected one of 'openai-chat', 'openai-completions', 'anthropic', 'http-json'.\n",
    );
    expect(existsSync(file)).toBe(false);
    const far = await assay(['init', '--provider', 'bedrock', '-o', file]);
    expect(far.stderr).toMatch(/unknown provider 'bedrock'; expected one of 'openai-chat'/);
  });

  it('explains its options, the providers, the default file and the exit codes in --help', async () => {
    const { code, stdout } = await assay(['init', '--help']);
    expect(code).toBe(0);
    for (const text of [
      '--provider <provider>',
      'openai-chat',
      'anthropic',
      'http-json',
      '--output <file>',
      '--task <task>',
      'generation',
      'assay.yaml',
      '--force',
      'environment',
      'Exit codes',
    ]) {
      expect(stdout).toContain(text);
    }
    const top = await assay(['--help']);
    expect(top.stdout).toMatch(/init\s+.*starter configuration/);
  });
});
