import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedModelNotes } from '../src/compare/served-model-notes.js';
import {
  compareMarkdown,
  compareRuns,
  EvaluationError,
  parseRunConfig,
  runEvaluation,
} from '../src/index.js';
import { spamRunDocument } from './small-run.js';

// A trial compared a run of assay-spam-nb with one that asked for gpt-4o: the reference server
// answered both with assay-spam-nb (the run warned), and compare showed two models
let server: ModelServer;
let dir: string;

const run = (name: string, limit: number, model: Record<string, unknown> = {}) =>
  runEvaluation(
    parseRunConfig(
      spamRunDocument({
        name,
        out: join(dir, name),
        baseUrl: server.baseUrl,
        limit,
        model,
        evaluation: { method: 'all', bootstrap: 50, metrics: ['accuracy', 'f1_macro'] },
      }),
    ),
  );

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-compare-served-'));
  await run('base', 24);
  await run('gpt', 30, { model: 'gpt-4o' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay compare says which model answered, and what its values are of', () => {
  it('names a side answered by another model than it asked for, and a pass carries it', async () => {
    const r = await compareRuns(join(dir, 'base'), join(dir, 'gpt'), {
      bootstrap: 50,
      margin: 0.5,
    });
    expect(r.notes).toContain(
      "the candidate's model nb asked for gpt-4o, but the service named assay-spam-nb on 30 of 30 answers (servedModelMismatches in its results.json): its figures are of the model that answered",
    );
    expect(r.notes).toContain(
      'both runs were answered by assay-spam-nb, though the candidate asked for gpt-4o: the differences are of the prompt, the settings or chance, not of another model',
    );
    expect(r.decision.exitCode).toBe(0);
    expect(r.decision.reason).toMatch(
      /; but .*both runs were answered by assay-spam-nb, though the candidate asked for gpt-4o$/,
    );
  }, 60_000);

  it('says that the value columns are of the paired predictions when some have no partner', async () => {
    // the seeded limit of 24 is not the first 24 of the 30: some are paired, some not
    const r = await compareRuns(join(dir, 'base'), join(dir, 'gpt'), { bootstrap: 50 });
    const n = r.pairedItems;
    expect(r.onlyBaseline.count + r.onlyCandidate.count).toBeGreaterThan(0);
    expect(r.notes).toContain(
      `the baseline and candidate columns are each run's value on the ${n} paired predictions only, not over all of its own (${n + r.onlyBaseline.count} in the baseline, ${n + r.onlyCandidate.count} in the candidate) as its own report gives them`,
    );
    const same = await compareRuns(join(dir, 'base'), join(dir, 'base'), {
      bootstrap: 50,
    }).catch((e: unknown) => e);
    // a run with itself is refused; the note's absence is checked on the pure function
    expect(same).toBeInstanceOf(EvaluationError);
  }, 60_000);

  it('left-aligns the Markdown columns of words (test, gate, candidate is), right-aligns figures', async () => {
    // with a rule, the gate column holds words (PASS)
    const r = await compareRuns(join(dir, 'base'), join(dir, 'gpt'), {
      bootstrap: 50,
      margin: 0.5,
    });
    const md = compareMarkdown(r);
    expect(md).toContain('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |');
    expect(md).toContain('| --- | ---: | ---: | ---: | --- |');
  }, 60_000);
});

describe('servedModelNotes', () => {
  const results = (asked: string, served: string, count = 10) => ({
    models: [{ name: 'nb', model: asked }],
    servedModelMismatches:
      served === asked
        ? []
        : [
            {
              role: 'model' as const,
              path: 'models[0].model',
              name: 'nb',
              asked,
              served,
              count,
              of: 10,
            },
          ],
  });

  it('nothing to say when each side was answered by the model it asked for', () => {
    const a = { results: results('m1', 'm1') as never, model: 'nb' };
    const b = { results: results('m2', 'm2') as never, model: 'nb' };
    expect(servedModelNotes(a, b)).toEqual({ notes: [], caveat: null });
  });

  it('a side answered in part by another model: named, with the share, and no claim of sameness', () => {
    const a = { results: results('m1', 'm1') as never, model: 'nb' };
    const b = { results: results('m2', 'm1', 4) as never, model: 'nb' };
    const { notes, caveat } = servedModelNotes(a, b);
    expect(notes).toEqual([
      "the candidate's model nb asked for m2, but the service named m1 on 4 of 10 answers (servedModelMismatches in its results.json): its figures are of the model that answered",
    ]);
    expect(caveat).toBe("the candidate's service named another model than the m2 asked for");
  });

  it('both sides asked for the same id and were answered by another: the caveat names both', () => {
    const a = { results: results('m2', 'm1') as never, model: 'nb' };
    const b = { results: results('m2', 'm1') as never, model: 'nb' };
    const { notes, caveat } = servedModelNotes(a, b);
    expect(notes).toHaveLength(2);
    expect(caveat).toBe('the services of both runs named other models than those asked for');
  });
});
