import type { StreamEvent } from '../completion.js';
import { EventQueue } from './event-queue.js';

/**
 * Runs one call whose deltas are pushed from SSE callbacks and hands them to a `for await`
 * consumer, followed by `done` with the completion.
 *
 * @remarks
 * The call gets its own signal, aborted by the caller's signal or when the consumer stops
 * early (`break`, `return`, a throw in the loop body), so an abandoned stream never keeps
 * its connection busy. The generator waits for the call to settle before finishing.
 *
 * @param run - starts the call with a signal and a delta sink
 * @param user - the caller's signal
 * @returns the events
 */
export async function* streamCall(
  run: (
    signal: AbortSignal,
    emit: (event: StreamEvent) => void,
  ) => Promise<Extract<StreamEvent, { type: 'done' }>['completion']>,
  user: AbortSignal | undefined,
): AsyncGenerator<StreamEvent> {
  const controller = new AbortController();
  const onUser = (): void => controller.abort(user?.reason);
  if (user?.aborted === true) controller.abort(user.reason);
  else user?.addEventListener('abort', onUser, { once: true });
  const queue = new EventQueue<StreamEvent>();
  let settled = false;
  const running = run(controller.signal, (event) => queue.push(event)).then(
    (completion) => {
      settled = true;
      queue.push({ type: 'done', completion });
      queue.end();
    },
    (error: unknown) => {
      settled = true;
      queue.fail(error);
    },
  );
  try {
    for (;;) {
      const next = await queue.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    user?.removeEventListener('abort', onUser);
    if (!settled) controller.abort(new Error('The stream consumer stopped early.'));
    await running;
  }
}
