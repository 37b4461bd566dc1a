import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LinkedList, type ListNode } from '../src/http/linked-list.js';
import { unwatchSignal, watchSignal } from '../src/http/signal-watch.js';

describe('the linked list behind the deadline queue and the signal watchers', () => {
  test('keeps insertion order under any mix of pushes, removals and drains (model: an array)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('drain' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const list = new LinkedList<number>();
        const model: number[] = [];
        const nodes: ListNode<number>[] = [];
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            nodes.push(list.push(next));
            model.push(next++);
          } else if (o.kind === 'remove' && nodes.length > 0) {
            // any node: one still in the list or one removed before (a no-op)
            const node = nodes[o.at % nodes.length]!;
            list.remove(node);
            const i = model.indexOf(node.value);
            if (i >= 0) model.splice(i, 1);
          } else if (o.kind === 'drain') {
            expect(list.drain()).toEqual(model);
            model.length = 0;
          }
          expect(list.first?.value).toBe(model[0]);
        }
        expect(list.drain()).toEqual(model);
        expect(list.first).toBeUndefined();
      }),
    );
  });

  test('a removed node keeps no link to the list or its neighbours', () => {
    const list = new LinkedList<string>();
    list.push('a');
    const b = list.push('b');
    list.push('c');
    list.remove(b);
    expect([b.prev, b.next, b.list]).toEqual([undefined, undefined, undefined]);
    expect(list.drain()).toEqual(['a', 'c']);
  });

  test('a signal calls each watcher still watching once, and an unwatched one never', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const watcher = (name: string) => ({ handleEvent: () => calls.push(name) });
    watchSignal(controller.signal, watcher('a'));
    const b = watchSignal(controller.signal, watcher('b'));
    watchSignal(controller.signal, watcher('c'));
    unwatchSignal(b);
    controller.abort();
    controller.abort();
    expect(calls).toEqual(['a', 'c']);
    // unwatching after the signal fired is harmless
    unwatchSignal(b);
    expect(calls).toEqual(['a', 'c']);
  });
});
