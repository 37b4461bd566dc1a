import { afterEach, describe, expect, it, vi } from 'vitest';
import { gentleStop } from '../src/run/gentle-stop.js';

describe('Ctrl-C of a command that sends requests', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('first stops new requests and lets those in flight finish, then aborts them', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const { drain, controller, stop } = gentleStop('assay');
    stop('SIGINT');
    expect(drain.signal.aborted).toBe(true);
    expect(controller.signal.aborted).toBe(false);
    expect(written.join('')).toContain(
      'assay: SIGINT received: no new requests; waiting for those in flight to finish and be saved (press again to abort them)',
    );
    stop('SIGTERM');
    expect(controller.signal.aborted).toBe(true);
    expect(written.join('')).toContain('assay: SIGTERM again: aborting the requests in flight');
  });
});
