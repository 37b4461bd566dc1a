import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  bestYaml,
  EvaluationError,
  loadRunConfig,
  loadTuneConfig,
  parseRunConfig,
  runEvaluation,
  runTune,
  type TuneResults,
  tuneSetup,
  writeTuneOutputs,
} from '../src/index.js';
import { tuneDoc } from './support/tune-doc.js';

// The reference server's accuracy falls when maxFieldChars cuts the e-mail to its headers: the
// known best candidates keep the whole text (6000); the two templates tie there.
const SPACE = {
  'prompt.template': ['Classify this e-mail as spam or ham:\n\n{{text}}', 'Spam or ham? {{text}}'],
  'prompt.maxFieldChars': [40, 150, 600, 2000, 6000],
};

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function doc(out: string, search: Record<string, unknown>, limit = 150): Record<string, unknown> {
  return tuneDoc({
    name: 'tune-test',
    baseUrl: server.baseUrl,
    out,
    limit,
    model: { concurrency: { max: 8 } },
    search: { space: SPACE, metric: 'f1_macro', minItems: 10, ...search },
  });
}

async function tune(name: string, search: Record<string, unknown>): Promise<TuneResults> {
  return runTune(await tuneSetup(doc(join(dir, name), search), dir));
}

const winnerChars = (r: TuneResults) => r.winner?.settings['prompt.maxFieldChars'];

describe('assay tune against the reference server', () => {
  let grid: TuneResults;
  let halving: TuneResults;
  beforeAll(async () => {
    grid = await tune('grid', { strategy: 'grid' });
    halving = await tune('halving', { strategy: 'successive-halving' });
  }, 300_000);

  it('finds the known best setting with the full grid', () => {
    expect(winnerChars(grid)).toBe(6000);
    expect(grid.winner?.settings['prompt.template']).toBe(SPACE['prompt.template'][0]);
    expect(grid.coverage).toEqual({ evaluated: 10, candidates: 10 });
    expect(grid.winner!.test!.items).toBe(30);
    expect(grid.winner!.tuning.items).toBe(120);
  });

  it('halving finds the same winner with at most half the requests of the grid', () => {
    expect(halving.winner?.index).toBe(grid.winner?.index);
    expect(halving.spent.sent).toBeLessThanOrEqual(0.5 * grid.spent.sent);
    expect(halving.candidates.filter((c) => c.prunedAtRung !== null).length).toBeGreaterThan(0);
    // a larger rung reuses the smaller rung's answers: they come from the cache
    expect(halving.spent.cached).toBeGreaterThan(0);
  });

  it('halving finds the same winner on at least 9 of 10 seeds', async () => {
    const winners: unknown[] = [];
    for (let seed = 0; seed < 10; seed++) {
      const r = await tune(`seed-${seed}`, { strategy: 'successive-halving', seed });
      winners.push(r.winner?.index);
    }
    expect(winners.filter((w) => w === grid.winner?.index).length).toBeGreaterThanOrEqual(9);
  }, 600_000);

  it('hyperband and random search find a setting that keeps the whole e-mail', async () => {
    const hyperband = await tune('hyperband', { strategy: 'hyperband' });
    expect(winnerChars(hyperband)).toBe(6000);
    expect(
      new Set(hyperband.candidates.flatMap((c) => c.evaluations.map((e) => e.bracket))),
    ).toEqual(new Set([0, 1, 2, undefined]));
    const random = await tune('random', { strategy: 'random', n: 10 });
    expect(random.coverage.evaluated).toBe(10);
    expect(random.winner?.index).toBe(grid.winner?.index);
  }, 300_000);

  it('nested cross-validation: each outer fold chooses on its training part by inner CV, the pooled outer folds give the estimate', async () => {
    const r = await tune('nested', {
      strategy: 'successive-halving',
      nested: { outer: 3, inner: 2 },
      minItems: 12,
    });
    const nested = r.nested!;
    expect(r.items.test).toBe(0);
    expect(nested.folds).toHaveLength(3);
    expect(nested.folds.reduce((a, f) => a + f.items, 0)).toBe(150);
    for (const f of nested.folds) {
      expect(f.test).not.toBeNull();
      // the pooled summary's value on a fold is that fold's own test run
      expect(nested.estimate!.folds[f.fold]).toBeCloseTo(f.test!.value!, 12);
    }
    expect(nested.estimate!.ciLow!).toBeLessThanOrEqual(nested.estimate!.value!);
    expect(nested.estimate!.ciHigh!).toBeGreaterThanOrEqual(nested.estimate!.value!);
    // candidates are scored by inner 2-fold CV: one score per inner fold
    const tuning = r.candidates.flatMap((c) => c.evaluations).filter((e) => e.rung !== 'test');
    expect(tuning.every((e) => e.folds.length === 2)).toBe(true);
    expect(winnerChars(r)).toBe(6000);
  }, 300_000);

  it('writes tune.json and a best.yaml that assay run accepts unchanged', async () => {
    const setup = await tuneSetup(
      doc(join(dir, 'halving'), { strategy: 'successive-halving' }),
      dir,
    );
    const files = await writeTuneOutputs(setup, halving);
    const json = JSON.parse(readFileSync(files.json, 'utf8')) as TuneResults;
    expect(json.winner?.index).toBe(halving.winner?.index);
    expect(json.candidates[0]!.evaluations[0]).toHaveProperty('sent');
    const text = readFileSync(files.bestYaml!, 'utf8');
    expect(text).toContain('# It evaluates all 150 items (tuning and test parts together)');
    const best = YAML.parse(text);
    expect(best.prompt.maxFieldChars).toBe(6000);
    expect(best.search).toBeUndefined();
    const results = await runEvaluation(await loadRunConfig(files.bestYaml!));
    expect(results.models[0]!.items.total).toBe(150);
    expect(readFileSync(files.html, 'utf8')).toContain('optimistic');
  }, 120_000);

  it('best.yaml lists the search metric where the task would not report it by default', async () => {
    const setup = await tuneSetup(
      doc(join(dir, 'halving'), { strategy: 'successive-halving' }),
      dir,
    );
    // f1_macro is among a classification run's default metrics: nothing to add
    expect(YAML.parse(bestYaml(setup, halving)).evaluation.metrics).toBeUndefined();
    const mcc = YAML.parse(bestYaml(setup, { ...halving, metric: 'matthews_corrcoef' }));
    expect(mcc.evaluation.metrics).toEqual([
      'accuracy',
      'balanced_accuracy',
      'f1_macro',
      'precision_macro',
      'recall_macro',
      'matthews_corrcoef',
    ]);
    expect(parseRunConfig(mcc, { baseDir: dir }).evaluation.metrics).toContain('matthews_corrcoef');
  });
});

