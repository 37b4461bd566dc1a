import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationWarnings } from '../src/config/evaluation-method.js';
import { dryRun, parseRunConfig, runEvaluation } from '../src/index.js';
import { stageConfig } from '../src/tune/evaluate-candidate.js';
import { spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-unused-split-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const doc = (name: string, evaluation: Record<string, unknown>, limit = 24) =>
  spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, limit, evaluation });

/** The warnings of a configuration's evaluation section, as the run and the dry run give them. */
const warningsOf = (evaluation: Record<string, unknown>, fewShot = 0): string[] => {
  const config = parseRunConfig({
    ...doc('w', evaluation),
    prompt: { template: '{{text}}', fewShot: { count: fewShot } },
  });
  return evaluationWarnings(config.evaluation, fewShot).filter((w) => w.includes('is ignored'));
};

describe('evaluation settings the method does not read', () => {
  it("warn for repeats, k and testSize under the default method 'all'", () => {
    expect(warningsOf({ repeats: 3, k: 10, testSize: 0.3 })).toEqual([
      "evaluation.k 10 is ignored by evaluation.method 'all': only the methods that make k folds ('kfold', 'stratified', 'group', 'repeated-stratified', 'timeseries') read k; set one of them as method or remove k.",
      "evaluation.testSize 0.3 is ignored by evaluation.method 'all': only 'holdout' reads testSize (a k-fold method tests about 1/k of the items per fold); set method: holdout or remove testSize.",
      "evaluation.repeats 3 is ignored by evaluation.method 'all': only 'repeated-stratified' repeats its folds; set method: repeated-stratified or remove repeats.",
    ]);
  });

  it("warn for repeats under 'stratified', the default method with few-shot examples", () => {
    expect(warningsOf({ repeats: 3 }, 2)).toEqual([
      "evaluation.repeats 3 is ignored by evaluation.method 'stratified': only 'repeated-stratified' repeats its folds; set method: repeated-stratified or remove repeats.",
    ]);
  });

  it('warn for a written value equal to the default, which the method ignores all the same', () => {
    expect(warningsOf({ k: 5 })).toEqual([expect.stringMatching(/^evaluation\.k 5 is ignored/)]);
  });

  it('warn for k under holdout, and for testSize when testIds names the test part', () => {
    expect(warningsOf({ method: 'holdout', k: 4, testSize: 0.25 }, 2)).toEqual([
      expect.stringMatching(/^evaluation\.k 4 is ignored by evaluation\.method 'holdout'/),
    ]);
    expect(warningsOf({ method: 'holdout', testSize: 0.25, testIds: ['a'] }, 2)).toEqual([
      expect.stringMatching(/^evaluation\.testSize 0\.25 is ignored .*testIds names the test part/),
    ]);
  });

  it('stay silent for the settings each method reads, and for defaults nobody wrote', () => {
    expect(warningsOf({ method: 'repeated-stratified', k: 3, repeats: 2 }, 2)).toEqual([]);
    for (const method of ['kfold', 'stratified', 'group', 'timeseries']) {
      expect(warningsOf({ method, k: 3 }, 2)).toEqual([]);
    }
    expect(warningsOf({ method: 'holdout', testSize: 0.3 }, 2)).toEqual([]);
    expect(warningsOf({})).toEqual([]);
  });

  it('are warned in the dry run, the run and results.json, which keeps the config without the bookkeeping', async () => {
    const config = parseRunConfig(doc('run', { repeats: 3, bootstrap: 0 }));
    const expected =
      "evaluation.repeats 3 is ignored by evaluation.method 'all': only 'repeated-stratified' repeats its folds; set method: repeated-stratified or remove repeats.";
    const plan = await dryRun(config);
    expect(plan.method).toBe('all');
    expect(plan.folds).toBe(1);
    expect(plan.warnings).toContain(expected);
    const results = await runEvaluation(config);
    expect(results.warnings).toContain(expected);
    const written = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8'));
    expect(written.warnings).toContain(expected);
    expect(written.config.evaluation.repeats).toBe(3);
    expect(written.config.evaluation).not.toHaveProperty('splitSettingsWritten');
  });

  it("are not warned of in assay tune's stages, whose split the search sets", () => {
    const ctx = {
      raw: doc('tuned', { method: 'stratified', k: 4, repeats: 2 }),
      baseDir: dir,
      outDir: join(dir, 'tuned'),
      metric: 'accuracy',
      constraints: [],
    };
    const candidate = { index: 0, settings: {}, valueIndex: {} };
    // the test stage of a zero-shot search scores the held-out items once ('all')
    const test = stageConfig(ctx, candidate, ['spam-2/00001'], { rung: 'test' });
    expect(test.evaluation.method).toBe('all');
    expect(evaluationWarnings(test.evaluation, 0).filter((w) => w.includes('is ignored'))).toEqual(
      [],
    );
    // a tuning stage keeps the user's split, and the warning of what it ignores
    const tuning = stageConfig(ctx, candidate, null, { rung: 0 });
    expect(evaluationWarnings(tuning.evaluation, 0).join(' ')).toMatch(
      /evaluation\.repeats 2 is ignored by evaluation\.method 'stratified'/,
    );
  });

  it('leave a parsed configuration valid to parse again after a spread, which keeps no record', () => {
    const config = parseRunConfig(doc('again', { repeats: 3 }));
    // what an early-stop or tune caller does: change one setting and validate again
    const again = parseRunConfig({
      ...doc('again', {}),
      evaluation: { ...config.evaluation, bootstrap: 10 },
    });
    expect(again.evaluation.bootstrap).toBe(10);
    // the copy wrote repeats itself, so it is warned of as the original is
    expect(evaluationWarnings(again.evaluation, 0).join(' ')).toMatch(/evaluation\.repeats 3/);
    expect(evaluationWarnings({ ...config.evaluation }, 0).join(' ')).not.toMatch(/repeats/);
  });
});
