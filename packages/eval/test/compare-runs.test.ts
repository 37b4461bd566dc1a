import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noneSeenUpper } from '../src/compare/alike-items-bound.js';
import {
  compareJunit,
  compareRuns,
  compareText,
  EvaluationError,
  parseRunConfig,
  readPredictions,
  runEvaluation,
  writePredictions,
} from '../src/index.js';
import { forgetOwnValues } from './support/forget-own-values.js';

let server: ModelServer;
let dir: string;
const ITEMS = 60;
const SCORERS = ['exact_match', 'token_f1', 'bleu'];

/** A generation run of the extractive subject writer on 60 e-mails. */
async function subjects(name: string, prompt: Record<string, unknown>): Promise<string> {
  const out = join(dir, name);
  await runEvaluation(
    parseRunConfig({
      name,
      dataset: { builtin: 'spam-assassin-subjects', limit: ITEMS, seed: 2 },
      task: { type: 'generation', scorers: SCORERS },
      prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}', ...prompt },
      models: [
        {
          name: 'extractive',
          provider: 'openai-chat',
          baseUrl: server.baseUrl,
          model: 'assay-subject-extractive',
          params: { temperature: 0, maxTokens: 40 },
        },
      ],
      evaluation: { bootstrap: 100 },
      output: { dir: out },
    }),
  );
  return out;
}

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-compare-'));
  await subjects('full', {});
  await subjects('short', { maxFieldChars: 60 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('compareRuns on a generation task', () => {
  it('uses McNemar for 0/1 scorers, the permutation test for per-item scores, the bootstrap for corpus BLEU', async () => {
    const r = await compareRuns(join(dir, 'full'), join(dir, 'short'), {
      bootstrap: 300,
      failOn: 'regression',
    });
    expect(r.pairedItems).toBe(ITEMS);
    const byName = Object.fromEntries(r.metrics.map((m) => [m.metric, m]));
    expect(byName.exact_match!.test).toBe('mcnemar');
    expect(byName.token_f1!.test).toBe('permutation');
    expect(byName.bleu!.test).toBe('bootstrap');
    // the values are the runs' own: every item is paired
    const own = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'full', 'results.json'), 'utf8')),
    ).models[0]!.metrics;
    for (const name of SCORERS) expect(byName[name]!.baseline).toBeCloseTo(own[name]!.value!, 12);
    const f1 = byName.token_f1!;
    expect(f1.difference).toBeCloseTo(f1.candidate! - f1.baseline!, 12);
    expect(f1.interval).toBe('bca');
    expect(f1.ciLow!).toBeLessThanOrEqual(f1.ciHigh!);
    expect(f1.pValue!).toBeGreaterThan(0);
    expect(f1.pAdjusted!).toBeGreaterThanOrEqual(f1.pValue!);
  }, 60_000);

  it('bounds a bootstrap p of 0 from --bootstrap 1 by 1, not 2 / 1', async () => {
    const one = await compareRuns(join(dir, 'full'), join(dir, 'short'), {
      bootstrap: 1,
      metrics: ['bleu'],
    });
    const bleu = one.metrics.find((m) => m.metric === 'bleu')!;
    // one resample on one side of zero: p 0, which says only p < min(1, 2 / 1)
    expect(bleu).toMatchObject({ test: 'bootstrap', pValue: 0, pValueBelow: 1 });
  }, 60_000);

  it('says when --permutations is too small for the permutation test to find any metric worse', async () => {
    const few = await compareRuns(join(dir, 'full'), join(dir, 'short'), {
      bootstrap: 100,
      permutations: 10,
      failOn: 'regression',
      metrics: ['token_f1'],
    });
    expect(few.decision.exitCode).toBe(0);
    expect(few.notes).toContain(
      '--permutations 10: a permutation p-value is at least 2/11 = 0.182, not below alpha 0.05, so no metric tested by the permutation test (token_f1) can be found worse however large its drop; use the default --permutations 9999 (the intervals still show the difference)',
    );
    const enough = await compareRuns(join(dir, 'full'), join(dir, 'short'), { bootstrap: 100 });
    expect(enough.notes.some((n) => n.startsWith('--permutations'))).toBe(false);
  }, 60_000);

  it('gives difference 0 and p = 1 for every scorer of a run compared with itself', async () => {
    // the same run copied elsewhere (the same results.json twice is refused)
    const copy = join(dir, 'full-copy');
    cpSync(join(dir, 'full'), copy, { recursive: true });
    const r = await compareRuns(join(dir, 'full'), copy, { bootstrap: 100 });
    for (const m of r.metrics) {
      expect([m.metric, m.difference, m.pValue]).toEqual([m.metric, 0, 1]);
    }
    expect(r.decision.exitCode).toBe(0);
    // BCa is undefined when every resample gives 0: the intervals are percentile ones, said
    // so, but for the 0/1 scorer, whose difference the share of items answered differently
    // bounds: 0 of n items, so ± the exact upper end at 0 of n
    const items = ITEMS; // one answer per item
    const exact = r.metrics.filter((m) => m.interval === 'clopper-pearson');
    expect(exact.map((m) => [m.metric, m.itemsAlike, m.ciLow, m.ciHigh])).toEqual([
      ['exact_match', items, -noneSeenUpper(items, 0.95), noneSeenUpper(items, 0.95)],
    ]);
    expect(r.metrics.filter((m) => m.interval === 'percentile').map((m) => m.metric)).toEqual([
      'token_f1',
      'bleu',
    ]);
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^percentile intervals for token_f1, bleu: BCa is undefined/),
    );
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Clopper-Pearson bound for exact_match: none of the ${items} paired items was answered differently`,
        ),
      ),
    );
    // no rule was given: the table and the last line say nothing was checked, not 'pass'
    expect(r.decision.reason).toMatch(/^NOT CHECKED: no decision rule given/);
    const rows = compareText(r)
      .split('\n')
      .filter((line) => line.startsWith('token_f1 ') || line.startsWith('exact_match '));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.trimEnd()).toMatch(/ —$/);
  }, 60_000);

  it('never passes a gate on a metric it could not compare, and names such a metric', async () => {
    // both runs report judge_score (as a judged run does), but predictions.arrow holds no
    // grade to pair: the metric has no paired value
    const judged = (name: string): string => {
      const copy = join(dir, `${name}-judged`);
      cpSync(join(dir, name), copy, { recursive: true });
      const file = join(copy, 'results.json');
      const results = JSON.parse(readFileSync(file, 'utf8'));
      results.evaluation.metrics = [...results.evaluation.metrics, 'judge_score'];
      writeFileSync(file, JSON.stringify(results));
      return copy;
    };
    const [a, b] = [judged('full'), judged('short')];
    const gate = await compareRuns(a, b, {
      bootstrap: 100,
      metrics: ['judge_score'],
      failOn: 'regression',
      margin: 0.001,
    });
    expect(gate.decision.exitCode).toBe(1);
    expect(gate.decision.reason).toMatch(
      /^FAIL: judge_score could not be compared, so its gate cannot pass: predictions\.arrow holds no per-item judge grades/,
    );
    expect(gate.settings.gatedMetrics).toEqual([]);
    expect(gate.settings.uncomparedMetrics).toEqual(['judge_score']);
    // the JUnit file fails too: CI must not read a clean pass on exit 1
    const junit = compareJunit(gate);
    expect(junit).toMatch(/tests="1" failures="0" errors="1"/);
    expect(junit).toContain(
      'judge_score could not be compared, so its gate cannot pass: predictions.arrow holds no per-item judge grades',
    );

    const all = await compareRuns(a, b, { bootstrap: 100, failOn: 'regression' });
    expect(all.settings.gatedMetrics).toEqual(SCORERS);
    expect(all.notes).toContainEqual(
      expect.stringMatching(
        /^not compared: judge_score \(both runs report it, but predictions\.arrow holds no per-item judge grades/,
      ),
    );
    expect(all.decision.reason).not.toContain('judge_score');
  }, 60_000);

  it('passes with its caveats named: predictions left out by failed requests, a run not representative', async () => {
    const copy = join(dir, 'faulty');
    cpSync(join(dir, 'full'), copy, { recursive: true });
    const rows = readPredictions(readFileSync(join(copy, 'predictions.arrow')));
    const failed = rows.map((r, i) =>
      i < 6
        ? {
            ...r,
            outcome: 'failed' as const,
            rawAnswer: null,
            parsed: null,
            correct: null,
            error: 'http_500: boom',
          }
        : r,
    );
    await writePredictions(join(copy, 'predictions.arrow'), failed);
    forgetOwnValues(copy);
    const file = join(copy, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    results.models[0].notRepresentative = [
      '10.0% of requests failed, above evaluation.maxFailedFraction 0.05',
    ];
    writeFileSync(file, JSON.stringify(results));

    const r = await compareRuns(join(dir, 'full'), copy, { bootstrap: 100, failOn: 'regression' });
    expect(r.failedPairs).toBe(6);
    expect(r.decision.exitCode).toBe(0);
    expect(r.decision.reason).toMatch(/^PASS: /);
    expect(r.decision.reason).toContain(
      '; but 6 of 60 paired predictions (10.0%) were left out: a request failed in either run; the candidate run full (model extractive) is marked not representative by its own run: 10.0% of requests failed',
    );
    expect(r.notes).toContainEqual(
      expect.stringMatching(/^the candidate run full .* not representative/),
    );
    // and so does the JUnit file, whose cases pass
    expect(compareJunit(r)).toContain('; but 6 of 60 paired predictions (10.0%) were left out');
  }, 60_000);

  it('refuses runs whose label sets or tasks differ, naming both files', async () => {
    const copy = join(dir, 'relabelled');
    cpSync(join(dir, 'full'), copy, { recursive: true });
    const file = join(copy, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    results.task = { ...results.task, type: 'classification', labels: ['a', 'b'] };
    writeFileSync(file, JSON.stringify(results));
    const error = await compareRuns(join(dir, 'full'), copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('RUNS_DIFFER');
    expect((error as EvaluationError).message).toMatch(
      /generation task, the candidate classification; the label sets differ/,
    );
    // another task type: no flag helps, and the message does not offer one that cannot
    const allowed = await compareRuns(join(dir, 'full'), copy, { allowDifferentData: true }).catch(
      (e: unknown) => e,
    );
    for (const e of [error, allowed]) {
      expect((e as EvaluationError).message).toMatch(
        /; compare runs of the same task type \(--allow-different-data allows other labels or data, not another task type\)\.$/,
      );
    }
  }, 60_000);

  it('pairs a run that lists the default held-out groups with one that leaves them out, and names a key that differs', async () => {
    const withGroups = (name: string, groups: string[]): string => {
      const copy = join(dir, name);
      cpSync(join(dir, 'full'), copy, { recursive: true });
      const file = join(copy, 'results.json');
      const results = JSON.parse(readFileSync(file, 'utf8'));
      results.config.dataset = { ...results.config.dataset, groups };
      writeFileSync(file, JSON.stringify(results));
      return copy;
    };
    // the same items, spelled out (in another order): nothing differs
    const same = await compareRuns(
      join(dir, 'full'),
      withGroups('spelled', ['spam-2', 'easy-ham-2']),
      {
        bootstrap: 100,
      },
    );
    expect(same.pairedItems).toBe(ITEMS);
    const error = await compareRuns(join(dir, 'full'), withGroups('spam-only', ['spam-2'])).catch(
      (e: unknown) => e,
    );
    expect((error as EvaluationError).code).toBe('RUNS_DIFFER');
    expect((error as EvaluationError).message).toContain(
      'the data sets differ (dataset.groups [easy-ham-2, spam-2] against [spam-2])',
    );
  }, 60_000);

  it('refuses items with the same ids and references but other text, and pairs files that record no text', async () => {
    const withHashes = async (name: string, hash: (i: number, h: string) => string | null) => {
      const copy = join(dir, name);
      cpSync(join(dir, 'full'), copy, { recursive: true });
      const rows = readPredictions(readFileSync(join(copy, 'predictions.arrow')));
      expect(rows.every((r) => /^[0-9a-f]{16}$/.test(r.itemHash ?? ''))).toBe(true);
      const edited = rows.map((r, i) => ({ ...r, itemHash: hash(i, r.itemHash!) }));
      await writePredictions(join(copy, 'predictions.arrow'), edited);
      return { copy, changed: rows[0]!.id };
    };
    const { copy, changed } = await withHashes('retexted', (i, h) =>
      i === 0 ? '0123456789abcdef' : h,
    );
    const error = await compareRuns(join(dir, 'full'), copy).catch((e: unknown) => e);
    expect((error as EvaluationError).code).toBe('RUNS_DIFFER');
    expect((error as EvaluationError).message).toContain(
      `Item ${changed} (fold 0) holds different text in the baseline and the candidate`,
    );
    const allowed = await compareRuns(join(dir, 'full'), copy, {
      bootstrap: 100,
      allowDifferentData: true,
    });
    expect(allowed.pairedItems).toBe(ITEMS);
    expect(allowed.notes).toContainEqual(
      expect.stringMatching(/^1 paired item holds different text in the two runs/),
    );
    // a predictions file written before item hashes existed (no item_hash column) pairs as
    // before, with a note that the text was not compared
    const old = join(dir, 'no-hashes');
    cpSync(join(dir, 'full'), old, { recursive: true });
    const table = tableFromIPC(readFileSync(join(old, 'predictions.arrow')));
    const columns = Object.fromEntries(
      table.schema.fields
        .filter((f) => f.name !== 'item_hash')
        .map((f) => [f.name, table.getChild(f.name)!]),
    );
    writeFileSync(join(old, 'predictions.arrow'), tableToIPC(new Table(columns), 'file'));
    expect(
      readPredictions(readFileSync(join(old, 'predictions.arrow')))[0]!.itemHash,
    ).toBeUndefined();
    const paired = await compareRuns(join(dir, 'full'), old, { bootstrap: 100 });
    expect(paired.pairedItems).toBe(ITEMS);
    expect(paired.notes).toContainEqual(
      expect.stringMatching(
        /^the candidate's predictions\.arrow records no item text fingerprints/,
      ),
    );
  }, 60_000);

  it('names a different split as the cause when predictions in folds only one run has go unpaired', async () => {
    const copy = join(dir, 'refolded');
    cpSync(join(dir, 'full'), copy, { recursive: true });
    const rows = readPredictions(readFileSync(join(copy, 'predictions.arrow')));
    // every other item in a second fold, as another split would put it
    await writePredictions(
      join(copy, 'predictions.arrow'),
      rows.map((r, i) => (i % 2 === 1 ? { ...r, fold: 1 } : r)),
    );
    const file = join(copy, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    results.config.evaluation = { ...results.config.evaluation, method: 'kfold', k: 2 };
    writeFileSync(file, JSON.stringify(results));
    forgetOwnValues(copy);
    const r = await compareRuns(join(dir, 'full'), copy, { bootstrap: 100 });
    expect(r.pairedItems).toBe(ITEMS / 2);
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        /^the runs split the items differently \(baseline: evaluation\.method .*, 1 fold; candidate: kfold, 2 folds\): predictions pair on their fold/,
      ),
    );
    // the same split gives no such note
    const same = await compareRuns(join(dir, 'full'), join(dir, 'short'), { bootstrap: 100 });
    expect(same.notes.some((n) => n.startsWith('the runs split'))).toBe(false);
  }, 60_000);

  it('says what a directory without results.json is: a tune output, or a run that has not finished', async () => {
    const tune = join(dir, 'a-tune');
    mkdirSync(tune);
    writeFileSync(join(tune, 'tune.json'), '{}');
    const stopped = join(dir, 'stopped');
    mkdirSync(stopped);
    writeFileSync(join(stopped, 'journal.sqlite'), '');
    const messageOf = async (path: string): Promise<string> =>
      ((await compareRuns(path, join(dir, 'full')).catch((e: unknown) => e)) as Error).message;
    expect(await messageOf(tune)).toBe(
      `${join(tune, 'results.json')} does not exist; that is an assay tune output, which holds runs rather than being one: pass ${join(tune, 'best')} (written by assay run ${join(tune, 'best.yaml')}) or one of ${join(tune, 'candidates')}/*.`,
    );
    // the tune.json itself, passed as if it were a results.json
    const tuneJson = join(tune, 'tune.json');
    writeFileSync(tuneJson, JSON.stringify({ strategy: 'grid', candidates: [], winner: null }));
    expect(await messageOf(tuneJson)).toBe(
      `${tuneJson} is the tune.json of an assay tune output, which holds runs rather than being one, not a run's results.json: pass ${join(tune, 'best')} (written by assay run ${join(tune, 'best.yaml')}) or one of ${join(tune, 'candidates')}/*.`,
    );
    expect(await messageOf(stopped)).toMatch(
      /does not exist; the run in that directory has not finished \(its journal\.sqlite is there\): run the same assay run command again/,
    );
  });
});