describe('nested cross-validation of few-shot candidates', () => {
  it('scores each outer fold as the test part of a holdout, so examples come from the outer training part', async () => {
    const config = doc(
      join(dir, 'nested-few-shot'),
      {
        strategy: 'grid',
        space: { 'prompt.fewShot.count': [2], 'prompt.maxFieldChars': [600, 6000] },
        nested: { outer: 2, inner: 2 },
      },
      80,
    );
    const r = await runTune(await tuneSetup(config, dir));
    const nested = r.nested!;
    expect(nested.folds).toHaveLength(2);
    for (const f of nested.folds) {
      // a holdout over every item: only the outer fold is scored, the rest feeds the examples
      expect(f.test!.items).toBe(f.items);
      expect(f.test!.requests).toBeLessThanOrEqual(f.items);
      const results = JSON.parse(readFileSync(join(f.test!.dir, 'results.json'), 'utf8'));
      expect(results.config.evaluation.method).toBe('holdout');
    }
    expect(nested.estimate!.value).not.toBeNull();
    expect(winnerChars(r)).toBe(6000);
  }, 300_000);
});

describe('decision threshold tuning', () => {
  it('chooses the threshold with the best cross-validated metric and measures the gain on the test part', async () => {
    const config = doc(join(dir, 'threshold'), {
      strategy: 'grid',
      space: { 'prompt.maxFieldChars': [600, 6000] },
      metric: 'balanced_accuracy',
      threshold: true,
    });
    const model = (config.models as Record<string, unknown>[])[0]!;
    model.params = { maxTokens: 4, temperature: 0, logprobs: true, topLogprobs: 2 };
    const r = await runTune(await tuneSetup(config, dir));
    const t = r.threshold!;
    expect(t.positiveLabel).toBe('spam');
    expect(t.items).toBe(120);
    expect(t.curve.thresholds).toHaveLength(100);
    const best = Math.max(...t.curve.values);
    expect(t.tuning.tunedValue).toBe(best);
    expect(t.threshold).toBe(t.curve.thresholds[t.curve.values.indexOf(best)]);
    expect(t.tuning.tunedValue).toBeGreaterThanOrEqual(t.tuning.defaultValue - 1e-12);
    expect(t.test!.items).toBe(30);
    expect(t.test!.gain).toBeCloseTo(t.test!.tunedValue - t.test!.defaultValue, 12);
  }, 180_000);

  it('refuses threshold tuning without scores, naming search.threshold', async () => {
    const error = await tuneSetup(
      doc(join(dir, 'no-scores'), { metric: 'balanced_accuracy', threshold: true }),
      dir,
    ).then(
      () => null,
      (e: unknown) => e as EvaluationError,
    );
    expect(error?.path).toBe('search.threshold');
    expect(error?.message).toMatch(/logprobs: true/);
  });
});

