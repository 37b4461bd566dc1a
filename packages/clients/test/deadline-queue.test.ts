import { describe, expect, test } from 'vitest';
import { trackDeadline, untrackDeadline } from '../src/http/deadline-queue.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the shared deadline queue of attempt timeouts', () => {
  test('items expire once each, in deadline order, and a removed item never does', async () => {
    const expired: string[] = [];
    const item = (name: string, ms: number) => ({
      deadline: performance.now() + ms,
      expire: () => expired.push(name),
    });
    const a = item('a', 120);
    trackDeadline(a, 120);
    const b = item('b', 120);
    trackDeadline(b, 120);
    const c = item('c', 120);
    const entry = trackDeadline(c, 120);
    untrackDeadline(entry);
    // twice is harmless
    untrackDeadline(entry);
    const d = item('d', 10);
    trackDeadline(d, 10);
    expect(expired).toEqual([]);
    await wait(400);
    expect(expired).toEqual(['d', 'a', 'b']);
    // a queue that ran empty arms its timer again for the next item
    trackDeadline(item('again', 120), 120);
    await wait(400);
    expect(expired).toEqual(['d', 'a', 'b', 'again']);
  });
});
