import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import type { RunResults } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, parseRunConfig, runEvaluation } from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;
const ITEMS = 60;
const METRICS = ['accuracy', 'f1_macro', 'balanced_accuracy'];
// a p90: its upper 95% end needs 35 timed requests (a p95's 72), and each model has 60
const THRESHOLDS = ['f1_macro.ci_low >= 0', 'p90_latency_ms.ci_high <= 600000'];

/** Three models of one server: the whole e-mail, and two that see only its start (another answer on some items). */
const MODELS: Record<string, Record<string, unknown>> = {
  full: {},
  cut: { prompt: { maxFieldChars: 300 } },
  mid: { prompt: { maxFieldChars: 1000 } },
};

/** A run of the named models, in that order, into one output directory (answers resume from its journal). */
async function runOf(names: readonly string[]): Promise<RunResults> {
  const doc = spamRunDocument({
    name: 'order',
    out: join(dir, 'runs'),
    baseUrl: server.baseUrl,
    limit: ITEMS,
    evaluation: { bootstrap: 1000, seed: 5, metrics: METRICS },
  });
  const nb = (doc.models as Record<string, unknown>[])[0]!;
  return runEvaluation(
    parseRunConfig({
      ...doc,
      models: names.map((name) => ({ ...nb, name, ...MODELS[name] })),
      thresholds: THRESHOLDS,
    }),
  );
}

/** A model's intervals: every metric's and the service threshold's. */
function intervalsOf(results: RunResults, model: string) {
  const m = results.models.find((x) => x.name === model)!;
  return {
    metrics: Object.fromEntries(
      Object.entries(m.metrics).map(([k, v]) => [k, [v.value, v.ciLow, v.ciHigh]]),
    ),
    positiveClass: m.positiveClass,
    thresholds: results.thresholds
      .filter((t) => t.model === model)
      .map((t) => [t.threshold, t.ciLow, t.ciHigh]),
  };
}

const pairOf = (results: RunResults, a: string, b: string) =>
  results.comparisons.find((c) => c.a === a && c.b === b)!;

const runs: Record<string, RunResults> = {};

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-model-order-'));
  // the first run sends every request; the others resume the same answers and timings
  runs.three = await runOf(['mid', 'full', 'cut']);
  runs.alone = await runOf(['cut']);
  runs.reversed = await runOf(['cut', 'full']);
  // last, so the directory's results.json is this run's
  runs.pair = await runOf(['full', 'cut']);
}, 180_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a model's intervals do not depend on its place in models", () => {
  it('gives each model the same metric and service intervals alone, reordered or beside an added model', () => {
    // the two models answer differently, so a shared stream would not hide a position seed
    expect(pairOf(runs.pair!, 'full', 'cut').metrics.accuracy!.difference).not.toBe(0);
    for (const model of ['full', 'cut']) {
      const reference = intervalsOf(runs.pair!, model);
      expect(reference.thresholds).toHaveLength(THRESHOLDS.length);
      expect(reference.thresholds.every(([, low, high]) => low !== null && high !== null)).toBe(
        true,
      );
      for (const name of ['three', 'reversed', ...(model === 'cut' ? ['alone'] : [])]) {
        expect(intervalsOf(runs[name]!, model), `${model} in run ${name}`).toEqual(reference);
      }
    }
  });

  it('gives a pair of models the same interval whichever other models run beside them', () => {
    const alone = pairOf(runs.pair!, 'full', 'cut').metrics;
    const amongThree = pairOf(runs.three!, 'full', 'cut').metrics;
    for (const metric of METRICS) {
      expect([amongThree[metric]!.ciLow, amongThree[metric]!.ciHigh]).toEqual([
        alone[metric]!.ciLow,
        alone[metric]!.ciHigh,
      ]);
    }
  });
});

describe('one paired difference, one interval', () => {
  it("gives the run's model-vs-model difference the BCa interval assay compare gives the same two models", async () => {
    const inRun = pairOf(runs.pair!, 'full', 'cut');
    const compared = await compareRuns(join(dir, 'runs'), join(dir, 'runs'), {
      model: 'full:cut',
    });
    expect(compared.settings).toMatchObject({ bootstrap: 1000, seed: 5 });
    for (const metric of METRICS) {
      const c = compared.metrics.find((m) => m.metric === metric)!;
      const r = inRun.metrics[metric]!;
      expect(c.interval, metric).toBe('bca');
      expect([r.difference, r.ciLow, r.ciHigh], metric).toEqual([c.difference, c.ciLow, c.ciHigh]);
    }
  });
});

describe('assay compare of two models of one run', () => {
  it('compares two different models of the same run directory named with --model a:b', async () => {
    const compared = await compareRuns(join(dir, 'runs'), join(dir, 'runs', 'results.json'), {
      model: 'full:cut',
    });
    expect([compared.baseline.model, compared.candidate.model]).toEqual(['full', 'cut']);
    expect(compared.pairedItems).toBe(ITEMS);
  });

  it('still refuses a model of the run compared with itself, naming --model a:b', async () => {
    for (const model of ['cut', 'cut:cut', undefined]) {
      const error = await refusalOf(
        compareRuns(join(dir, 'runs'), join(dir, 'runs', 'results.json'), { model }),
      );
      expect(error.code).toBe('RUNS_DIFFER');
      expect(error.message).toMatch(/^The baseline and the candidate are the same run \(/);
      expect(error.message).toContain(
        'or two different models of this run with --model <baseline model>:<candidate model> (it has full, cut)',
      );
    }
  });
});