describe('budgets and resuming', () => {
  it('stops before the request budget would be exceeded and reports the best so far', async () => {
    const r = await tune('budget', { strategy: 'grid', budget: { requests: 300 } });
    expect(r.stoppedBy).toMatch(/request budget/);
    expect(r.spent.sent).toBeLessThanOrEqual(300);
    // within one evaluation (one batch) of the limit: the next one did not fit
    const batch = Math.max(...r.candidates.flatMap((c) => c.evaluations.map((e) => e.requests)));
    expect(r.spent.sent + batch).toBeGreaterThan(300);
    expect(r.coverage.evaluated).toBeLessThan(10);
    expect(r.winner).not.toBeNull();
    // the winner's test part (30 items) still fitted in the budget: it is scored
    expect(r.items.test).toBe(30);
    expect(r.winner!.test).not.toBeNull();
    expect(r.winner!.test!.items).toBe(30);
    expect(r.spent.sent).toBeLessThanOrEqual(300);
  }, 120_000);

  it('refuses a cost budget for a model without a price instead of letting every request through', async () => {
    const before = server.stats().completions;
    const error = (await tune('unpriced', {
      strategy: 'grid',
      budget: { costUsd: 0.0001 },
    }).then(
      () => null,
      (e: unknown) => e,
    )) as EvaluationError;
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error.path).toBe('search.budget.costUsd');
    expect(error.message).toMatch(/model 'nb' has no price/);
    // refused before the first evaluation sent anything
    expect(server.stats().completions).toBe(before);
  });

  it('stops on a service answering HTTP 500 to every request, naming the status', async () => {
    const setup = await tuneSetup(
      tuneDoc({
        name: 'tune-test',
        baseUrl: server.baseUrl,
        out: join(dir, 'http-500'),
        limit: 40,
        model: { headers: { 'x-assay-fault': 'status=500' }, retry: { maxRetries: 0 } },
        search: { space: SPACE, metric: 'f1_macro', minItems: 10, strategy: 'grid' },
      }),
      dir,
    );
    const error = (await runTune(setup).then(
      () => null,
      (e: unknown) => e,
    )) as EvaluationError;
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error.code).toBe('RUN_FAILED');
    expect(error.message).toMatch(
      /The search stopped at candidate c0 \(rung 0, .*\): nb: (\d+) of \1 predictions failed .*\(http_status × (\d+) \[HTTP 500 × \2\]\)/,
    );
  });

  it('stops on a search.space value the service refuses as a bad request, naming the candidate and its settings', async () => {
    const setup = await tuneSetup(
      tuneDoc({
        name: 'tune-test',
        baseUrl: server.baseUrl,
        out: join(dir, 'http-400'),
        limit: 40,
        model: { retry: { maxRetries: 0 } },
        search: {
          space: { 'models[0].params.temperature': [5] },
          metric: 'f1_macro',
          minItems: 30,
          strategy: 'grid',
        },
      }),
      dir,
    );
    const error = (await runTune(setup).then(
      () => null,
      (e: unknown) => e,
    )) as EvaluationError;
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error.path).toBe('models[0].params');
    expect(error.message).toMatch(
      /^The search stopped at candidate c0 \(rung 0, .*\): Model nb: the first 20 requests to .* were all refused as bad requests \(HTTP 400\)/,
    );
    expect(error.message).toContain(
      'Its settings from search.space: models[0].params.temperature: 5.',
    );
  });

  it('keeps a cost budget: what the search spends stays within it, the estimate scaled by what was spent', async () => {
    // characters / 4 for a model the estimate does not know, where the server counts about
    // one token per 3 characters: unscaled, the search passed its budget by 3%
    const budget = 0.05;
    const base = doc(join(dir, 'priced'), { strategy: 'grid', budget: { costUsd: budget } });
    const [model] = base.models as Record<string, unknown>[];
    const price = { inputPerMTok: 1, outputPerMTok: 1 };
    const setup = await tuneSetup({ ...base, models: [{ ...model, price }] }, dir);
    const r = await runTune(setup);
    expect(r.stoppedBy).toMatch(
      /^the cost budget: \$[\d.]+ spent, and the next evaluation \(c\d+\) is estimated at/,
    );
    expect(r.spent.costUsd).toBeGreaterThan(0);
    expect(r.spent.costUsd).toBeLessThanOrEqual(budget);
  }, 120_000);

  it('resumes an interrupted search without sending anything twice', async () => {
    const whole = await tune('whole', { strategy: 'successive-halving', seed: 4 });
    const setup = await tuneSetup(
      doc(join(dir, 'killed'), { strategy: 'successive-halving', seed: 4 }),
      dir,
    );
    const controller = new AbortController();
    let sentBefore = 0;
    let seen = 0;
    const error = await runTune(setup, {
      signal: controller.signal,
      onEvaluation: (e) => {
        sentBefore += e.sent;
        if (++seen === 3) controller.abort();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvaluationError);
    const resumed = await runTune(setup, {});
    expect(resumed.winner?.index).toBe(whole.winner?.index);
    expect(sentBefore + resumed.spent.sent).toBe(whole.spent.sent);
    const again = await runTune(setup, {});
    expect(again.spent.sent).toBe(0);
  }, 300_000);

  it('refuses a value the run schema rejects before sending, naming the path', async () => {
    const bad = await tuneSetup(
      doc(join(dir, 'bad'), { space: { 'prompt.maxFieldChars': [300, -1] } }),
      dir,
    );
    const error = (await runTune(bad).then(
      () => null,
      (e: unknown) => e,
    )) as EvaluationError;
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error.path).toBe('search.space.prompt.maxFieldChars');
    expect(error.message).toMatch(/candidate c1 .*-1/);
  });

  it('names a mistyped space key by its search.space path and a file value by its file name', async () => {
    writeFileSync(
      join(dir, 'plain-prompt.txt'),
      'Classify this e-mail as spam or ham:\n\n{{text}}\n',
    );
    const bad = await tuneSetup(
      doc(join(dir, 'typo'), {
        space: { 'prompt.template': ['file:plain-prompt.txt'], 'prompt.maxFieldChar': [40] },
      }),
      dir,
    );
    const error = (await runTune(bad).then(
      () => null,
      (e: unknown) => e,
    )) as EvaluationError;
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error.path).toBe('search.space.prompt.maxFieldChar');
    expect(error.message).toMatch(
      /^search\.space\.prompt\.maxFieldChar: candidate c0 \(template=plain-prompt\.txt maxFieldChar=40\) makes an invalid run config: /,
    );
    expect(error.message).toMatch(/did you mean 'maxFieldChars'/);
    expect(error.message).not.toContain('Classify this e-mail');
  });

  it('names the space key an error is about when it is not the first, indexed keys included', async () => {
    const refused = async (space: Record<string, unknown[]>) =>
      (await runTune(await tuneSetup(doc(join(dir, 'typo-index'), { space }), dir)).then(
        () => null,
        (e: unknown) => e,
      )) as EvaluationError;
    const typo = await refused({
      'prompt.template': ['{{text}}'],
      'prompt.maxFieldChars': [40],
      'models[0].params.temprature': [0.5],
    });
    expect(typo.path).toBe('search.space.models[0].params.temprature');
    expect(typo.message).toMatch(/did you mean 'temperature'/);
    const value = await refused({
      'prompt.maxFieldChars': [40],
      'models[0].params.temperature': [0, -3],
    });
    expect(value.path).toBe('search.space.models[0].params.temperature');
    expect(value.message).toMatch(
      /^search\.space\.models\[0\]\.params\.temperature: candidate c1 /,
    );
  });

  it('reads the example tune config with its prompt files', async () => {
    const setup = await loadTuneConfig(
      join(import.meta.dirname, '../../../examples/tune/spam-prompt.yaml'),
    );
    expect(setup.space['prompt.template']![0]).toContain('{{text}}');
    expect(setup.metric).toBe('f1_macro');
  });
});
