import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunResults, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChoiceServer, startChoiceServer } from '../../../test-support/choice-server.js';
import {
  type PredictionRow,
  parseRunConfig,
  type RunConfig,
  readPredictions,
  readPrompts,
  runEvaluation,
} from '../src/index.js';
import { choiceOrders } from '../src/multiple-choice/choice-orders.js';

const ITEMS = 12;
const PERMUTATIONS = 2;
const SEED = 5;
const LETTERS = 'ABCD';

/** Item i: four choices, the correct one at position i mod 4; the last item's answer is unknown. */
const data = Array.from({ length: ITEMS }, (_, i) => {
  const correct = i % 4;
  const choices = [0, 1, 2, 3].map((c) => (c === correct ? `right ${i}` : `wrong ${i}.${c}`));
  return { id: `q${i}`, text: `Question ${i}?`, choices, label: LETTERS[correct]! };
});
const KNOWN = new Set(data.slice(0, ITEMS - 1).map((d) => d.choices[LETTERS.indexOf(d.label)]!));

let server: ChoiceServer;
let dir: string;

function config(out: string, extra: Record<string, unknown> = {}): RunConfig {
  const model = (name: string, id: string) => ({
    name,
    provider: 'openai-chat',
    baseUrl: server.baseUrl,
    model: id,
    concurrency: { max: 4 },
  });
  return parseRunConfig(
    {
      name: 'mc',
      dataset: { path: join(dir, 'questions.jsonl') },
      task: { type: 'multiple-choice', permutations: PERMUTATIONS, seed: SEED },
      models: [model('knows', 'knows'), model('first', 'first')],
      evaluation: { bootstrap: 200, seed: 1 },
      output: { dir: out },
      ...extra,
    },
    { baseDir: dir },
  );
}

