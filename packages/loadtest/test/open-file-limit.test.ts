import { describe, expect, test } from 'vitest';
import { LoadTestError, resolveLoadTest } from '../src/index.js';
import { openFileLimit, refuseOverFileLimit } from '../src/run/open-file-limit.js';

describe('connections beyond the open-file limit', () => {
  test('are refused up front, naming the flag, the limit and what to lower it to', () => {
    expect(() => refuseOverFileLimit(30_000, '--concurrency', 20_000)).toThrow(
      "--concurrency 30000 needs as many connections, and this process may open 20000 files (the hard limit, ulimit -Hn), 64 of them kept for other uses: lower --concurrency to 19936 or less, or raise the limit first (ulimit -Hn as root, or the service's LimitNOFILE).",
    );
    expect(() => refuseOverFileLimit(30_000, '--concurrency', 20_000)).toThrow(LoadTestError);
    expect(() => refuseOverFileLimit(19_936, '--concurrency', 20_000)).not.toThrow();
    expect(() =>
      refuseOverFileLimit(30_000, '--concurrency', Number.POSITIVE_INFINITY),
    ).not.toThrow();
  });

  test("reads this process's limit on Linux", () => {
    const limit = openFileLimit();
    expect(limit === undefined || limit > 0).toBe(true);
    if (limit === undefined) return;
    // a closed loop beyond it is refused by the options check; one of 2 requests needs 2
    const base = { baseUrl: 'http://127.0.0.1:1/v1', model: 'm' };
    expect(() => resolveLoadTest({ ...base, concurrency: limit + 1 })).toThrow(
      /needs as many connections/,
    );
    expect(() => resolveLoadTest({ ...base, concurrency: limit + 1, requests: 2 })).not.toThrow();
  });
});
