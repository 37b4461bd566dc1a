import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type JudgedModelResult,
  parseRunConfig,
  type RunConfig,
  RunJournal,
  runEvaluation,
} from '../src/index.js';
import { type LoopbackJudge, startLoopbackJudge } from './loopback-judge.js';
import { refusalOf } from './small-run.js';

/*
 * One-sentence e-mails: the extractive model writes the sentence back (cut to ten words), so
 * the lexical judge's grades are known. The human grades say what a person would: the same
 * words are correct, an unrelated subject is not, and a paraphrase with other words is
 * correct too (the overlap judge calls it incorrect: the judge's known weakness).
 */
const SAME = [
  'The RAID controller driver panics during boot',
  'Quarterly budget meeting moved to Thursday afternoon',
  'Server room air conditioning failed overnight again',
  'New parking permits available from reception desk',
  'Printer on third floor jams with glossy paper',
  'Security patch for mail gateway released today',
  'Team offsite planning survey closes next Monday',
  'Database backup job exceeded its nightly window',
];
const PARAPHRASE = [
  ['Our quarterly revenue figures were released this morning', 'Earnings report published'],
  ['The cafeteria will close early for deep cleaning', 'Canteen shuts sooner today'],
];
const UNRELATED = [
  'Kernel compile fails with missing header files',
  'Holiday schedule for the warehouse staff posted',
  'Firewall rules updated for the guest network',
  'Invoice numbering changed in the accounting system',
  'Elevator maintenance planned for Saturday morning hours',
  'Conference room projector needs a new lamp',
  'Laptop refresh program starts for engineering staff',
  'Phone system outage expected during the migration',
  'Recycling bins relocated to the loading dock',
  'Visitor badges must be returned at the exit',
];

let dir: string;
let writer: ModelServer;
let judgeServer: ModelServer;
let garbage: LoopbackJudge;
let mostlyGarbage: LoopbackJudge;
let longer: LoopbackJudge;
let positional: LoopbackJudge;

