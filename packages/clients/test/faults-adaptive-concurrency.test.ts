import { describe, expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { EMAIL, useFaultServer } from './support/fault-server.js';

const { config } = useFaultServer();

describe('adaptive concurrency against the server', () => {
  test('a burst of 429s halves the limit once; successes grow it back by one', async () => {
    const client = createClient(
      config(false, {
        benchmarkMode: true,
        concurrency: { max: 8, min: 1, adaptive: true, increaseAfter: 3 },
      }),
    );
    expect(client.stats().concurrencyLimit).toBe(8);
    // A burst as wide as the limit: every request was sent before the decrease it causes.
    const burst = (width: number) =>
      Promise.allSettled(
        Array.from({ length: width }, () =>
          client.complete({
            messages: [{ role: 'user', content: EMAIL }],
            headers: { 'x-assay-fault': 'status=429;retry-after=0' },
          }),
        ),
      );
    await burst(8);
    expect(client.stats().concurrencyLimit).toBe(4);
    await burst(4);
    expect(client.stats().concurrencyLimit).toBe(2);
    for (let i = 0; i < 3; i++)
      await client.complete({ messages: [{ role: 'user', content: EMAIL }] });
    expect(client.stats().concurrencyLimit).toBe(3);
    expect(client.stats().concurrencyDecreases).toBe(2);
    await client.close();
  });
});
