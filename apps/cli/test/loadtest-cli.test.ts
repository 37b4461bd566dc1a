import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSlo, readRecords, SLO_METRICS, SLO_STATS, summarizeRecords } from '@assay/loadtest';
import { describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';
import { useLoadtestServer } from './loadtest-server.js';

const lt = useLoadtestServer('assay-loadtest-cli-');
const { dir, loadtest } = lt;
const promptsCsv = join(dir, 'prompts.csv');
writeFileSync(promptsCsv, 'question,answer\nhello,spam\n');

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
      `base-url: ${lt.server.baseUrl}\nmodel: assay-spam-nb\nconcurrency: 2\nrequests: 3\nformat: json\n`,
    );
    const { code, stdout } = await assay(['loadtest', '--config', config, '-q']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).requests.completed).toBe(3);
  });

  test("a load flag on the command line replaces the config file's load", async () => {
    const config = join(dir, 'open-loop.yaml');
    writeFileSync(
      config,
      `base-url: ${lt.server.baseUrl}\nmodel: assay-spam-nb\nrate: 5\narrival: constant\nmax-in-flight: 4\nrequests: 2\nformat: json\n`,
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
