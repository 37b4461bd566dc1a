// Child process for the crash test: writes cache entries in a loop through the built dist and
// prints each key only after `put` has returned (i.e. after the commit).
import { cacheKey, ResponseCache } from '../../dist/index.js';

const [path, synchronous] = process.argv.slice(2);
const cache = new ResponseCache(path, { synchronous });
// Bounded, so that a child whose parent test died never runs on by itself.
const started = Date.now();
for (let i = 0; i < 200_000 && Date.now() - started < 120_000; i++) {
  const key = cacheKey({
    provider: 'openai-chat',
    baseUrl: 'http://127.0.0.1/v1',
    model: 'crash-test',
    params: { temperature: 0 },
    prompt: `prompt ${i}`,
  });
  cache.put(key, {
    text: `answer ${i} ${'x'.repeat(i % 500)}`,
    finishReason: 'stop',
    usage: { inputTokens: i, outputTokens: 1, source: 'server' },
    timing: { e2eLatencyMs: 1 },
    provider: 'openai-chat',
    model: 'crash-test',
  });
  process.stdout.write(`${key}\n`);
}
