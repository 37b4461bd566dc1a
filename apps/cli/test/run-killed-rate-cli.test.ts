import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, start, until } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
let slow: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-killed-rate-'));
  // one request at a time, 80 ms each: 60 items take about 5 s, past the first checkpoint
  slow = await startModelServer({ port: 0, faults: { latency: { kind: 'fixed', ms: 80 } } });
});

afterAll(async () => {
  await slow?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The journal's sending rows so far (the run writing it may still be going). */
function sending(journal: string): Array<{ ms: number; answered: number }> {
  if (!existsSync(journal)) return [];
  const db = new Database(journal, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sending'")
      .get();
    if (table === undefined) return [];
    return db.prepare('SELECT sending_ms AS ms, answered FROM sending').all() as Array<{
      ms: number;
      answered: number;
    }>;
  } finally {
    db.close();
  }
}

describe('assay run killed outright (SIGKILL)', () => {
  it("keeps its sending time, so the resumed run's req/s counts the answers it journaled", async () => {
    const path = writeRunConfig(
      dir,
      'killed-rate',
      slow.baseUrl,
      { dataset: { builtin: 'spam-assassin', limit: 60, seed: 1 } },
      1,
    );
    const journal = join(dir, 'killed-rate', 'journal.sqlite');
    const first = start(['run', path, '--quiet']);
    await until(() => sending(journal).some((r) => r.answered > 0));
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    const [kept] = sending(journal);
    expect(kept!.answered).toBeGreaterThan(0);

    const second = await assay(['run', path, '--quiet']);
    expect(second.code).toBe(0);
    const results = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'killed-rate', 'results.json'), 'utf8')),
    );
    const s = results.models[0]!.service;
    expect(s.resumedFromJournal).toBeGreaterThanOrEqual(kept!.answered);
    const t = s.throughput!;
    expect(t.earlierRuns).toBe(1);
    // this run's answers and those the killed run checkpointed, over both sendings' time
    expect(t.requestsPerSecond * t.wallSeconds).toBeCloseTo(s.sentThisRun + kept!.answered, 6);
    expect(t.wallSeconds * 1000).toBeGreaterThan(kept!.ms);
  }, 120_000);
});
