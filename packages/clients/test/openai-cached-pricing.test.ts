import { afterEach, describe, expect, test } from 'vitest';
import { BUILT_IN_PRICES, computeCost, createClient, openAICachePricing } from '../src/index.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Chat Completions server whose usage reports `cached` of 2000 prompt tokens as cached. */
function cachingServer(cached: number): Promise<LocalServer> {
  return startLocalServer((_body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        choices: [{ message: { content: 'ham' }, finish_reason: 'stop' }],
        usage: {
          prompt_tokens: 2000,
          completion_tokens: 100,
          prompt_tokens_details: { cached_tokens: cached },
        },
      }),
    );
  });
}

describe('OpenAI cached input tokens', () => {
  test('are priced at the cached-input rate the table knows (gpt-4o: $1.25 of $2.50) and shown in the record', async () => {
    server = await cachingServer(1536);
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.url,
      model: 'gpt-4o-2024-08-06',
    });
    const c = await client.complete({ prompt: 'q' });
    expect(c.usage.cachedTokens).toBe(1536);
    expect(c.record.cachedTokens).toBe(1536);
    // 464 uncached at $2.50, 1536 cached at $1.25, 100 out at $10 (per 1M)
    const inputUsd = (464 * 2.5 + 1536 * 1.25) / 1e6;
    expect(c.cost?.inputUsd).toBeCloseTo(inputUsd, 12);
    expect(c.cost?.totalUsd).toBeCloseTo(inputUsd + (100 * 10) / 1e6, 12);
    expect(c.record.costUsd).toBeCloseTo(inputUsd + (100 * 10) / 1e6, 12);
    await client.close();
  });

  test('a configured price.cachedInputPerMTok applies to any model', async () => {
    server = await cachingServer(1000);
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.url,
      model: 'gpt-4.1',
      price: { inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5 },
    });
    const c = await client.complete({ prompt: 'q' });
    expect(c.cost?.inputUsd).toBeCloseTo((1000 * 2 + 1000 * 0.5) / 1e6, 12);
    await client.close();
  });

  test('without a known cached rate, cached tokens are billed at the full input price', async () => {
    server = await cachingServer(1000);
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: server.url,
      model: 'gpt-4-turbo',
    });
    const c = await client.complete({ prompt: 'q' });
    expect(c.record.cachedTokens).toBe(1000);
    expect(c.cost?.inputUsd).toBeCloseTo((2000 * 10) / 1e6, 12);
    await client.close();
  });

  test('openAICachePricing reads the rate from the price, and nothing without cached tokens', () => {
    const price = BUILT_IN_PRICES['gpt-4o-mini']!;
    expect(price.cachedInputPerMTok).toBe(0.075);
    const pricing = openAICachePricing(1000, price);
    expect(computeCost(1000, 0, price, pricing)?.inputUsd).toBeCloseTo(0.075 / 1000, 15);
    expect(openAICachePricing(0, price)).toBeUndefined();
    expect(openAICachePricing(undefined, price)).toBeUndefined();
    expect(
      openAICachePricing(5, { inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0 }),
    ).toEqual({ readTokens: 5, writeTokens: 0, readRate: 0, writeRate: 1 });
  });
});
