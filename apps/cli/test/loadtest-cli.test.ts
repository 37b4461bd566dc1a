import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadtestHtml,
  parseSlo,
  readRecords,
  SLO_METRICS,
  SLO_STATS,
  summarizeRecords,
} from '@assay/loadtest';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay, start, until } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-cli-'));
const promptsCsv = join(dir, 'prompts.csv');
writeFileSync(promptsCsv, 'question,answer\nhello,spam\n');
// a file where a folder is expected, and a folder where a file is expected
const aFile = join(dir, 'a-file');
writeFileSync(aFile, '');
const promptsTxt = join(dir, 'prompts.txt');
writeFileSync(promptsTxt, 'hello\n');
const aFolderJsonl = join(dir, 'a-folder.jsonl');
mkdirSync(aFolderJsonl);
const model = trainSpamModel();
let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({ model, engine: { batchSlots: 8, stepMs: 20 } });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const loadtest = (args: string[]) =>
  assay(['loadtest', '--base-url', server.baseUrl, '--model', 'assay-spam-nb', ...args]);

const RESULT_KEYS = [
  'durationS',
  'goodput',
  'harness',
  'latencyMs',
  'profile',
  'requests',
  'scheduleLagMs',
  'schemaVersion',
  'sloPassed',
  'throughput',
  'ttftContentMs',
];
const DISTRIBUTION_KEYS = ['max', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999'];

describe('assay loadtest refuses bad flags before any request', () => {
  test.each([
    [['--rate', '5', '--concurrency', '2'], /--concurrency and --rate cannot be combined/],
    [['--rate', '0'], /--rate is 0/],
    [['--rate', '-1'], /--rate is -1/],
    [['--rate', '5', '--slo', 'ttfb_p95<=3'], /'ttfb_p95' is unknown; valid keys: ttft_mean/],
    [['--find-max'], /--find-max needs --slo/],
    [['--rate', '5', '--duration', 'soon'], /--duration is 'soon'/],
    [['--rate', '5', '--format', 'xml'], /--format is 'xml'/],
    [['--rate', '5', '--records', 'out.csv'], /--records is 'out.csv'/],
    [['--rate', '5', '--dataset', 'builtin:nope'], /not a built-in data set/],
    [
      ['--rate', '5', '--dataset', promptsCsv, '--prompt-column', 'q'],
      /no column 'q' \(--prompt-column\); the columns found are 'question', 'answer'/,
    ],
    [['--concurrency', '2', '--max-in-flight', '4'], /--max-in-flight applies to open loop/],
    [
      ['--rate', '5', '--duration', '1s', '--base-url', 'localhost:18080'],
      /^assay loadtest: --base-url has no scheme; did you mean 'http:\/\/localhost:18080'\?$/m,
    ],
    [['--concurrency', '2', '--arrival', 'poisson'], /--arrival applies to open loop/],
    [
      ['--rate', '5', '--slo', 'ttft_p95<=300,ttft_p95<=200'],
      /--slo gives 'ttft_p95' twice \('ttft_p95<=300' and 'ttft_p95<=200'\)/,
    ],
    [
      ['--rate', '5', '--slo', 'error_rate<=2'],
      /error_rate is a fraction of the requests, from 0 to 1/,
    ],
    [
      ['--rate', '5', '--provider', 'foo'],
      /^assay loadtest: --provider is 'foo'; expected openai-chat, openai-completions, anthropic or http-json\.$/m,
    ],
    [
      ['--rate', '5', '--provider', 'http-json'],
      /^assay loadtest: --provider http-json needs template and paths in the --config file: /m,
    ],
    [
      ['--rate', '5', '--api-key-env', 'ASSAY_LOADTEST_TEST_UNSET_KEY'],
      /^assay loadtest: --api-key-env names ASSAY_LOADTEST_TEST_UNSET_KEY, which is not set; .* drop --api-key-env /m,
    ],
    [
      ['--rate', '5', '--out', join(aFile, 'result.json')],
      /^assay loadtest: --out '.*' cannot be written \(its folder is a file\); pass a writable path\.$/m,
    ],
    [
      ['--rate', 'Infinity'],
      /^assay loadtest: --rate is 'Infinity'; expected a finite number above 0\.$/m,
    ],
    [
      ['--rate', '5', '--dataset', promptsTxt],
      /^assay loadtest: --dataset '.*prompts\.txt' cannot be read: its extension names no format; --dataset reads csv, tsv, jsonl, arrow, parquet files, told apart by their extension \(e\.g\. prompts\.jsonl\), or builtin:spam-assassin\.$/m,
    ],
    [
      // it was ignored without a word
      ['--rate', '5', '--score', 'run.yaml', '--prompt-column', 'text'],
      /^assay loadtest: --prompt-column 'text' cannot be combined with --score, which takes its prompts from the run config's data set; drop --prompt-column \(a data set file's text column is the run config's dataset\.columns\.text\)\.$/m,
    ],
    [
      ['--rate', '5', '--prompt-tokens', '100', '--prompt-column', 'text'],
      /^assay loadtest: --prompt-column needs --dataset <file>; --prompt-tokens makes synthetic prompts, which have no column\.$/m,
    ],
    [
      // a folder whose permission bits let root write, where no file can be made
      ['--rate', '5', '--out', '/proc/assay-result.json'],
      /^assay loadtest: --out '\/proc\/assay-result\.json' cannot be written \(no file can be made there\); pass a writable path\.$/m,
    ],
    [
      ['--rate', '5', '--report', join(aFile, 'sub', 'report.html')],
      /^assay loadtest: --report '.*' cannot be written \(a part of its folder is a file\)/m,
    ],
    [
      ['--rate', '5', '--records', join(aFile, 'records.arrow')],
      /^assay loadtest: --records '.*' cannot be written/m,
    ],
    [
      ['--rate', '5', '--records', aFolderJsonl],
      /^assay loadtest: --records '.*' cannot be opened for writing \(EISDIR/m,
    ],
  ])('%j exits 2 with one line', async (args, message) => {
    const before = server.stats().requests;
    const { code, stderr, stdout } = await loadtest(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(server.stats().requests).toBe(before);
  });
});

test('--score without --base-url says that the service under load is named on the command line', async () => {
  const demo = new URL('../../../examples/spam-assassin.yaml', import.meta.url).pathname;
  const { code, stderr } = await assay(['loadtest', '--score', demo, '--rate', '5']);
  expect(code).toBe(2);
  expect(stderr.trim()).toBe(
    "assay loadtest: --base-url <url> is required, also with --score: the service under load is named on the command line (--score reads the run config's data set and task, and a run config may list several models).",
  );
});

describe('assay loadtest against the model server', () => {
  // .arrow is written at the end from the run's own record store, .jsonl as requests end
  test.each(['jsonl', 'arrow'])(
    '--format json has the issue keys and equals a recomputation from --records .%s',
    async (ext) => {
      const records = join(dir, `records.${ext}`);
      const out = join(dir, `result-${ext}.json`);
      const slo = 'ttft_p95<=5000,e2e_p99<=10000,error_rate<=0.01';
      const { code, stderr } = await loadtest([
        '--concurrency',
        '4',
        '--requests',
        '20',
        '--max-tokens',
        '6',
        '--ignore-eos',
        '--slo',
        slo,
        '--out',
        out,
        '--records',
        records,
      ]);
      expect(stderr).not.toMatch(/failed:/);
      expect(code).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8'));
      expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
      expect(Object.keys(result.requests).sort()).toEqual(
        ['byError', 'completed', 'dropped', 'failed', 'scheduled', 'sent'].sort(),
      );
      for (const key of ['e2e', 'ttft', 'itl', 'tpot']) {
        expect(Object.keys(result.latencyMs[key]).sort()).toEqual(DISTRIBUTION_KEYS);
      }
      expect(Object.keys(result.scheduleLagMs).sort()).toEqual(DISTRIBUTION_KEYS);
      expect(Object.keys(result.ttftContentMs).sort()).toEqual(DISTRIBUTION_KEYS);
      expect(Object.keys(result.harness)).toEqual(
        expect.arrayContaining(['eventLoopLagP99Ms', 'clientCpuUsPerRequest', 'saturated']),
      );
      expect(result.requests.completed).toBe(20);
      expect(result.throughput.outputTokensPerSec).toBeGreaterThan(0);
      const again = summarizeRecords(await readRecords(records), parseSlo(slo));
      expect(again.latencyMs).toEqual(result.latencyMs);
      expect(again.ttftContentMs).toEqual(result.ttftContentMs);
      expect(again.requests).toEqual(result.requests);
      expect(again.goodput).toEqual(result.goodput);
    },
  );

  test('a table on stdout and progress lines on stderr', async () => {
    const { code, stdout, stderr } = await loadtest([
      '--rate',
      '10',
      '--duration',
      '2s',
      '--arrival',
      'constant',
      '--max-tokens',
      '4',
      '--ignore-eos',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/TTFT p50/);
    expect(stdout).toMatch(/10\.00\/s constant/);
    expect(stderr).toMatch(/loadtest step 0: \d+\.\d s, [\d.]+ req\/s, in flight \d+/);
  });

  test('--format md writes a Markdown table', async () => {
    const { code, stdout } = await loadtest([
      '--concurrency',
      '2',
      '--requests',
      '4',
      '--format',
      'md',
      '-q',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# assay loadtest/);
    expect(stdout).toMatch(/\| step \| load \|/);
  });

  test('a config file gives the same fields as the flags', async () => {
    const config = join(dir, 'loadtest.yaml');
    writeFileSync(
      config,
      `base-url: ${server.baseUrl}\nmodel: assay-spam-nb\nconcurrency: 2\nrequests: 3\nformat: json\n`,
    );
    const { code, stdout } = await assay(['loadtest', '--config', config, '-q']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).requests.completed).toBe(3);
  });

  test("a load flag on the command line replaces the config file's load", async () => {
    const config = join(dir, 'open-loop.yaml');
    writeFileSync(
      config,
      `base-url: ${server.baseUrl}\nmodel: assay-spam-nb\nrate: 5\narrival: constant\nmax-in-flight: 4\nrequests: 2\nformat: json\n`,
    );
    const closed = await assay(['loadtest', '--config', config, '--concurrency', '2', '-q']);
    expect(closed.stderr).toBe('');
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout).profile).toEqual({ kind: 'concurrency', concurrency: 2 });
    // an open-loop flag keeps the file's arrival
    const open = await assay(['loadtest', '--config', config, '--rate', '20', '-q']);
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout).profile).toEqual({
      kind: 'rate',
      rate: 20,
      arrival: 'constant',
    });
  });

  test('an open-loop step of a handful of arrivals warns that its figures are mostly chance', async () => {
    const { code, stdout, stderr } = await loadtest([
      '--rate',
      '0.000001',
      '--duration',
      '1s',
      '--format',
      'json',
      '-q',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).requests.scheduled).toBe(1);
    expect(stderr).toBe(
      'assay loadtest: warning: step 0 measured only 1 request at 0.000001/s; its requests/s and percentiles are mostly chance (give it 10 or more: a longer --duration, a higher --rate, or --requests 10).\n',
    );
    // ten arrivals or more: no warning
    const ten = await loadtest(['--rate', '50', '--requests', '10', '--format', 'json', '-q']);
    expect(ten.stderr).toBe('');
  });

  test('--out, --report and --records make their folders before the run', async () => {
    const base = join(dir, 'new-folder');
    const out = join(base, 'a', 'result.json');
    const report = join(base, 'b', 'report.html');
    const records = join(base, 'c', 'records.jsonl');
    const { code, stderr } = await loadtest([
      '--concurrency',
      '1',
      '--requests',
      '2',
      '--out',
      out,
      '--report',
      report,
      '--records',
      records,
      '-q',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).requests.completed).toBe(2);
    expect(existsSync(report)).toBe(true);
    expect(await readRecords(records)).toHaveLength(2);
  });

  test('the progress line counts dropped requests apart from failed ones', async () => {
    // 25 tokens x 20 ms: each answer takes 0.5 s, so at 20/s with one in flight most are dropped
    const { code, stderr } = await loadtest([
      '--rate',
      '20',
      '--arrival',
      'constant',
      '--max-in-flight',
      '1',
      '--duration',
      '1.5s',
      '--max-tokens',
      '25',
      '--ignore-eos',
    ]);
    expect(code).toBe(0);
    const progress = stderr.split('\n').filter((l) => /^loadtest step 0: [\d.]+ s,/.test(l));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line).toMatch(/, failed 0, dropped \d+, /);
    expect(progress.some((l) => !/dropped 0,/.test(l))).toBe(true);
    expect(stderr).toMatch(/loadtest step 0 done: \d+ completed, 0 failed, [1-9]\d* dropped/);
  });

  test('tpot without a value fails the SLO saying why; goodput counts those requests', async () => {
    const { code, stdout } = await loadtest([
      '--concurrency',
      '2',
      '--requests',
      '4',
      '--max-tokens',
      '1',
      '--ignore-eos',
      '--slo',
      'tpot_p95<=50',
      '--format',
      'json',
      '-q',
    ]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.latencyMs.tpot.p95).toBeNull();
    expect(result.sloPassed).toEqual({
      passed: false,
      failures: [
        'tpot_p95 has no value (no request had 2 or more output tokens, so TPOT is undefined)',
      ],
    });
    expect(result.goodput.fraction).toBe(1);
  });

  test('--dataset reads a CSV file by its extension, the prompt in --prompt-column', async () => {
    const { code, stdout } = await loadtest([
      '--concurrency',
      '1',
      '--requests',
      '2',
      '--dataset',
      promptsCsv,
      '--prompt-column',
      'question',
      '--format',
      'json',
      '-q',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).requests.completed).toBe(2);
  });

  test('a closed loop against a refused port blames the failures, not the load generator', async () => {
    const report = join(dir, 'refused.html');
    const { code, stdout } = await assay([
      'loadtest',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--model',
      'm',
      '--concurrency',
      '2',
      '--duration',
      '1s',
      '--report',
      report,
      '-q',
    ]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^Failures by class: connection \d+\.$/m);
    expect(stdout).not.toContain('could not keep its schedule');
    expect(readFileSync(report, 'utf8')).not.toContain('could not keep its schedule');
    if (stdout.includes('valid = NO')) {
      expect(stdout).toContain(
        'No request succeeded, so no figure here describes the server; the step is not valid either (valid = NO), for the reasons below (requests that fail at once can keep the generator busy):',
      );
    }
  });

  test('an unreachable URL ends with every failure counted as connection, exit 3 (nothing measured)', async () => {
    const { code, stdout, stderr } = await assay([
      'loadtest',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--model',
      'm',
      '--rate',
      '20',
      '--requests',
      '10',
      '--format',
      'json',
      '-q',
    ]);
    expect(code).toBe(3);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'assay loadtest: run failed: no request succeeded: 10 failed (connection 10); check --base-url, --model and the service.',
    );
    expect(JSON.parse(stdout).requests).toMatchObject({
      completed: 0,
      failed: 10,
      byError: { connection: 10 },
    });
  });

  test('an open loop whose clock thread dies stops with one line and exit 3', async () => {
    // the test-only hook ends the clock thread after its first wake-up (the child inherits it)
    process.env.ASSAY_LOADTEST_FAULT = 'clock-exit';
    const running = loadtest(['--rate', '1', '--requests', '20', '--arrival', 'constant', '-q']);
    delete process.env.ASSAY_LOADTEST_FAULT;
    const t0 = performance.now();
    const { code, stderr } = await running;
    // 1 request/s: the last arrival was 19 s away; the stop comes about 1 s in, plus the
    // command's start, which took up to 3 s on a loaded 2-core machine (a 3.5-s bound with 5
    // requests failed there)
    expect(performance.now() - t0).toBeLessThan(12_000);
    expect(code).toBe(3);
    expect(stderr.trim().split('\n').at(-1)).toMatch(
      /^assay loadtest: run failed: The open loop's clock thread ended before its schedule did \(it exited with code 70\); the load test stops\.$/,
    );
  });

  test('a server killed mid-run: the run ends at its duration with the failures by class', async () => {
    const doomed = await startModelServer({ model, engine: { batchSlots: 4, stepMs: 10 } });
    const { done } = start([
      'loadtest',
      '--base-url',
      doomed.baseUrl,
      '--model',
      'assay-spam-nb',
      '--concurrency',
      '4',
      '--duration',
      '4s',
      '--format',
      'json',
      '-q',
    ]);
    await until(() => doomed.stats().completions >= 8);
    await doomed.close();
    const { code, stdout } = await done;
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.requests.completed).toBeGreaterThanOrEqual(4);
    expect(result.requests.byError.connection).toBeGreaterThan(0);
    // refused connections fail fast, so most requests failed: the report says what the
    // figures then describe
    expect(result.requests.failed).toBeGreaterThan(result.requests.completed);
    expect(loadtestHtml(result, [])).toContain(
      `${result.requests.failed} of ${result.requests.failed + result.requests.completed} requests failed: the latency and throughput figures describe only the ${result.requests.completed} that succeeded.`,
    );
  });

  test('--score reports accuracy with its interval and --report writes self-contained SVG charts', async () => {
    const config = join(dir, 'score.yaml');
    writeFileSync(
      config,
      [
        'name: loadtest-score',
        'dataset: { builtin: spam-assassin, groups: [easy-ham-2, spam-2], limit: 40 }',
        'task: { type: classification, labels: [spam, ham], answer: { extract: first-label } }',
        'prompt: { template: "Classify this e-mail as spam or ham:\\n\\n{{text}}" }',
        'models: [{ name: nb, provider: openai-chat, baseUrl: http://127.0.0.1:9/v1, model: assay-spam-nb }]',
        '',
      ].join('\n'),
    );
    const report = join(dir, 'report.html');
    const { code, stdout, stderr } = await loadtest([
      '--concurrency',
      '4',
      '--requests',
      '40',
      '--score',
      config,
      '--report',
      report,
      '--format',
      'json',
      '-q',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { accuracy, quality } = JSON.parse(stdout);
    expect(accuracy.scored).toBe(40);
    expect(accuracy.accuracy).toBeGreaterThan(0.7);
    expect(accuracy.interval[0]).toBeLessThan(accuracy.accuracy);
    expect(quality).toEqual([
      { metric: 'accuracy', value: accuracy.accuracy, interval: accuracy.interval, scored: 40 },
    ]);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).toContain('TTFT CDF per step');
    expect(html).toContain('quality (95% CI)');
    // one step: no chart of one point against rate, a note instead
    expect(html).not.toContain('Answer quality against rate');
    expect(html).toContain('One step: its figures are in the table above');
    expect(html).not.toMatch(/<script|src=|<link/);
  });

  test('SIGINT stops the run, prints what was measured and exits 130', async () => {
    const before = server.stats().completions;
    const { child, done } = start([
      'loadtest',
      '--base-url',
      server.baseUrl,
      '--model',
      'assay-spam-nb',
      '--concurrency',
      '2',
      '--duration',
      '120s',
      '--format',
      'json',
      '-q',
    ]);
    await until(() => server.stats().completions >= before + 6);
    child.kill('SIGINT');
    const { code, stdout } = await done;
    expect(code).toBe(130);
    const result = JSON.parse(stdout);
    expect(result.requests.completed).toBeGreaterThanOrEqual(4);
    expect(result.durationS).toBeLessThan(120);
    expect(result.interrupted).toBe(true);
  });

  test('SIGINT during --find-max ends the search: no step after it, no maxRate, and it says so', async () => {
    const before = server.stats().completions;
    const { child, done } = start([
      'loadtest',
      '--base-url',
      server.baseUrl,
      '--model',
      'assay-spam-nb',
      '--find-max',
      '--slo',
      'e2e_p99<=5000',
      '--max-in-flight',
      '2',
      '--duration',
      '120s',
      '--format',
      'json',
      '-q',
    ]);
    await until(() => server.stats().completions >= before + 6);
    child.kill('SIGINT');
    const { code, stdout, stderr } = await done;
    expect(code).toBe(130);
    const result = JSON.parse(stdout);
    expect(result.interrupted).toBe(true);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].profile).toEqual({ kind: 'concurrency', concurrency: 2 });
    expect(result.maxRate).toBeUndefined();
    // the verdict is per step; pooled over a search's steps it would judge no load that ran
    expect(result.sloPassed).toBeUndefined();
    expect(result.steps[0].sloPassed).toBeDefined();
    expect(stderr).toContain('interrupted during step 0');
    expect(stderr).toContain('no later step ran');
  });

  test('--records .jsonl is written as requests end, so a killed run keeps what it measured', async () => {
    const records = join(dir, 'killed.jsonl');
    const before = server.stats().completions;
    const { child, done } = start([
      'loadtest',
      '--base-url',
      server.baseUrl,
      '--model',
      'assay-spam-nb',
      '--concurrency',
      '2',
      '--duration',
      '120s',
      '--records',
      records,
      '-q',
    ]);
    const lines = (): string[] => {
      try {
        return readFileSync(records, 'utf8')
          .split('\n')
          .filter((l) => l !== '');
      } catch {
        return [];
      }
    };
    await until(() => server.stats().completions >= before + 6 && lines().length >= 4);
    child.kill('SIGKILL');
    const { signal, stdout } = await done;
    expect(signal).toBe('SIGKILL');
    expect(stdout).toBe('');
    const kept = await readRecords(records);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const r of kept) {
      expect(r.errorClass).toBeNull();
      expect(r.endMs).toBeGreaterThanOrEqual(r.scheduledMs);
    }
  });

  test('--sweep finds the capacity of the batching engine within 10%', async () => {
    // 8 slots x 10 tokens x 20 ms: 40 requests per second in closed form
    const capacity = 8 / (10 * 0.02);
    const { code, stdout } = await loadtest([
      '--sweep',
      '2',
      '--duration',
      '3s',
      '--max-tokens',
      '10',
      '--ignore-eos',
      '--max-in-flight',
      '32',
      '--format',
      'json',
      '-q',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.profile.kind).toBe('sweep');
    expect(result.steps).toHaveLength(4);
    expect(result.steps[0].profile).toEqual({ kind: 'concurrency', concurrency: 1 });
    expect(result.steps[1].profile).toEqual({ kind: 'concurrency', concurrency: 32 });
    const found = result.steps[1].throughput.requestsPerSec;
    expect(found).toBeGreaterThan(0.9 * capacity);
    expect(found).toBeLessThan(1.1 * capacity);
    const rates = result.steps.slice(2).map((s: { profile: { rate: number } }) => s.profile.rate);
    expect(rates[0]).toBeLessThan(rates[1]);
    expect(rates[1]).toBeLessThan(found);
  });
});