beforeAll(async () => {
  server = await startChoiceServer(KNOWN);
  dir = mkdtempSync(join(tmpdir(), 'assay-run-mc-'));
  writeFileSync(join(dir, 'questions.jsonl'), data.map((d) => JSON.stringify(d)).join('\n'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay run with a multiple-choice task and choice-order permutations', () => {
  let results: RunResults;
  let rows: PredictionRow[];
  const out = () => join(dir, 'out');

  beforeAll(async () => {
    await runEvaluation(config(out()));
    results = RunResultsSchema.parse(JSON.parse(readFileSync(join(out(), 'results.json'), 'utf8')));
    rows = readPredictions(readFileSync(join(out(), 'predictions.arrow')));
  }, 60_000);

  it('asks every item in the data set order and in each extra order, once per model', () => {
    expect(rows).toHaveLength(ITEMS * (1 + PERMUTATIONS) * 2);
    expect(server.requests()).toBe(ITEMS * (1 + PERMUTATIONS) * 2);
    for (const m of ['knows', 'first']) {
      const mine = rows.filter((r) => r.model === m);
      expect(mine.map((r) => r.permutation).sort()).toEqual(
        [0, 1, 2].flatMap((p) => Array<number>(ITEMS).fill(p)).sort(),
      );
    }
    expect(results.task.type).toBe('multiple-choice');
    expect(results.dataset.labels).toEqual({ A: 3, B: 3, C: 3, D: 3 });
  });

  it('shows the choices of each prompt in its seeded order, lettered, in simple-evals wording', () => {
    const prompts = readPrompts(readFileSync(join(out(), 'prompts.arrow')));
    for (const r of rows.filter((x) => x.model === 'first')) {
      const item = data.find((d) => d.id === r.id)!;
      const order = choiceOrders(4, PERMUTATIONS, SEED, r.id)[r.permutation!]!;
      const text = prompts.get(r.promptHash)!.at(-1)!.content;
      expect(text).toContain(`Question ${r.id.slice(1)}?`);
      expect(text).toContain("'Answer: $LETTER' (without quotes) where LETTER is one of ABCD");
      expect(text).toContain(order.map((o, p) => `${LETTERS[p]}) ${item.choices[o]}`).join('\n'));
    }
  });

  it('maps each answer back to the original choice and scores it', () => {
    const knows = rows.filter((r) => r.model === 'knows');
    for (const r of knows) {
      const item = data.find((d) => d.id === r.id)!;
      expect(r.expected).toBe(item.label);
      if (r.id === `q${ITEMS - 1}`) expect(r.outcome).toBe('unparseable');
      else expect([r.parsed, r.outcome]).toEqual([item.label, 'correct']);
    }
    const m = results.models.find((x) => x.name === 'knows')!;
    expect(m.metrics.accuracy!.value).toBeCloseTo((ITEMS - 1) / ITEMS, 12);
    expect(m.metrics.position_bias_rate!.value).toBe(0);
    expect(m.multipleChoice).toEqual({
      permutations: PERMUTATIONS,
      positionBiasRate: 0,
      itemsCompared: ITEMS,
      // four choices allow both extra orders: the data set's and 2 more
      ordersPerItem: { min: PERMUTATIONS + 1, max: PERMUTATIONS + 1 },
    });
  });

  it('measures the position bias of a model that always answers A', () => {
    let correct = 0;
    let biased = 0;
    for (const item of data) {
      const orders = choiceOrders(4, PERMUTATIONS, SEED, item.id);
      const firsts = orders.map((o) => o[0]!);
      correct += firsts.filter((f) => f === LETTERS.indexOf(item.label)).length;
      if (new Set(firsts).size > 1) biased++;
      for (const [p, f] of firsts.entries()) {
        const r = rows.find((x) => x.model === 'first' && x.id === item.id && x.permutation === p)!;
        expect(r.parsed).toBe(LETTERS[f]);
      }
    }
    const m = results.models.find((x) => x.name === 'first')!;
    expect(biased).toBeGreaterThan(0);
    expect(m.metrics.position_bias_rate!.value).toBeCloseTo(biased / ITEMS, 12);
    expect(m.multipleChoice!.positionBiasRate).toBeCloseTo(biased / ITEMS, 12);
    expect(m.metrics.accuracy!.value).toBeCloseTo(correct / (ITEMS * (1 + PERMUTATIONS)), 12);
    // intervals resample items: both metrics have one
    expect(m.metrics.accuracy!.ciLow).not.toBeNull();
    expect(m.metrics.position_bias_rate!.ciHigh).not.toBeNull();
    expect(results.evaluation.greaterIsBetter?.position_bias_rate).toBe(false);
  });

  it('compares the two models on the same prompts', () => {
    const [c] = results.comparisons;
    expect(c!.pairedItems).toBe(ITEMS * (1 + PERMUTATIONS));
    // an item's choice orders are no independent pairs: no McNemar over its rows, the
    // item-resampling bootstrap p of each metric is the test
    expect(c!.mcnemar).toBeNull();
    expect(c!.metrics.accuracy!.pValue).not.toBeNull();
    expect(c!.metrics.position_bias_rate!.difference).toBeGreaterThan(0);
  });

  it("names the choice order each wrong answer was asked in, in the data set's letters", () => {
    for (const m of results.models) {
      expect(m.wrongAnswers.length).toBeGreaterThan(0);
      for (const w of m.wrongAnswers) {
        const row = rows.find(
          (r) => r.model === m.name && r.id === w.id && r.promptHash === w.promptHash,
        )!;
        expect(w.permutation).toBe(row.permutation);
        const order = choiceOrders(4, PERMUTATIONS, SEED, w.id)[w.permutation!]!;
        expect(w.choiceOrder).toBe(order.map((o) => LETTERS[o]).join(' '));
      }
    }
    // the model that always answers A: its raw answer names the shown letter, `parsed` the
    // data set's letter of the choice shown first
    const first = results.models.find((x) => x.name === 'first')!;
    for (const w of first.wrongAnswers) expect(w.parsed).toBe(w.choiceOrder![0]);
    // an item the model cannot answer is sampled once per order, told apart by the order
    const unknown = results.models
      .find((x) => x.name === 'knows')!
      .wrongAnswers.filter((w) => w.id === `q${ITEMS - 1}`);
    expect(unknown.map((w) => w.permutation).sort()).toEqual([0, 1, 2]);
    const md = readFileSync(join(out(), 'report.md'), 'utf8');
    expect(md).toContain(
      "| item | shown order | expected (data set's letter) | parsed (data set's letter) | model output (shown letters) |",
    );
    const sample = first.wrongAnswers.find((w) => w.permutation! > 0)!;
    expect(md).toContain(`| ${sample.id} | ${sample.choiceOrder} (order ${sample.permutation}) |`);
    expect(readFileSync(join(out(), 'report.html'), 'utf8')).toContain('<th>shown order</th>');
  });

  it('says how often answers changed with the order in both reports', () => {
    expect(readFileSync(join(out(), 'report.md'), 'utf8')).toMatch(
      /first: each item asked in 3 choice orders \(the data set's included\), task\.permutations 2; \d+ of 12 compared items/,
    );
    expect(readFileSync(join(out(), 'report.html'), 'utf8')).toMatch(/position_bias_rate/);
  });
});

describe('multiple-choice answers read as choice text and numbers', () => {
  it('scores a model that names the choice text instead of a letter', async () => {
    const out = join(dir, 'text');
    const c = config(out, {
      task: { type: 'multiple-choice', extract: 'text' },
      models: [
        { name: 'says-text', provider: 'openai-chat', baseUrl: server.baseUrl, model: 'says-text' },
      ],
      thresholds: ['accuracy >= 0.9'],
    });
    const results = await runEvaluation(c);
    expect(results.models[0]!.metrics.accuracy!.value).toBeCloseTo((ITEMS - 1) / ITEMS, 12);
    expect(results.models[0]!.metrics.position_bias_rate).toBeUndefined();
    expect(results.models[0]!.multipleChoice).toEqual({
      permutations: 0,
      positionBiasRate: null,
      itemsCompared: 0,
      ordersPerItem: { min: 1, max: 1 },
    });
    expect(results.passed).toBe(true);
  }, 60_000);
});
