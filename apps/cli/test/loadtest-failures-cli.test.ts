import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadtestHtml, readRecords } from '@assay/loadtest';
import { startModelServer } from '@assay/model-server';
import { describe, expect, test } from 'vitest';
import { assay, start, until } from './cli-process.js';
import { useLoadtestServer } from './loadtest-server.js';

const lt = useLoadtestServer('assay-loadtest-failures-');
const { dir, model, loadtest } = lt;

describe('assay loadtest when the service or the run fails', () => {
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
    const before = lt.server.stats().completions;
    const { child, done } = start([
      'loadtest',
      '--base-url',
      lt.server.baseUrl,
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
    await until(() => lt.server.stats().completions >= before + 6);
    child.kill('SIGINT');
    const { code, stdout } = await done;
    expect(code).toBe(130);
    const result = JSON.parse(stdout);
    expect(result.requests.completed).toBeGreaterThanOrEqual(4);
    expect(result.durationS).toBeLessThan(120);
    expect(result.interrupted).toBe(true);
  });

  test('SIGINT during --find-max ends the search: no step after it, no maxRate, and it says so', async () => {
    const before = lt.server.stats().completions;
    const { child, done } = start([
      'loadtest',
      '--base-url',
      lt.server.baseUrl,
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
    await until(() => lt.server.stats().completions >= before + 6);
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
    const before = lt.server.stats().completions;
    const { child, done } = start([
      'loadtest',
      '--base-url',
      lt.server.baseUrl,
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
    await until(() => lt.server.stats().completions >= before + 6 && lines().length >= 4);
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
});