function dataFile(): string {
  const rows = [
    ...SAME.map((s) => ({ text: `${s}.`, reference: s, human_grade: 'C' })),
    ...PARAPHRASE.map(([s, r]) => ({ text: `${s}.`, reference: r, human_grade: 'c' })),
    ...UNRELATED.map((s) => ({
      text: `${s}.`,
      reference: 'Lunch menu for Friday',
      human_grade: 'I',
    })),
  ].map((r, i) => ({ id: `m${i}`, ...r }));
  const path = join(dir, 'subjects.jsonl');
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

function config(
  out: string,
  judgeUrl: string,
  judge: Record<string, unknown> = {},
  thresholds = ['judge_kappa >= 0.6', 'judge_score >= 0.3'],
  moreModels: Record<string, unknown>[] = [],
): RunConfig {
  return parseRunConfig({
    name: 'judged',
    dataset: { path: dataFile(), columns: { id: 'id', text: 'text', reference: 'reference' } },
    task: { type: 'generation', scorers: ['token_f1'] },
    prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
    models: [
      {
        name: 'writer',
        provider: 'openai-chat',
        baseUrl: writer.baseUrl,
        model: 'assay-subject-extractive',
        params: { temperature: 0 },
      },
      ...moreModels,
    ],
    judge: {
      client: {
        name: 'overlap',
        provider: 'openai-chat',
        baseUrl: judgeUrl,
        model: 'assay-overlap-judge',
        retry: { maxRetries: 0 },
        concurrency: { max: 2 },
      },
      mode: 'closedqa',
      repeats: 2,
      humanGrade: { column: 'human_grade' },
      ...judge,
    },
    evaluation: { bootstrap: 200 },
    output: { dir: out },
    thresholds,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-judge-'));
  writer = await startModelServer({ port: 0 });
  judgeServer = await startModelServer({ port: 0 });
  // a judge that answers nonsense to every other request and fails the rest
  garbage = await startLoopbackJudge((_user, call) =>
    call % 2 === 0 ? { status: 500 } : 'I like turtles. GRADE: maybe',
  );
  // one readable grade in three: judge_score would rest on a third of the answers
  mostlyGarbage = await startLoopbackJudge((_user, call) =>
    call % 3 === 0 ? 'Fine.\nGRADE: C' : 'I like turtles. GRADE: maybe',
  );
  // MT-Bench verdicts: the longer answer wins, or always the first position
  longer = await startLoopbackJudge((user) => {
    const a = /Assistant A's Answer\]\n([\s\S]*?)\n\[The End of Assistant A/.exec(user)![1]!;
    const b = /Assistant B's Answer\]\n([\s\S]*?)\n\[The End of Assistant B/.exec(user)![1]!;
    return `Comparing lengths. ${a.length > b.length ? '[[A]]' : a.length < b.length ? '[[B]]' : '[[C]]'}`;
  });
  positional = await startLoopbackJudge(() => 'The first answer is better. [[A]]');
});

afterAll(async () => {
  await writer?.close();
  await judgeServer?.close();
  await garbage?.close();
  await mostlyGarbage?.close();
  await longer?.close();
  await positional?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay run with an LLM judge (reference server assay-overlap-judge)', () => {
  it('gives a model the same judge intervals alone and listed after another model', async () => {
    const out = join(dir, 'judge-order');
    const other = {
      name: 'other',
      provider: 'openai-chat',
      baseUrl: writer.baseUrl,
      model: 'assay-subject-extractive',
      params: { temperature: 0 },
      prompt: { maxFieldChars: 25 },
    };
    const alone = await runEvaluation(config(out, judgeServer.baseUrl, {}, []));
    const both = config(out, judgeServer.baseUrl, {}, [], [other]);
    // the writer second: its judge intervals were seeded by its place (seed + 2000 + i)
    const second = await runEvaluation({ ...both, models: [...both.models].reverse() });
    expect(second.models.map((m) => m.name)).toEqual(['other', 'writer']);
    const figures = (r: typeof alone) => {
      const m = r.models.find((x) => x.name === 'writer')!;
      return { score: m.metrics.judge_score, kappa: m.metrics.judge_kappa };
    };
    expect(figures(alone).score!.ciLow).not.toBe(figures(alone).score!.value);
    expect(figures(second)).toEqual(figures(alone));
  }, 60_000);

  it('grades every answer r times, reports judge_score and the agreement with people', async () => {
    const out = join(dir, 'closedqa');
    const before = judgeServer.stats().completions;
    const results = await runEvaluation(config(out, judgeServer.baseUrl));
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    expect(judgeServer.stats().completions - before).toBe(2 * items);
    const model = results.models[0]! as JudgedModelResult;
    expect(model.judge).toMatchObject({
      client: 'overlap',
      mode: 'closedqa',
      temperature: 0,
      seed: 0,
      repeats: 2,
      graded: 2 * items,
      unscored: 0,
      unscoredReasons: [],
      grades: { I: 2 * (PARAPHRASE.length + UNRELATED.length), C: 2 * SAME.length },
      flipRate: 0,
    });
    const agreement = model.judge!.agreement!;
    expect(agreement).toMatchObject({
      column: 'human_grade',
      weights: 'none',
      n: 2 * items,
      labels: ['I', 'P', 'C'],
      // rows: human grade, columns: judge grade (each answer twice)
      matrix: [
        [2 * UNRELATED.length, 0, 0],
        [0, 0, 0],
        [2 * PARAPHRASE.length, 0, 2 * SAME.length],
      ],
    });
    // po = 18/20, pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5: kappa = 0.8
    expect(agreement.kappa).toBeCloseTo(0.8, 12);
    expect(agreement.ciLow!).toBeLessThanOrEqual(0.8);
    expect(agreement.ciHigh!).toBeGreaterThanOrEqual(0.8);
    expect(model.metrics.judge_kappa).toMatchObject({ value: agreement.kappa });
    expect(model.metrics.judge_score!.value).toBeCloseTo(SAME.length / items, 12);
    expect(model.metrics.judge_score!.ciLow!).toBeLessThan(model.metrics.judge_score!.value!);
    expect(results.thresholds.map((t) => [t.metric, t.passed])).toEqual([
      ['judge_kappa', true],
      ['judge_score', true],
    ]);
    expect(results.passed).toBe(true);
    const file = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      models: JudgedModelResult[];
    };
    expect(() => RunResultsSchema.parse(file)).not.toThrow();
    expect(file.models[0]!.judge).toEqual(model.judge);
    // a rerun resumes every grading request from the journal: nothing is paid twice
    const again = await runEvaluation(config(out, judgeServer.baseUrl));
    expect(judgeServer.stats().completions - before).toBe(2 * items);
    const { requests: first, ...grading } = model.judge!;
    const { requests: second, ...regraded } = (again.models[0]! as JudgedModelResult).judge!;
    expect(regraded).toEqual(grading);
    expect(first).toEqual({
      total: 2 * items,
      sentThisRun: 2 * items,
      cachedThisRun: 0,
      resumedFromJournal: 0,
      costUsd: null,
    });
    expect(second).toMatchObject({
      total: 2 * items,
      sentThisRun: 0,
      resumedFromJournal: 2 * items,
    });
  });

  it('a judge killed mid-run resumes without re-sending a finished grading request', async () => {
    const out = join(dir, 'killed');
    const controller = new AbortController();
    const c0 = judgeServer.stats().completions;
    const running = runEvaluation(config(out, judgeServer.baseUrl), {
      signal: controller.signal,
      onProgress: (progress) => {
        const judge = progress.find((p) => p.model === 'judge:overlap');
        if (judge !== undefined && judge.done >= 7) controller.abort();
      },
    });
    expect((await refusalOf(running)).code).toBe('INTERRUPTED');
    const journal = new RunJournal(join(out, 'journal.sqlite'));
    const journaled = journal.load('judge:overlap').size;
    journal.close();
    expect(journaled).toBeGreaterThanOrEqual(7);
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    expect(journaled).toBeLessThan(2 * items);
    const c1 = judgeServer.stats().completions;
    const resumed = await runEvaluation(config(out, judgeServer.baseUrl));
    expect(judgeServer.stats().completions - c1).toBe(2 * items - journaled);
    expect(c1 - c0).toBeGreaterThanOrEqual(journaled);
    expect((resumed.models[0]! as JudgedModelResult).judge!.graded).toBe(2 * items);
  });

  it('a gentle stop (drain) during judging starts no new grading request and journals those in flight', async () => {
    const out = join(dir, 'drained');
    const drain = new AbortController();
    const c0 = judgeServer.stats().completions;
    const running = runEvaluation(config(out, judgeServer.baseUrl), {
      drain: drain.signal,
      onProgress: (progress) => {
        const judge = progress.find((p) => p.model === 'judge:overlap');
        if (judge !== undefined && judge.done >= 5) drain.abort();
      },
    });
    expect((await refusalOf(running)).code).toBe('INTERRUPTED');
    const journal = new RunJournal(join(out, 'journal.sqlite'));
    const journaled = journal.load('judge:overlap').size;
    journal.close();
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    expect(journaled).toBeLessThan(2 * items);
    // every grading request the judge received was answered and journaled: none cut off
    expect(judgeServer.stats().completions - c0).toBe(journaled);
  });

  it('a judge that answers garbage or fails: unscored with the reason, the run goes on', async () => {
    const out = join(dir, 'garbage');
    const results = await runEvaluation(
      config(out, garbage.baseUrl, { repeats: 1, humanGrade: undefined }, ['judge_score >= 0.3']),
    );
    const model = results.models[0]! as JudgedModelResult;
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    expect(model.judge!.graded).toBe(0);
    expect(model.judge!.unscored).toBe(items);
    expect(model.judge!.unscoredReasons.map((r) => r.reason).sort()).toEqual([
      'judge request failed (http_status)',
      "no 'GRADE: C|P|I' on the last line",
    ]);
    expect(model.judge!.unscoredReasons.reduce((s, r) => s + r.count, 0)).toBe(items);
    expect(model.metrics.judge_score).toMatchObject({ value: null });
    // the generation scores are there: the judge failing does not stop the run
    expect(model.metrics.token_f1!.value).toBeGreaterThan(0);
    expect(results.thresholds.find((t) => t.metric === 'judge_score')!.passed).toBe(false);
    expect(model.notRepresentative).toContainEqual(
      expect.stringMatching(
        /^writer: the judge overlap left \d+ of \d+ grading draws unscored \(100\.0%\)/,
      ),
    );
  });

  it("grades in factuality mode (evals' fact prompt, choices A-E) with no answer unscored", async () => {
    const out = join(dir, 'factuality');
    const results = await runEvaluation(
      config(out, judgeServer.baseUrl, { mode: 'factuality', repeats: 1, humanGrade: undefined }, [
        'judge_score >= 0.3',
      ]),
    );
    const model = results.models[0]! as JudgedModelResult;
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    expect(model.judge!.unscored).toBe(0);
    expect(model.judge!.graded).toBe(items);
    // the overlap judge answers C (same details) or D (a disagreement): scores 1 and 0
    expect(Object.keys(model.judge!.grades).sort()).toEqual(['C', 'D']);
    expect(model.metrics.judge_score!.value).toBe(model.judge!.grades.C! / items);
    expect(model.notRepresentative ?? []).toEqual([]);
  });

  it('a judge that reads most answers unscored marks the model not representative', async () => {
    const out = join(dir, 'mostly-garbage');
    const results = await runEvaluation(
      config(out, mostlyGarbage.baseUrl, { repeats: 1, humanGrade: undefined }, [
        'judge_score >= 0.3',
      ]),
    );
    const model = results.models[0]! as JudgedModelResult;
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    const graded = Math.floor(items / 3);
    expect(model.judge!.graded).toBe(graded);
    // the gate holds on the third it read, but the figure does not stand for the model
    expect(model.metrics.judge_score!.value).toBe(1);
    expect(results.thresholds.find((t) => t.metric === 'judge_score')!.passed).toBe(true);
    expect(model.notRepresentative).toEqual([
      `writer: the judge overlap left ${items - graded} of ${items} grading draws unscored (${((100 * (items - graded)) / items).toFixed(1)}%), above evaluation.maxUnparseableFraction 0.5, so judge_score rests on ${graded}; most often: no 'GRADE: C|P|I' on the last line (${items - graded}); check the judge's mode, prompt and model`,
    ]);
  });

  it('a changed judge setting in the same output directory is refused before sending', async () => {
    const out = join(dir, 'identity');
    await runEvaluation(config(out, judgeServer.baseUrl, { repeats: 1 }));
    const before = judgeServer.stats().completions;
    const error = await refusalOf(
      runEvaluation(config(out, judgeServer.baseUrl, { repeats: 1, temperature: 0.5 })),
    );
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.path).toBe('judge.client.params.temperature');
    expect(error.message).toContain("model 'judge:overlap' (params.temperature 0 → 0.5)");
    expect(judgeServer.stats().completions).toBe(before);
  });
});

