import { startModelServer, trainSpamModel } from '@assay/model-server';
import { expect, test } from 'vitest';
import { loadDatasetWorkload, resolveLoadTest, runLoadTest, stepMeetsSlo } from '../src/index.js';

test('--find-max reports the last passing rate with a bracket whose upper end failed', async () => {
  // 4 slots x 5 tokens x 10 ms: 80 requests per second in closed form
  const server = await startModelServer({
    model: trainSpamModel(),
    engine: { batchSlots: 4, stepMs: 10 },
  });
  try {
    const options = resolveLoadTest({
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      findMax: true,
      slo: 'e2e_p99<=250',
      durationMs: 1200,
      maxTokens: 5,
      ignoreEos: true,
      maxInFlight: 64,
    });
    const { result } = await runLoadTest(options, {
      workload: await loadDatasetWorkload('builtin:spam-assassin'),
    });
    const max = result.maxRate!;
    expect(max.slo).toBe('e2e_p99<=250');
    expect(max.rate).toBe(max.bracket[0]);
    expect(max.bracket[0]).toBeLessThan(max.bracket[1]);
    const steps = result.steps!;
    expect(steps[0]!.profile.kind).toBe('concurrency');
    // every rate step agrees with the bracket: passing steps at or below lo, failing ones at or above hi
    for (const s of steps.slice(1)) {
      const rate = s.profile.rate!;
      if (stepMeetsSlo(s)) expect(rate).toBeLessThanOrEqual(max.bracket[0] + 1e-9);
      else expect(rate).toBeGreaterThanOrEqual(max.bracket[1] - 1e-9);
    }
    // far above the closed-form capacity the queue grows without bound: that cannot pass
    expect(max.rate).toBeLessThan(1.5 * 80);
  } finally {
    await server.close();
  }
});