describe('assay loadtest --provider http-json', () => {
  let tgi: Server;
  let url: string;
  const bodies: unknown[] = [];
  const paths: string[] = [];

  beforeAll(async () => {
    // TGI's /generate_stream: one SSE event per token, the last with the details
    tgi = createServer((req, res) => {
      let text = '';
      req.on('data', (d) => (text += d));
      req.on('end', () => {
        paths.push(req.url ?? '');
        bodies.push(JSON.parse(text));
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const tokens = ['sp', 'am', '!'];
        for (const [i, t] of tokens.entries()) {
          const last = i === tokens.length - 1;
          const event = {
            token: { text: t },
            ...(last ? { details: { finish_reason: 'length', generated_tokens: 3 } } : {}),
          };
          res.write(`data: ${JSON.stringify(event)}\n\n`);
        }
        res.end();
      });
    });
    await new Promise<void>((resolve) => tgi.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(tgi.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => tgi.close(() => resolve())));

  const config = (template: string): string => {
    const file = join(dir, `http-json-${paths.length}-${template.length}.yaml`);
    writeFileSync(
      file,
      [
        `base-url: ${url}`,
        'model: tgi',
        'provider: http-json',
        'request-path: /generate_stream',
        'template:',
        `  inputs: '${template}'`,
        "  parameters: { max_new_tokens: '{{maxTokens}}' }",
        'paths:',
        "  text: '$.generated_text'",
        "  streamText: '$.token.text'",
        "  streamOutputTokens: '$.details.generated_tokens'",
        "  streamFinishReason: '$.details.finish_reason'",
        '',
      ].join('\n'),
    );
    return file;
  };

  test('a --config file with template and paths runs the load test', async () => {
    const { code, stdout, stderr } = await assay([
      'loadtest',
      '--config',
      config('{{prompt}}'),
      '--concurrency',
      '2',
      '--requests',
      '6',
      '--max-tokens',
      '3',
      '--format',
      'json',
      '-q',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.requests).toMatchObject({ completed: 6, failed: 0 });
    expect(result.latencyMs.tpot.p50).not.toBeNull();
    expect(paths.every((p) => p === '/generate_stream')).toBe(true);
    expect(bodies[0]).toMatchObject({
      inputs: expect.any(String),
      parameters: { max_new_tokens: 3 },
    });
  });

  test('a template with an unknown placeholder is refused naming the config key', async () => {
    const before = paths.length;
    const { code, stderr } = await assay([
      'loadtest',
      '--config',
      config('{{bogus}}'),
      '--rate',
      '5',
      '-q',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^assay loadtest: template\.inputs in the --config file uses the unknown placeholder \{\{bogus\}\}; the request body takes \{\{prompt\}\}/,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(paths.length).toBe(before);
  });
});

describe('a run where most requests failed', () => {
  let flaky: Server;
  let url: string;
  let served = 0;
  beforeAll(async () => {
    // two streamed answers, then HTTP 500 for every request (a service falling over)
    flaky = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        served++;
        if (served > 2) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'spam' } }] })}\n\n`,
        );
        res.write(
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
        );
        res.end('data: [DONE]\n\n');
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => flaky.close(() => resolve())));

  test('warns that the figures describe the few that succeeded, and the report names the failures', async () => {
    const report = join(dir, 'mostly-failed.html');
    const { code, stderr } = await assay([
      'loadtest',
      '--base-url',
      url,
      '--model',
      'm',
      '--rate',
      '20',
      '--requests',
      '10',
      '--arrival',
      'constant',
      '--report',
      report,
      '-q',
    ]);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'assay loadtest: warning: 8 of 10 requests failed (http_500 8); the latency and throughput figures describe only the 2 that succeeded. Pass --slo with error_rate to fail such a run.',
    );
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('model <b>m</b>');
    expect(stderr).not.toContain('Add error_rate');
    expect(html).toContain(`<code>${url}`);
    expect(html).toContain(
      '<p class="warn">Failures by class: http_500 8. 8 of 10 requests failed: the latency and throughput figures describe only the 2 that succeeded.</p>',
    );
  });

  test('with --slo given, the warning suggests error_rate neither when the SLO fails the run nor when it has error_rate', async () => {
    const run = (slo: string) => {
      served = 0;
      return assay(
        ['loadtest', '--base-url', url, '--model', 'm', '--rate', '20', '--requests', '10'].concat([
          '--arrival',
          'constant',
          '--slo',
          slo,
          '-q',
        ]),
      );
    };
    // a run that already fails on its SLO gets no advice on failing it: a latency bound that
    // 80% failed requests break (the advice used to read as if the run had passed)
    const failing = await run('e2e_p99<=60000');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('describe only the 2 that succeeded.\n');
    expect(failing.stderr).not.toMatch(/Pass --slo|Add error_rate/);
    expect(failing.stderr.trim().split('\n').at(-1)).toMatch(
      /^assay loadtest: Step 0 misses the SLO: e2e_p99: 80% of the requests failed or were dropped, /,
    );
    const withRate = await run('error_rate<=1');
    expect(withRate.code).toBe(0);
    expect(withRate.stderr).toContain('describe only the 2 that succeeded.\n');
    expect(withRate.stderr).not.toMatch(/Pass --slo|Add error_rate/);
  });
});

test('--find-max where no rate meets the SLO exits 1 saying so, not with a rate of 0', async () => {
  // every answer takes 2 decode steps of 20 ms: no rate gets an e2e p95 of 1 ms
  const { code, stdout, stderr } = await loadtest([
    '--find-max',
    '--slo',
    'e2e_p95<=1',
    '--requests',
    '4',
    '--max-tokens',
    '2',
    '--ignore-eos',
    '--format',
    'json',
    '-q',
  ]);
  expect(code).toBe(1);
  const maxRate = JSON.parse(stdout).maxRate as { rate: number; bracket: [number, number] };
  expect(maxRate.rate).toBe(0);
  expect(stderr.trim().split('\n').at(-1)).toBe(
    `assay loadtest: No rate met the SLO (e2e_p95<=1): the lowest rate tried, offered ${maxRate.bracket[1].toFixed(2)} requests/s, missed it.`,
  );
}, 60_000);

test('--help says that exit 1 also means --find-max found no rate', async () => {
  const { code, stdout } = await assay(['loadtest', '--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('1  a single-step run missed its --slo, or --find-max found no rate');
});

test('--help explains the SLO keys, error_rate as a fraction and goodput', async () => {
  const { stdout } = await assay(['loadtest', '--help']);
  const slo = stdout.slice(stdout.indexOf('SLO (--slo):'));
  // every metric and statistic that parseSlo accepts is named
  for (const name of [...SLO_METRICS, ...SLO_STATS]) expect(slo).toContain(name);
  expect(slo).toContain('error_rate<=<fraction>');
  expect(slo).toContain('Goodput: the requests per second that completed');
});

test('--out with an extension that names no format is refused before any request', async () => {
  const { code, stderr } = await loadtest([
    '--rate',
    '1',
    '--requests',
    '1',
    '--out',
    join(dir, 'lt.html'),
  ]);
  expect(code).toBe(2);
  expect(stderr).toContain('not .html (the HTML report is --report FILE.html)');
  expect(existsSync(join(dir, 'lt.html'))).toBe(false);
});
