import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadTestResult, readRecords } from '@assay/loadtest';
import {
  type ModelServer,
  parseFaultSpec,
  startModelServer,
  trainSpamModel,
} from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { loadtestMarkdown, loadtestTable } from '../src/loadtest/loadtest-format.js';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-summary-'));
const model = trainSpamModel();
// 8 slots, 20-ms steps: 40 requests/s at 10 tokens
let server: ModelServer;
// 30% of the answers are 503s
let failing: ModelServer;

beforeAll(async () => {
  [server, failing] = await Promise.all([
    startModelServer({ model, engine: { batchSlots: 8, stepMs: 20 } }),
    startModelServer({ model, faults: parseFaultSpec('rate=0.3') }),
  ]);
});
afterAll(async () => {
  await Promise.all([server.close(), failing.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const loadtest = (args: string[], baseUrl = server.baseUrl) =>
  assay(['loadtest', '--base-url', baseUrl, '--model', 'assay-spam-nb', ...args]);

/** The demo's spam-filter run config: held-out ham listed before spam, zero-shot. */
const spamConfig = join(dir, 'spam.yaml');
writeFileSync(
  spamConfig,
  YAML.stringify({
    name: 'spam',
    dataset: { builtin: 'spam-assassin', groups: ['easy-ham-2', 'spam-2'] },
    task: { type: 'classification', labels: ['spam', 'ham'], answer: { extract: 'first-label' } },
    prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
    models: [{ name: 'm', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }],
  }),
);

/** The rows of a terminal table, split on its runs of two or more spaces. */
function tableRows(text: string): string[][] {
  const lines = text.split('\n\n')[0]!.split('\n');
  return [lines[0]!, ...lines.slice(2)].map((l) => l.trim().split(/\s{2,}/));
}

describe('--score asks the same interleaved items at every step', () => {
  test('every step starts at one item of a shuffled, stratified order, recorded per request', async () => {
    const records = join(dir, 'score.jsonl');
    const { code, stdout } = await loadtest([
      ...['--score', spamConfig, '--sweep', '1', '--requests', '30', '--seed', '5'],
      ...['--records', records, '--format', 'json', '-q'],
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as LoadTestResult;
    const back = (await readRecords(records)).filter((r) => !r.warmup);
    const itemsOf = (step: number) =>
      back
        .filter((r) => r.step === step)
        .sort((a, b) => a.index - b.index)
        .map((r) => r.item);
    const first = itemsOf(0);
    expect(first).toHaveLength(30);
    expect(itemsOf(1)).toEqual(first);
    expect(itemsOf(2)).toEqual(first);
    // in file order the first 30 items were all ham (the first 1,235 are); now both labels
    expect(new Set(first.map((item) => item! < 1235)).size).toBe(2);
    // the same 30 items, answered by a deterministic classifier: one accuracy at every load
    expect(new Set(result.steps!.map((s) => s.accuracy?.accuracy)).size).toBe(1);
  }, 60_000);

  test('failed requests are counted wrong beside the answered-only accuracy, and said', async () => {
    const { code, stdout } = await loadtest(
      ['--score', spamConfig, '--concurrency', '4', '--requests', '100', '--format', 'json', '-q'],
      failing.baseUrl,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as LoadTestResult;
    const { failed, completed } = result.requests;
    expect(failed).toBeGreaterThan(10);
    expect(result.accuracy!.scored).toBe(completed);
    expect(result.accuracy!.failed).toBe(failed);
    expect(result.accuracy!.failuresWrong!.of).toBe(100);
    expect(result.accuracy!.failuresWrong!.accuracy).toBeLessThan(result.accuracy!.accuracy);
    expect(loadtestTable(result)).toContain(
      ` ${failed} of 100 failed and were not scored; accuracy over all 100 sent, failures counted wrong: ${result.accuracy!.failuresWrong!.accuracy.toFixed(3)} (95% CI `,
    );
  }, 60_000);
});

describe('what a run says beside its figures', () => {
  test('a single --rate step above capacity says that the service fell behind', async () => {
    const { code, stdout } = await loadtest([
      ...['--rate', '60', '--duration', '3s', '--max-tokens', '10', '--ignore-eos', '-q'],
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\nStep 0: the service fell behind its rate \(kept up 0\.\d\d < 0\.95\): latency grows with the run's length/,
    );
  }, 60_000);

  test("a sweep prints its answer in table, Markdown and JSON, and pools no rate in 'all'", async () => {
    const { code, stdout, stderr } = await loadtest([
      ...['--sweep', '1', '--duration', '1s', '--max-tokens', '10', '--ignore-eos'],
      ...['--slo', 'e2e_p99<=5000', '--format', 'json'],
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as LoadTestResult;
    const answer = result.sweepAnswer!;
    expect(answer.throughputStep).toMatchObject({ step: 1, concurrency: 64 });
    // the server shares this process with the test runner: a loaded machine slows it
    expect(answer.throughputStep!.capacity).toBeGreaterThan(0.7 * 40);
    expect(answer.throughputStep!.capacity).toBeLessThan(1.1 * 40);
    expect(answer.largestRateWithinSlo).not.toBeUndefined();
    for (const text of [loadtestTable(result), loadtestMarkdown(result)])
      expect(text).toContain(
        `Throughput step (step 1: concurrency 64): achieved ${answer.throughputStep!.requestsPerSec.toFixed(2)} requests/s`,
      );
    // Markdown: words left, numbers right; a sweep's rates with two decimals each
    const md = loadtestMarkdown(result).split('\n');
    const header = md.findIndex((l) => l.startsWith('| step |'));
    const cells = (l: string) => l.slice(2, -2).split(' | ');
    const align = new Map(cells(md[header]!).map((h, i) => [h, cells(md[header + 1]!)[i]]));
    for (const h of ['step', 'load', 'valid', 'SLO']) expect(align.get(h), h).toBe('---');
    for (const h of ['done', 'req/s', 'e2e p99', 'goodput']) expect(align.get(h), h).toBe('---:');
    for (const s of result.steps!.filter((s) => s.profile.kind === 'rate'))
      expect(loadtestTable(result)).toContain(`${s.profile.rate!.toFixed(2)}/s poisson`);
    const rows = tableRows(loadtestTable(result));
    const head = rows[0]!;
    const all = rows.find((r) => r[0] === 'all (pooled)')!;
    expect(all[head.indexOf('req/s')]).toBe('-');
    expect(all[head.indexOf('out tok/s')]).toBe('-');
    // progress: which step of how many, at what load, and its verdict at its end
    expect(stderr).toMatch(
      /^loadtest step 1 of 3 \(concurrency 64\) done: \d+ completed, .*, SLO (met|missed)/m,
    );
    expect(stderr).toMatch(/^loadtest step 2 of 3 \(rate [\d.]+\/s poisson\) done: /m);
    // the answer on stderr too, as a single step's notes are: the JSON is no terminal reading
    expect(stderr).toMatch(/^assay loadtest: note: Largest rate measured within the SLO: /m);
    expect(stderr).toContain(
      `Throughput step (step 1: concurrency 64): achieved ${answer.throughputStep!.requestsPerSec.toFixed(2)} requests/s`,
    );
  }, 60_000);

  test('a sweep written to --out as JSON says on stderr which steps missed the SLO', async () => {
    const out = join(dir, 'sweep-miss.json');
    const { code, stdout, stderr } = await loadtest([
      ...['--sweep', '1', '--requests', '20', '--max-tokens', '10', '--ignore-eos'],
      ...['--slo', 'e2e_p99<=1', '--out', out, '-q'],
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const result = JSON.parse(readFileSync(out, 'utf8')) as LoadTestResult;
    const missed = result.steps!.flatMap((s, i) => (s.sloPassed?.passed === false ? [i] : []));
    expect(missed.length).toBeGreaterThan(0);
    for (const i of missed)
      expect(stderr).toMatch(
        new RegExp(`^assay loadtest: note: Step ${i} misses the SLO: e2e_p99 = `, 'm'),
      );
    expect(stderr).toMatch(/^assay loadtest: note: No valid step met the SLO/m);
  }, 60_000);

  test('a sweep written to --out as Markdown says the same on stderr, which the file alone hid', async () => {
    const out = join(dir, 'sweep-miss.md');
    const { code, stdout, stderr } = await loadtest([
      ...['--sweep', '1', '--requests', '20', '--max-tokens', '10', '--ignore-eos'],
      ...['--slo', 'e2e_p99<=1', '--out', out, '-q'],
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/No valid step met the SLO/);
    expect(stderr).toMatch(/^assay loadtest: note: No valid step met the SLO/m);
  }, 60_000);

  test('validity and the SLO verdict have a column each, as in the HTML report', async () => {
    const { stdout } = await loadtest([
      ...['--sweep', '1', '--requests', '20', '--max-tokens', '10', '--ignore-eos'],
      ...['--slo', 'e2e_p99<=5000', '--format', 'json', '-q'],
    ]);
    const result = JSON.parse(stdout) as LoadTestResult;
    // step 2 as a saturated generator that missed its SLO: two verdicts, each in its own cell
    const steps = result.steps!.map((s, i) =>
      i === 2
        ? {
            ...s,
            harness: {
              ...s.harness,
              saturated: true,
              reasons: ['schedule lag p99 9 ms is above 5 ms'],
            },
            sloPassed: { passed: false, failures: ['e2e_p99 = 6000 > 5000'] },
          }
        : s,
    );
    const text = loadtestTable({
      ...result,
      steps,
      harness: { ...result.harness, saturated: true },
    });
    const rows = tableRows(text);
    const head = rows[0]!;
    expect(head.slice(-2)).toEqual(['valid', 'SLO']);
    expect(rows[3]!.slice(-2)).toEqual(['NO (generator saturated)', 'missed: e2e_p99']);
    expect(rows[1]!.slice(-2)).toEqual(['yes', 'met']);
    expect(text).toContain('(valid = NO)');
    expect(text).not.toContain('slo fail');
  }, 60_000);

  test('--find-max progress says how many steps at most, and the bracket so far', async () => {
    const { code, stderr } = await loadtest([
      ...['--find-max', '--slo', 'e2e_p99<=3000', '--requests', '30'],
      ...['--max-tokens', '10', '--ignore-eos'],
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^loadtest step 0 of at most 10 \(concurrency 64\) done: .*; capacity [\d.]+ requests\/s/m,
    );
    expect(stderr).toMatch(
      /^loadtest step 1 of at most 10 \(rate [\d.]+\/s poisson\) done: .*, SLO (met|missed).*; bracket so far [\d.]+-([\d.]+|no miss yet) requests\/s$/m,
    );
  }, 120_000);
});

describe('outputs and the config file', () => {
  test.each([
    [['--out', 'same.jsonl', '--records', 'same.jsonl', '--format', 'json'], '--out', '--records'],
    [['--report', 'same.html', '--out', 'same.html', '--format', 'md'], '--out', '--report'],
  ])('%j is refused before any request, exit 2', async (args, a, b) => {
    const paths = args.map((x) => (x.startsWith('same') ? join(dir, x) : x));
    const before = server.stats().requests;
    const { code, stderr } = await loadtest(['--rate', '5', ...paths]);
    expect(code).toBe(2);
    const file = paths[paths.indexOf(b) + 1];
    expect(stderr).toBe(
      `assay loadtest: ${a} and ${b} both name '${file}'; the one written last would replace the other: give each its own file.\n`,
    );
    expect(server.stats().requests).toBe(before);
    expect(existsSync(file!)).toBe(false);
  });

  test("a config file's format gives way to --out on the command line, and is named as the file's key", async () => {
    const config = join(dir, 'lt.yaml');
    writeFileSync(config, 'format: md\nquiet: true\nrate: 40\nrequests: 10\nmax-tokens: 2\n');
    const out = join(dir, 'x.json');
    const { code, stderr } = await loadtest(['--config', config, '--out', out]);
    expect(code).toBe(0);
    // quiet: true in the file is accepted: no progress lines
    expect(stderr).toBe(
      `assay loadtest: warning: --out ${out} names JSON by its extension, so JSON is written: the command line's --out wins over --config '${config}' key 'format' (md, Markdown).\n`,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).requests.completed).toBe(10);
    // both in the file: its format is written, and the warning names the file's keys
    const both = join(dir, 'both.yaml');
    const md = join(dir, 'y.json');
    writeFileSync(both, `format: md\nout: ${md}\nquiet: true\nrate: 40\nrequests: 10\n`);
    const second = await loadtest(['--config', both]);
    expect(second.stderr).toBe(
      `assay loadtest: warning: --config '${both}' key 'out' ${md} names JSON by its extension, but --config '${both}' key 'format' (md) writes Markdown into it; rename the file or drop that key.\n`,
    );
    expect(readFileSync(md, 'utf8')).toMatch(/^# assay loadtest\n/);
  }, 60_000);
});
