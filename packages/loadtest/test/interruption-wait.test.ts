import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import {
  interruptionNote,
  loadDatasetWorkload,
  resolveLoadTest,
  runLoadTest,
} from '../src/index.js';

test('Ctrl-C during a stall says how long the cut-off requests had waited, and which passed the SLO', async () => {
  const controller = new AbortController();
  let received = 0;
  // a stream that starts and never sends a token; the test interrupts 300 ms after the last
  // request reached it (a timer from the test's start raced the workload's loading)
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    if (++received === 4) setTimeout(() => controller.abort(), 300);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  try {
    const options = resolveLoadTest({
      baseUrl: url,
      model: 'm',
      rate: 20,
      requests: 4,
      arrival: 'constant',
      slo: 'ttft_p95<=100',
    });
    const { result } = await runLoadTest(options, {
      workload: await loadDatasetWorkload('builtin:spam-assassin'),
      signal: controller.signal,
    });
    expect(result.requests.cutOff).toBe(4);
    // sent and scheduled, not failed: the cut-off count stands beside byError
    expect(result.requests).toMatchObject({
      scheduled: 4,
      sent: 4,
      completed: 0,
      failed: 0,
      byError: {},
    });
    const wait = result.requests.cutOffWait!;
    expect(wait.noToken).toBe(4);
    expect(wait.longestMs).toBeGreaterThan(300);
    // every one had waited more than 100 ms without a first token
    expect(wait.pastSlo).toBe(4);
    expect(interruptionNote(result)).toMatch(
      /which measured nothing: 4 requests in flight \(sent, their answers not finished\) were cut off by the interruption after waiting up to \d+\.\d s since their intended start \(none had a first token yet\); they count as requests\.cutOff \(errorClass abort in --records\), not as failures of the service; 4 had already waited past a latency bound of the SLO/,
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
}, 30_000);