describe('pinned judge settings', () => {
  it('every grading request carries the judge temperature; repeat r the seed + r', async () => {
    const seen: { temperature: unknown; seed: unknown; user: string }[] = [];
    const recorder = await startLoopbackJudge((user, _call, body) => {
      seen.push({ temperature: body.temperature, seed: body.seed, user });
      return 'GRADE: C';
    });
    try {
      const results = await runEvaluation(
        config(
          join(dir, 'pinned'),
          recorder.baseUrl,
          { repeats: 3, seed: 40, temperature: 0.2, humanGrade: undefined },
          [],
        ),
      );
      const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
      expect(seen).toHaveLength(3 * items);
      expect(new Set(seen.map((s) => s.temperature))).toEqual(new Set([0.2]));
      const seeds = new Map<string, number[]>();
      for (const s of seen) seeds.set(s.user, [...(seeds.get(s.user) ?? []), s.seed as number]);
      for (const list of seeds.values()) expect(list.sort()).toEqual([40, 41, 42]);
      expect((results.models[0] as JudgedModelResult).judge).toMatchObject({
        temperature: 0.2,
        seed: 40,
        repeats: 3,
        flipRate: 0,
      });
    } finally {
      await recorder.close();
    }
  });
});

describe('the model the judge service says graded', () => {
  it('warns when an inline judge client is answered by another model (naming judge.client.model), not when the id matches, also when resumed', async () => {
    // the loopback judge says 'loopback-judge' answered; the config asks for the overlap judge
    const other = await startLoopbackJudge(() => 'GRADE: C');
    const items = SAME.length + PARAPHRASE.length + UNRELATED.length;
    const expected = `judge.client.model: asked for 'assay-overlap-judge', but the service says 'loopback-judge' graded (${items} of ${items} grades of judge 'overlap')`;
    try {
      const out = join(dir, 'judge-served');
      const settings = { repeats: 1, humanGrade: undefined };
      const results = await runEvaluation(config(out, other.baseUrl, settings, []));
      expect(results.warnings?.find((w) => w.startsWith('judge.client.model: '))).toContain(
        expected,
      );
      const again = await runEvaluation(config(out, other.baseUrl, settings, []));
      expect(other.calls()).toBe(items);
      expect(again.warnings?.find((w) => w.startsWith('judge.client.model: '))).toContain(expected);
      const right = await runEvaluation(
        config(join(dir, 'judge-served-right'), judgeServer.baseUrl, settings, []),
      );
      expect((right.models[0] as JudgedModelResult).judge!.graded).toBe(items);
      expect(right.warnings?.some((w) => w.startsWith('judge.client.model: '))).toBe(false);
    } finally {
      await other.close();
    }
  }, 60_000);
});

