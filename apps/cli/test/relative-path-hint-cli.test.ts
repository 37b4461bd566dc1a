import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { relativePathHint } from '../src/errors/relative-path-hint.js';
import { BIN, type Exit } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

/** the "repository root" pnpm runs scripts in */
let root: string;
/** the folder the user's shell was in */
let shell: string;

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'assay-cli-relative-')));
  shell = join(root, 'examples');
  mkdirSync(shell);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The environment without what a package script sets, whatever started these tests. */
function plainEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'INIT_CWD' && !k.startsWith('npm_')) env[k] = v;
  }
  return env;
}

/** `pnpm assay …` typed in the shell's folder: pnpm runs it in the root, naming the shell's. */
const PNPM = (): Record<string, string> => ({ npm_lifecycle_event: 'assay', INIT_CWD: shell });

function assayIn(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Exit> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...plainEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

const hintLine = (command: string, found = '') =>
  `${command}: hint: relative paths resolve from ${root} (pnpm runs from the repository root; your shell was in ${shell}${found})`;

describe('a file named on the command line and not found under pnpm', () => {
  test('assay run: the error, then where relative paths resolve and where the shell was', async () => {
    const done = await assayIn(root, ['run', 'my-eval.yaml'], PNPM());
    expect(done.code).toBe(2);
    expect(done.stderr.trimEnd().split('\n')).toEqual([
      `assay: Cannot read the run configuration '${join(root, 'my-eval.yaml')}': ENOENT: no such file or directory, open '${join(root, 'my-eval.yaml')}'.`,
      hintLine('assay'),
    ]);
  });

  test('says so when the file is in the shell folder', async () => {
    writeFileSync(join(shell, 'there.yaml'), 'name: x\n');
    const done = await assayIn(root, ['run', 'there.yaml', '--dry-run'], PNPM());
    expect(done.code).toBe(2);
    expect(done.stderr).toContain(
      `${hintLine('assay', `, where ${join(shell, 'there.yaml')} exists`)}\n`,
    );
  });

  test('assay score, assay compare and assay loadtest name it too', async () => {
    const score = await assayIn(
      root,
      ['score', 'preds.csv', '--y-true', 'y', '--y-pred', 'p'],
      PNPM(),
    );
    expect(score.code).toBe(2);
    expect(score.stderr).toContain(`\n${hintLine('assay score')}\n`);
    const compare = await assayIn(root, ['compare', 'runs/a', 'runs/b'], PNPM());
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain(`\n${hintLine('assay')}\n`);
    const loadtest = await assayIn(
      root,
      [
        'loadtest',
        '--dataset=prompts.csv',
        '--concurrency',
        '1',
        '--base-url',
        'http://127.0.0.1:9/v1',
        '--model',
        'x',
      ],
      PNPM(),
    );
    expect(loadtest.code).toBe(2);
    expect(loadtest.stderr).toContain(`\n${hintLine('assay loadtest')}\n`);
  });

  test('no hint outside pnpm, from the root itself, or for an absolute path', async () => {
    const plain = await assayIn(root, ['run', 'my-eval.yaml']);
    expect(plain.stderr).not.toContain('hint:');
    const fromRoot = await assayIn(root, ['run', 'my-eval.yaml'], {
      npm_lifecycle_event: 'assay',
      INIT_CWD: root,
    });
    expect(fromRoot.code).toBe(2);
    expect(fromRoot.stderr).not.toContain('hint:');
    const absolute = await assayIn(root, ['run', join(root, 'my-eval.yaml')], PNPM());
    expect(absolute.code).toBe(2);
    expect(absolute.stderr).not.toContain('hint:');
  });

  test("no hint for a dataset.path, which resolves against the config file's folder", async () => {
    const config = writeRunConfig(root, 'no-data', 'http://127.0.0.1:9/v1', {
      dataset: { path: 'mail.jsonl' },
    });
    const done = await assayIn(root, ['run', 'no-data.yaml', '--dry-run'], PNPM());
    expect(done.code).toBe(2);
    expect(done.stderr).toContain(`the dataset file '${join(root, 'mail.jsonl')}' does not exist`);
    expect(done.stderr).not.toContain('hint:');
    expect(config).toBe(join(root, 'no-data.yaml'));
  });
});

describe('relativePathHint', () => {
  const place = (argv: string[], env: Record<string, string>) => ({ cwd: '/repo', env, argv });

  test('reads the value of --flag=value and needs a package script start', () => {
    const message = "--score 'cfg/run.yaml': Cannot read the run configuration 'cfg/run.yaml'.";
    expect(
      relativePathHint(
        message,
        place(['loadtest', '--score=cfg/run.yaml'], { npm_command: 'run-script' }),
      ),
    ).toBe('relative paths resolve from /repo (pnpm runs from the repository root)');
    expect(
      relativePathHint(message, place(['loadtest', '--score=cfg/run.yaml'], {})),
    ).toBeUndefined();
  });

  test('an argument that is only the start of the path the message names is not it', () => {
    const message = "Cannot read the run configuration '/repo/run.yaml': ENOENT.";
    const env = { npm_lifecycle_event: 'assay', INIT_CWD: '/repo/examples' };
    expect(relativePathHint(message, place(['run', 'other.yaml'], env))).toBeUndefined();
  });
});
