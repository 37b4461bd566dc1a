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

  it('once every request is done, says the results are being finished and lets them be written', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const { drain, controller, stop, requestsDone } = gentleStop('assay');
    requestsDone();
    stop('SIGINT');
    expect(written.join('')).toContain(
      'assay: SIGINT received: all requests are done; finishing the results (press Ctrl-C again to exit at once; a rerun writes them from the journal)',
    );
    expect(written.join('')).not.toContain('waiting for those in flight');
    // nothing stopped: the results are computed and written, the exit code is the run's
    expect(drain.signal.aborted).toBe(false);
    expect(controller.signal.aborted).toBe(false);
  });

  it('a second signal while the results are written exits saying the files on disk may be an earlier run', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const { stop, requestsDone } = gentleStop('assay');
    requestsDone();
    stop('SIGINT');
    expect(exit).not.toHaveBeenCalled();
    stop('SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
    expect(written.join('')).toContain(
      "assay: exiting before the results were written: any results.json and reports in the output directory are an earlier run's; run the same command again, without --fresh (which would discard the journal) or --retry-failed, to write this run's from the journal (nothing is sent again).",
    );
  });

  it('tells SIGTERM to be sent again, not a key to be pressed', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    gentleStop('assay').stop('SIGTERM');
    expect(written.join('')).toContain(
      'assay: SIGTERM received: no new requests; waiting for those in flight to finish and be saved (send SIGTERM again to abort them)',
    );
  });
});
