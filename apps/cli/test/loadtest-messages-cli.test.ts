import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-messages-'));
let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({
    model: trainSpamModel(),
    engine: { batchSlots: 8, stepMs: 5 },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const loadtest = (args: string[]) =>
  assay(['loadtest', '--base-url', server.baseUrl, '--model', 'assay-spam-nb', ...args]);

describe('refusals say what is valid, naming where the value came from', () => {
  const concurrencyTwo = join(dir, 'concurrency-two.yaml');
  writeFileSync(concurrencyTwo, 'concurrency: two\n');
  test.each([
    [['--rate', '5', '--seed', '1.5'], '--seed must be an integer, got 1.5.'],
    [
      ['--rate', '5', '--prompt-tokens', '10:-1'],
      "--prompt-tokens is '10:-1'; the sd after ':' cannot be negative (e.g. 512:64, or 512 for none).",
    ],
    [
      ['--config', concurrencyTwo],
      `--config '${concurrencyTwo}' key 'concurrency' is 'two'; expected an integer of at least 1.`,
    ],
    [['--concurrency', 'two'], "--concurrency is 'two'; expected an integer of at least 1."],
    [
      ['--rate', '5', '--dataset', 'builtin:spam-assassin', '--prompt-column', 'zzz_nope'],
      "--prompt-column 'zzz_nope' applies to a --dataset file; --dataset builtin:spam-assassin has no columns to choose (each prompt is the instruction and one e-mail): drop --prompt-column, or pass --dataset <file>.",
    ],
  ])('%j exits 2 with one line', async (args, message) => {
    const before = server.stats().requests;
    const { code, stderr, stdout } = await loadtest(args);
    expect(code).toBe(2);
    expect(stderr).toBe(`assay loadtest: ${message}\n`);
    expect(stdout).toBe('');
    expect(server.stats().requests).toBe(before);
  });

  test('--score with an invalid run config lists each problem, as assay run does', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\n');
    const { code, stderr } = await loadtest(['--rate', '5', '--score', bad]);
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe(
      `assay loadtest: --score '${bad}': The run configuration ${bad} is invalid (4 problems):`,
    );
    expect(lines.slice(1)).toHaveLength(4);
    expect(lines.slice(1).join('\n')).toMatch(/^ {2}dataset: .*\n {2}task: .*\n {2}models: /);
  });
});

test('a single step that misses its SLO says so on stderr, also when the results go to --out', async () => {
  const out = join(dir, 'missed.json');
  const { code, stdout, stderr } = await loadtest([
    ...['--rate', '20', '--requests', '5', '--arrival', 'constant', '--max-tokens', '2'],
    ...['--slo', 'e2e_p99<=0.001', '--out', out, '-q'],
  ]);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n').at(-1)).toMatch(
    /^assay loadtest: Step 0 misses the SLO: e2e_p99 = [\d.]+ > 0\.001\.$/,
  );
  expect(JSON.parse(readFileSync(out, 'utf8')).sloPassed.passed).toBe(false);
});

test('--duration with --requests warns that an open loop sends the requests alone', async () => {
  // 10 requests: fewer would add the warning that a handful of arrivals is chance
  const args = [
    '--requests',
    '10',
    '--duration',
    '10s',
    '--max-tokens',
    '2',
    '--format',
    'json',
    '-q',
  ];
  const open = await loadtest(['--rate', '40', '--arrival', 'constant', ...args]);
  expect(open.code).toBe(0);
  expect(open.stderr).toBe(
    'assay loadtest: warning: --duration 10s is not used by an open loop: given --requests 10 it sends exactly that many measured requests (10 at 40/s: about 0.25 s); drop one of --duration and --requests.\n',
  );
  expect(JSON.parse(open.stdout).requests.scheduled).toBe(10);
  // a closed loop stops at whichever bound it reaches first: both are used
  const closed = await loadtest(['--concurrency', '2', ...args]);
  expect(closed.code).toBe(0);
  expect(closed.stderr).toBe('');
});

test('--format that differs from the --out extension writes as told, with a warning', async () => {
  const out = join(dir, 'x.json');
  const { code, stderr } = await loadtest([
    ...['--rate', '40', '--requests', '10', '--max-tokens', '2'],
    ...['--format', 'md', '--out', out, '-q'],
  ]);
  expect(code).toBe(0);
  expect(stderr).toBe(
    `assay loadtest: warning: --out ${out} names JSON by its extension, but --format md writes Markdown into it; rename the file or drop --format.\n`,
  );
  expect(readFileSync(out, 'utf8')).toMatch(/^# assay loadtest\n/);
});