describe('pairwise judging (both orders)', () => {
  const short = {
    name: 'short',
    provider: 'openai-chat',
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'assay-subject-extractive',
    params: { temperature: 0, maxTokens: 2 },
  };
  // a third model outside the compared pair: not judged
  const bystander = { ...short, name: 'bystander' };
  const pairwise = (out: string, url: string): RunConfig => {
    const c = config(
      out,
      url,
      { mode: 'pairwise', humanGrade: undefined, repeats: 1, pair: ['writer', 'short'] },
      [],
      [short, bystander],
    );
    c.models[1]!.baseUrl = writer.baseUrl;
    c.models[2]!.baseUrl = writer.baseUrl;
    return c;
  };
  const items = SAME.length + PARAPHRASE.length + UNRELATED.length;

  it('a judge that prefers the better answer in both orders: wins and losses, no swap', async () => {
    const results = await runEvaluation(pairwise(join(dir, 'pair-longer'), longer.baseUrl));
    expect(longer.calls()).toBe(2 * items);
    const [full, cut] = results.models as JudgedModelResult[];
    expect(full!.judge).toMatchObject({
      mode: 'pairwise',
      graded: items,
      grades: { win: items },
      swapInconsistency: 0,
    });
    expect(cut!.judge).toMatchObject({ grades: { loss: items }, swapInconsistency: 0 });
    expect(full!.metrics.judge_score!.value).toBe(1);
    expect(cut!.metrics.judge_score!.value).toBe(0);
    const other = results.models[2] as JudgedModelResult;
    expect(other.judge).toBeUndefined();
    expect(other.metrics.judge_score).toMatchObject({
      value: null,
      reason: 'the pairwise judge compares two other models',
    });
  });

  it('a judge whose verdict follows the position: every pair a tie, swap inconsistency 1', async () => {
    const results = await runEvaluation(pairwise(join(dir, 'pair-position'), positional.baseUrl));
    const [full, cut] = results.models as JudgedModelResult[];
    expect(full!.judge).toMatchObject({ grades: { tie: items }, swapInconsistency: 1 });
    expect(full!.metrics.judge_score!.value).toBe(0.5);
    expect(cut!.metrics.judge_score!.value).toBe(0.5);
  });
});
