import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseRewrittenRun, sealOf } from '../src/compare/unfinished-run.js';
import {
  compareRuns,
  loadComparedRun,
  readPredictions,
  runEvaluation,
  writeRunOutputs,
} from '../src/index.js';
import { RunJournal } from '../src/run/journal.js';
import { loadBaseline } from '../src/run/load-baseline.js';
import { refusalOf, smallRunConfig } from './small-run.js';
import { journalOutcome } from './support/journal-outcome.js';

let dir: string;
let server: ModelServer;
/** every answer takes 60 ms, so a run at concurrency 2 stays in flight for about a second */
let slow: ModelServer;
const DEAD_URL = 'http://127.0.0.1:1/v1';

/** The PID of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** A finished run in a directory of its own, copied from the one made once for the file. */
function finishedRun(name: string): string {
  const out = join(dir, name);
  cpSync(join(dir, 'finished'), out, { recursive: true });
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-compare-unfinished-'));
  server = await startModelServer({ port: 0 });
  slow = await startModelServer({ port: 0, faults: { latency: { kind: 'fixed', ms: 60 } } });
  await runEvaluation(smallRunConfig(join(dir, 'finished'), server.baseUrl));
  await runEvaluation(smallRunConfig(join(dir, 'baseline'), server.baseUrl));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await slow?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a --fresh run that fails', () => {
  it("leaves none of the previous run's results behind, so compare refuses the directory", async () => {
    const out = finishedRun('fresh-failed');
    const notes: string[] = [];
    const failed = await refusalOf(
      runEvaluation(smallRunConfig(out, DEAD_URL), { fresh: true, onNote: (n) => notes.push(n) }),
    );
    expect(failed.code).toBe('RUN_FAILED');
    for (const name of ['results.json', 'predictions.arrow', 'prompts.arrow', 'report.md']) {
      expect(existsSync(join(out, name)), name).toBe(false);
    }
    expect(notes[0]).toContain("and the previous run's results.json, predictions.arrow");
    const refused = await refusalOf(compareRuns(join(dir, 'baseline'), out));
    expect(refused.message).toContain(
      'does not exist; the run in that directory has not finished (its journal.sqlite is there)',
    );
  }, 60_000);
});

describe('a --fresh run still running', () => {
  it('is waited for: compare names the run holding the lock, then reads the new results', async () => {
    const out = finishedRun('fresh-running');
    const c0 = slow.stats().completions;
    const running = runEvaluation(smallRunConfig(out, slow.baseUrl, { concurrency: 2 }), {
      fresh: true,
    });
    while (slow.stats().completions - c0 < 4) await new Promise((r) => setTimeout(r, 5));
    const refused = await refusalOf(compareRuns(join(dir, 'baseline'), out));
    expect(refused.message).toBe(
      `${join(out, 'results.json')} does not exist; the run in that directory has not finished (assay run PID ${process.pid} on ${hostname()}, started ${JSON.parse(readFileSync(join(out, 'run.lock'), 'utf8')).startedAt}, holds its run.lock); wait for it to finish, then compare (if no such run exists, delete ${join(out, 'run.lock')}).`,
    );
    await running;
    expect((await compareRuns(join(dir, 'baseline'), out)).pairedItems).toBeGreaterThan(0);
  }, 60_000);
});

