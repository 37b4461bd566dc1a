import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-own-servers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
