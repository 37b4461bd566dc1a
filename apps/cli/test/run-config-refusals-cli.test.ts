import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { assay, BIN } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-refusals-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the built CLI in `cwd` with variables added to the environment. */
function assayIn(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NO_SCORES_MODEL = [
  {
    name: 'nb',
    provider: 'openai-chat',
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'assay-spam-nb',
    params: { maxTokens: 4 },
  },
];

describe('assay run refuses before sending', () => {
  it('a roc_auc threshold without params.logprobs, in the dry run and the run alike (exit 2, nothing sent)', () => {
    const models = NO_SCORES_MODEL.map((m) => ({ ...m, baseUrl: server.baseUrl }));
    const path = writeRunConfig(dir, 'no-scores', server.baseUrl, {
      models,
      thresholds: ['accuracy >= 0.5', 'roc_auc >= 0.8'],
    });
    const before = server.stats().requests;
    for (const args of [
      ['run', path, '--dry-run'],
      ['run', path],
    ]) {
      const r = assayIn(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`The run configuration ${path} is invalid (1 problem):`);
      expect(r.stderr).toMatch(
        /thresholds\[1\]: 'roc_auc >= 0\.8': roc_auc needs each answer's score/,
      );
      expect(r.stderr).toContain('set models[0].params.logprobs: true');
    }
    expect(server.stats().requests).toBe(before);
    expect(existsSync(join(dir, 'no-scores'))).toBe(false);
  });

  it('an invalid configuration, naming the file as it was typed in the headline', () => {
    writeFileSync(join(dir, 'eval.yaml'), 'name: x\nmodels: 3\n');
    const r = assayIn(['run', 'eval.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'assay: The run configuration eval.yaml is invalid (4 problems):',
    );
  });

  it('an API key variable set to nothing, saying it is set but empty rather than not set', () => {
    const path = writeRunConfig(dir, 'empty-key', server.baseUrl);
    const config = YAML.parse(readFileSync(path, 'utf8'));
    config.models[0].apiKeyEnv = 'ASSAY_TEST_EMPTY_KEY';
    writeFileSync(path, YAML.stringify(config));
    const empty = assayIn(['run', path], dir, { ASSAY_TEST_EMPTY_KEY: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(
      'the environment variable ASSAY_TEST_EMPTY_KEY (models[0].apiKeyEnv) is set but empty;',
    );
    const dry = assayIn(['run', path, '--dry-run'], dir, { ASSAY_TEST_EMPTY_KEY: '' });
    expect(dry.stdout).toContain('(models[0].apiKeyEnv) is set but empty; a run that sends');
    const unset = { ...process.env };
    delete unset.ASSAY_TEST_EMPTY_KEY;
    const r = spawnSync(process.execPath, [BIN, 'run', path], { env: unset, encoding: 'utf8' });
    expect(r.stderr).toContain('(models[0].apiKeyEnv) is not set;');
  });

  it('a rerun over a journal with requests left and the key unset, naming the model and its apiKeyEnv before any progress', async () => {
    const path = writeRunConfig(dir, 'resume-key', server.baseUrl);
    // a first run without a key leaves a journal of every answer; a larger limit then has
    // requests left to send, which need the key (asynchronous: the server is in this process)
    expect((await assay(['run', path, '-q'])).code).not.toBe(2);
    const config = YAML.parse(readFileSync(path, 'utf8'));
    config.models[0].apiKeyEnv = 'ASSAY_TEST_RESUME_KEY';
    config.dataset.limit = (config.dataset.limit ?? 40) + 10;
    writeFileSync(path, YAML.stringify(config));
    expect(process.env.ASSAY_TEST_RESUME_KEY).toBeUndefined();
    const r = await assay(['run', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'nb: the environment variable ASSAY_TEST_RESUME_KEY (models[0].apiKeyEnv) is not set; export it with the API key, or remove apiKeyEnv for a server without authentication. Nothing was sent this run, and the journal keeps every request already answered.',
    );
    expect(r.stderr).not.toContain('named by config.apiKeyEnv');
    expect(r.stderr).not.toContain('█');
  });

  it("a starter whose dataset.path is still assay init's placeholder, naming dataset.path", () => {
    const home = mkdtempSync(join(dir, 'init-'));
    expect(assayIn(['init'], home).code).toBe(0);
    const r = assayIn(['run', 'assay.yaml'], home, { OPENAI_API_KEY: 'sk-test' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `assay: assay.yaml: dataset.path is still the placeholder 'data.jsonl' that assay init wrote, and ${join(home, 'data.jsonl')} does not exist; set dataset.path to your data file (a relative path resolves against the config file's directory), or replace path and columns with 'builtin: spam-assassin' to try assay first. Nothing was sent.\n`,
    );
  });

  it('a dataset file that does not exist, naming dataset.path and how a relative one resolves', () => {
    const path = writeRunConfig(dir, 'no-data', server.baseUrl, {
      dataset: { path: 'missing.jsonl' },
    });
    const r = assayIn(['run', path], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `assay: dataset.path: the dataset file '${join(dir, 'missing.jsonl')}' does not exist (a relative dataset.path is read from the config file's directory)`,
    );
  });
});

describe('the starter of assay init', () => {
  it('says that output.dir and assay-out are relative to the directory assay runs from, not the file', () => {
    const home = mkdtempSync(join(dir, 'starter-'));
    assayIn(['init'], home);
    const text = readFileSync(join(home, 'assay.yaml'), 'utf8');
    expect(text).toContain(
      "# assay-out, like a relative output.dir, is relative to the directory you run assay from, not\n# to this file (dataset.path, below, resolves against this file's directory).",
    );
  });
});
