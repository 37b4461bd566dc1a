import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../src/index.js';
import { refusalOf, SMALL_RUN_ITEMS, smallRunConfig } from './small-run.js';

let dir: string;
let server: ModelServer;
/** every answer takes 60 ms, so a run at concurrency 2 stays in flight for about a second */
let slow: ModelServer;

async function until(condition: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > 30_000) throw new Error('timed out waiting for the run to progress');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The PID of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-output-dir-'));
  server = await startModelServer({ port: 0 });
  slow = await startModelServer({ port: 0, faults: { latency: { kind: 'fixed', ms: 60 } } });
});

afterAll(async () => {
  await server?.close();
  await slow?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one run at a time per output directory', () => {
  it('refuses a second run while the first holds the lock, naming its PID and start time', async () => {
    const out = join(dir, 'concurrent');
    const c0 = slow.stats().completions;
    const running = runEvaluation(smallRunConfig(out, slow.baseUrl, { concurrency: 2 }));
    await until(() => slow.stats().completions - c0 >= 4);
    const lock = JSON.parse(readFileSync(join(out, 'run.lock'), 'utf8')) as { startedAt: string };
    const error = await refusalOf(
      runEvaluation(smallRunConfig(out, slow.baseUrl, { concurrency: 2 })),
    );
    expect(error.code).toBe('OUTPUT_LOCKED');
    expect(error.message).toContain(`PID ${process.pid}`);
    expect(error.message).toContain(`started ${lock.startedAt}`);
    const results = await running;
    // the refused run sent nothing: every item reached the server once
    expect(slow.stats().completions - c0).toBe(SMALL_RUN_ITEMS);
    expect(results.models[0]!.service.sentThisRun).toBe(SMALL_RUN_ITEMS);
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });

  it('takes over a stale lock whose process is gone, with a note', async () => {
    const out = join(dir, 'stale');
    mkdirSync(out, { recursive: true });
    const pid = deadPid();
    const stale = { pid, host: hostname(), startedAt: '2020-01-02T03:04:05.000Z' };
    writeFileSync(join(out, 'run.lock'), JSON.stringify(stale));
    const notes: string[] = [];
    const results = await runEvaluation(smallRunConfig(out, server.baseUrl), {
      onNote: (n) => notes.push(n),
    });
    expect(results.models[0]!.items.total).toBe(SMALL_RUN_ITEMS);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(
      `stale lock ${join(out, 'run.lock')} (PID ${pid}, started ${stale.startedAt})`,
    );
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });

  it('releases the lock when the run is aborted', async () => {
    const out = join(dir, 'aborted');
    const controller = new AbortController();
    const c0 = slow.stats().completions;
    const running = runEvaluation(smallRunConfig(out, slow.baseUrl, { concurrency: 2 }), {
      signal: controller.signal,
    });
    await until(() => slow.stats().completions - c0 >= 4);
    expect(existsSync(join(out, 'run.lock'))).toBe(true);
    controller.abort();
    expect((await refusalOf(running)).code).toBe('INTERRUPTED');
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });
});

describe('a damaged journal or cache', () => {
  for (const file of ['journal.sqlite', 'cache.sqlite']) {
    it(`${file}: names the file and --fresh; --fresh recovers`, async () => {
      const out = join(dir, `damaged-${file}`);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, file), 'not a database\n'.repeat(200));
      const before = server.stats().completions;
      const error = await refusalOf(runEvaluation(smallRunConfig(out, server.baseUrl)));
      expect(error.code).toBe('DAMAGED_FILE');
      expect(error.path).toBe(join(out, file));
      expect(error.message).toContain(`${join(out, file)} is damaged (file is not a database)`);
      expect(error.message).toContain('--fresh');
      expect(server.stats().completions).toBe(before);
      expect(existsSync(join(out, 'run.lock'))).toBe(false);
      const fresh = await runEvaluation(smallRunConfig(out, server.baseUrl), { fresh: true });
      expect(fresh.models[0]!.service.sentThisRun).toBe(SMALL_RUN_ITEMS);
    });
  }

  // the advice is to delete the damaged file alone: the other one still holds what was paid for
  for (const [file, kept] of [
    ['journal.sqlite', 'cachedThisRun'],
    ['cache.sqlite', 'resumedFromJournal'],
  ] as const) {
    it(`${file}: deleting it alone, as the message says, sends nothing again`, async () => {
      const out = join(dir, `damaged-after-run-${file}`);
      await runEvaluation(smallRunConfig(out, server.baseUrl));
      for (const suffix of ['-wal', '-shm']) rmSync(join(out, file + suffix), { force: true });
      writeFileSync(join(out, file), 'not a database\n'.repeat(200));
      const error = await refusalOf(runEvaluation(smallRunConfig(out, server.baseUrl)));
      expect(error.message).toContain(
        `${join(out, file)} is damaged (file is not a database); delete it (with its -wal and -shm files) and run again`,
      );
      rmSync(join(out, file));
      const before = server.stats().completions;
      const again = await runEvaluation(smallRunConfig(out, server.baseUrl));
      expect(server.stats().completions).toBe(before);
      expect(again.models[0]!.service[kept]).toBe(SMALL_RUN_ITEMS);
    });
  }
});
