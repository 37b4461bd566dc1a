import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, besidesNoWidthCaveat } from './cli-process.js';
import { junitSchemaErrors, parseJunit } from './junit-schema.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-gates-'));
  server = await startModelServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lastLine = (text: string): string => text.trim().split('\n').at(-1)!;

describe('assay run as a CI gate', () => {
  it('passes interval gates with exit 0, writes a valid JUnit file and a step summary', async () => {
    const config = writeRunConfig(dir, 'gates', server.baseUrl, {
      thresholds: [
        'f1_macro.ci_low >= 0.5',
        // 40 requests: enough for a p90's upper end (36), not a p95's (72)
        'p90_latency_ms.ci_high <= 600000',
        'error_rate.ci_high <= 0.2',
      ],
    });
    const junit = join(dir, 'ci', 'pass.xml');
    const summary = join(dir, 'step-summary.md');
    const run = await assay(['run', config, '--quiet', '--junit', junit, '--summary-md', summary]);
    expect(besidesNoWidthCaveat(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect(lastLine(run.stdout)).toBe('assay: exit 0: all 3 threshold checks passed');
    expect(run.stdout).toMatch(
      /PASS {2}nb: f1_macro\.ci_low >= 0\.5 \(f1_macro\.ci_low [\d.]+ >= 0\.5; value [\d.]+, 95% interval \[[\d.]+, [\d.]+\] \(bootstrap-percentile\)\)/,
    );
    const xml = readFileSync(junit, 'utf8');
    expect(await junitSchemaErrors(xml)).toEqual([]);
    const suite = parseJunit(xml).testsuite[0]!;
    expect(suite).toMatchObject({ tests: '3', failures: '0', errors: '0' });
    expect(suite.testcase!.map((c) => c.name)).toEqual([
      'f1_macro.ci_low >= 0.5 [nb]',
      'p90_latency_ms.ci_high <= 600000 [nb]',
      'error_rate.ci_high <= 0.2 [nb]',
    ]);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^### ✅ assay run gates: PASS\n/);
    expect(md).toContain('| `f1_macro.ci_low >= 0.5` | nb |');
  }, 120_000);

  it('exits 1 on a failed gate, with the numbers in the JUnit failure and the reason last', async () => {
    const config = writeRunConfig(dir, 'gates-failed', server.baseUrl, {
      thresholds: [
        'accuracy >= 0.5',
        'f1_macro.ci_low >= 0.9999',
        'p90_latency_ms.ci_high <= 0.001',
        // no value: a streamed one-token answer has no time between tokens (a TTFT or TPOT gate
        // on a model not streamed, and a p95's upper end on 40 requests, `assay run` refuses
        // before sending); 40 requests would give a p50 both ends
        'p50_tpot_ms.ci_high <= 100',
      ],
      models: [
        {
          name: 'nb',
          provider: 'openai-chat',
          baseUrl: server.baseUrl,
          model: 'assay-spam-nb',
          params: { maxTokens: 1 },
          streaming: true,
        },
      ],
    });
    const junit = join(dir, 'ci', 'fail.xml');
    const summary = join(dir, 'step-summary.md');
    const run = await assay(['run', config, '--quiet', '--junit', junit, '--summary-md', summary]);
    expect(run.code).toBe(1);
    expect(lastLine(run.stderr)).toMatch(
      /^assay: exit 1: 3 of 4 threshold checks failed: f1_macro\.ci_low >= 0\.9999 \[nb\] \(f1_macro\.ci_low [\d.]+ is not >= 0\.9999; /,
    );
    const results = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'gates-failed', 'results.json'), 'utf8')),
    );
    const f1 = results.thresholds.find((t) => t.threshold === 'f1_macro.ci_low >= 0.9999')!;
    const xml = readFileSync(junit, 'utf8');
    expect(await junitSchemaErrors(xml)).toEqual([]);
    const suite = parseJunit(xml).testsuite[0]!;
    expect(suite).toMatchObject({ tests: '4', failures: '2', errors: '1' });
    const [passed, failed, latency, tpot] = suite.testcase!;
    expect(passed!.failure).toBeUndefined();
    expect(passed!['system-out']).toMatch(/^accuracy >= 0\.5 holds for nb: accuracy /);
    const figure = (x: number | null | undefined) => x!.toFixed(4);
    expect(failed!.failure).toMatchObject({
      type: 'threshold',
      message: `f1_macro.ci_low >= 0.9999 fails for nb: f1_macro.ci_low ${figure(f1.ciLow)} is not >= 0.9999; value ${figure(f1.value)}, 95% interval [${figure(f1.ciLow)}, ${figure(f1.ciHigh)}] (bootstrap-percentile)`,
    });
    expect(latency!.failure!.message).toMatch(/is not <= 0\.001; value [\d.]+, 95% interval \[/);
    expect(tpot!.error!.type).toBe('no-value');
    expect(tpot!.error!.message).toMatch(
      /^p50_tpot_ms\.ci_high <= 100 could not be checked for nb: p50_tpot_ms has no value in this run: none of the \d+ answers has a time per output token \(an answer has one only when it was streamed with 2 or more output tokens\); value —, 95% interval — \(order-statistic\)$/,
    );
    // appended to the first run's summary, as GitHub does with $GITHUB_STEP_SUMMARY
    const md = readFileSync(summary, 'utf8');
    expect(md.match(/^### /gm)).toHaveLength(2);
    expect(md).toMatch(/### ❌ assay run gates-failed: FAIL\n/);
    expect(md).toContain('| `p50_tpot_ms.ci_high <= 100` | nb | — | — | ci_high | **ERROR**');
  }, 120_000);

  it('exits 2 naming the expression and the column of a bad threshold, before any request', async () => {
    const config = writeRunConfig(dir, 'bad-bound', server.baseUrl, {
      thresholds: ['accuracy >= 0.5', 'f1_macro.ci_lo >= 0.9'],
    });
    const before = server.stats().completions;
    const run = await assay(['run', config, '--quiet', '--junit', join(dir, 'never.xml')]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toContain(
      "thresholds[1]: 'f1_macro.ci_lo >= 0.9': unknown bound 'ci_lo' at column 10 (valid: ci_low, ci_high)",
    );
    expect(server.stats().completions).toBe(before);
  });

  it('exits 2 naming the file when the JUnit file cannot be written', async () => {
    const config = writeRunConfig(dir, 'gates', server.baseUrl, {
      thresholds: ['accuracy >= 0.5'],
    });
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const run = await assay(['run', config, '--quiet', '--junit', join(blocker, 'junit.xml')]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toMatch(
      /^assay: cannot write the --junit file .*a-file\/junit\.xml: /,
    );
  }, 120_000);

  it('exits 2 on a baseline of another data set before any request and before making the output directory', async () => {
    const base = writeRunConfig(dir, 'gate-base', server.baseUrl, { thresholds: [] });
    expect((await assay(['run', base, '--quiet'])).code).toBe(0);
    const config = writeRunConfig(dir, 'gate-other', server.baseUrl, {
      dataset: { builtin: 'spam-assassin', groups: ['spam-2'], limit: 40, seed: 1 },
      baseline: join(dir, 'gate-base'),
      thresholds: ['accuracy vs baseline >= -0.01'],
    });
    const before = server.stats().completions;
    const run = await assay(['run', config, '--quiet']);
    expect(run.code).toBe(2);
    const message = lastLine(run.stderr);
    expect(message).toMatch(
      /^assay: baseline: cannot compare .*gate-base\/results\.json with this run \(output\.dir .*gate-other\): the data sets differ/,
    );
    expect(message).not.toContain('--allow-different-data');
    expect(existsSync(join(dir, 'gate-other'))).toBe(false);
    expect(server.stats().completions).toBe(before);
    // its own output directory as the baseline: refused, its results left as they were
    const self = writeRunConfig(dir, 'gate-base', server.baseUrl, {
      baseline: join(dir, 'gate-base'),
      thresholds: ['accuracy vs baseline >= 0'],
    });
    const again = await assay(['run', self, '--quiet']);
    expect(again.code).toBe(2);
    expect(lastLine(again.stderr)).toMatch(
      /^assay: baseline: .*gate-base is this run's own output\.dir/,
    );
  }, 120_000);
});