describe('assay compare and a baseline of a run that has not finished', () => {
  it('refuses a directory whose run lock a live run holds, naming it', async () => {
    const out = finishedRun('running');
    const holder = { pid: process.pid, host: hostname(), startedAt: '2030-01-02T03:04:05.000Z' };
    writeFileSync(join(out, 'run.lock'), JSON.stringify(holder));
    const refused = await refusalOf(compareRuns(join(dir, 'baseline'), out));
    expect(refused.code).toBe('RUN_UNFINISHED');
    expect(refused.message).toBe(
      `${join(out, 'results.json')} is an earlier run's: the run in that directory has not finished (assay run PID ${process.pid} on ${hostname()}, started ${holder.startedAt}, holds its run.lock); wait for it to finish, then compare (if no such run exists, delete ${join(out, 'run.lock')}).`,
    );
    const baseline = await refusalOf(loadBaseline(out));
    expect(baseline.message).toMatch(/^baseline: .* the run in that directory has not finished/);
  });

  it('refuses a directory whose journal holds answers recorded after its results.json', async () => {
    const out = finishedRun('resumed');
    // a rerun (resumed, or --retry-failed) that recorded an answer and then stopped
    const journal = new RunJournal(join(out, 'journal.sqlite'));
    journal.record(journalOutcome({ model: 'nb', key: 'resent' }));
    journal.close();
    const refused = await refusalOf(compareRuns(join(dir, 'baseline'), join(out, 'results.json')));
    expect(refused.code).toBe('RUN_UNFINISHED');
    expect(refused.message).toMatch(
      /results\.json is an earlier run's: the run in that directory has not finished \(its journal\.sqlite holds answers recorded after results\.json was written, the last at .*\); run the same assay run command again to resume and finish it, then compare\.$/,
    );
  });

  it('compares a finished run copied file by file, its journal newer on disk than its results', async () => {
    const out = finishedRun('copied');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(out, 'journal.sqlite'), later, later);
    const compared = await compareRuns(join(dir, 'baseline'), out);
    expect(compared.pairedItems).toBeGreaterThan(0);
    // a lock whose process is gone is no run in progress
    writeFileSync(
      join(out, 'run.lock'),
      JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '2020-01-01T00:00:00Z' }),
    );
    expect((await compareRuns(join(dir, 'baseline'), out)).pairedItems).toBe(compared.pairedItems);
  });
});

describe('a run that starts writing while assay compare reads the directory', () => {
  /** What compare has read of a finished run: its results.json, sealed before the read. */
  function readResults(out: string) {
    const resultsFile = join(out, 'results.json');
    const seal = sealOf(resultsFile);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    return { resultsFile, seal, results };
  }

  it('refuses the old results.json once a new run has written its predictions.arrow beside it', async () => {
    const out = finishedRun('rewritten');
    const { resultsFile, seal, results } = readResults(out);
    // a rerun writes its outputs: results.json deleted, then predictions.arrow, then results.json
    const rows = readPredictions(readFileSync(join(out, 'predictions.arrow')));
    const written = ['results', 'predictions', 'prompts', 'reportMd', 'reportHtml'];
    const files = { ...results.files };
    for (const k of written) files[k] = join(out, basename(results.files[k]));
    const finishedAt = new Date().toISOString();
    await writeRunOutputs({ ...results, finishedAt, files }, rows.slice(1));
    const error = await refusalOf(
      Promise.resolve().then(() => refuseRewrittenRun(resultsFile, seal, results.finishedAt)),
    );
    expect(error.code).toBe('RUN_UNFINISHED');
    expect(error.message).toBe(
      `${resultsFile} is an earlier run's: the run in that directory has not finished (its results.json was replaced while assay compare read the files beside it, as a run starting over does); wait for the run to finish, then compare.`,
    );
  });

  it('refuses it while the new run has deleted results.json and written only predictions.arrow', async () => {
    const out = finishedRun('half-written');
    const { resultsFile, seal, results } = readResults(out);
    rmSync(resultsFile);
    cpSync(join(dir, 'baseline', 'predictions.arrow'), join(out, 'predictions.arrow'));
    const error = await refusalOf(
      Promise.resolve().then(() => refuseRewrittenRun(resultsFile, seal, results.finishedAt)),
    );
    expect(error.code).toBe('RUN_UNFINISHED');
    expect(error.message).toContain('(its results.json was deleted while assay compare read');
  });

  it('refuses it when a live run took the lock after results.json was read', async () => {
    const out = finishedRun('locked-late');
    const { resultsFile, seal, results } = readResults(out);
    const holder = { pid: process.pid, host: hostname(), startedAt: '2030-01-02T03:04:05.000Z' };
    writeFileSync(join(out, 'run.lock'), JSON.stringify(holder));
    const error = await refusalOf(
      Promise.resolve().then(() => refuseRewrittenRun(resultsFile, seal, results.finishedAt)),
    );
    expect(error.code).toBe('RUN_UNFINISHED');
    expect(error.message).toContain(`assay run PID ${process.pid} on ${hostname()}`);
  });

  it('reads a copied run whose predictions.arrow is newer on disk than its results.json', async () => {
    const out = finishedRun('copied-later');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(out, 'predictions.arrow'), later, later);
    const { resultsFile, seal, results } = readResults(out);
    expect(refuseRewrittenRun(resultsFile, seal, results.finishedAt)).toBeUndefined();
    expect((await loadComparedRun(out)).rows.length).toBeGreaterThan(0);
  });
});
