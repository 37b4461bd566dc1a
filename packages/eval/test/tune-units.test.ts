import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryDecisionMetric,
  type CandidateEvaluation,
  chooseWinner,
  countDecisions,
  type DatasetItem,
  EvaluationError,
  gridCandidates,
  halvingRungs,
  type NestedEstimate,
  nestedGap,
  type OuterFold,
  parseConfigPath,
  parseRunConfig,
  randomCandidates,
  setConfigPath,
  stratifiedOrder,
  survivorsOf,
  tuneSetup,
} from '../src/index.js';
import { degenerateIntervalNote } from '../src/tune/degenerate-interval-note.js';
import { costFactor } from '../src/tune/search-state.js';

function evaluation(
  candidate: number,
  value: number,
  half: number,
  tokensPerItem: number,
): CandidateEvaluation {
  return {
    candidate,
    rung: 0,
    items: 100,
    value,
    ciLow: value - half,
    ciHigh: value + half,
    folds: [value],
    requests: 100,
    sent: 100,
    cached: 0,
    resumed: 0,
    resumedPaid: 0,
    costUsd: null,
    sentCostUsd: null,
    tokensPerItem,
    p95LatencyMs: 10,
    constraintFailures: [],
    dir: '',
  };
}

const BASE = {
  name: 'units',
  dataset: { builtin: 'spam-assassin', limit: 20 },
  task: { type: 'classification', labels: ['spam', 'ham'] },
  prompt: { template: '{{text}}' },
  models: [{ name: 'nb', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }],
  evaluation: { method: 'all' },
};

async function refused(doc: unknown): Promise<EvaluationError> {
  const error = await tuneSetup(doc, process.cwd()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvaluationError);
  return error as EvaluationError;
}

describe('config paths', () => {
  it('parses keys and list indexes', () => {
    expect(parseConfigPath('models[0].params.temperature')).toEqual([
      'models',
      0,
      'params',
      'temperature',
    ]);
  });

  it('sets a value on a copy, creating missing objects', () => {
    const raw = { prompt: { template: 'x' } };
    const out = setConfigPath(raw, 'prompt.fewShot.count', 2);
    expect(out).toEqual({ prompt: { template: 'x', fewShot: { count: 2 } } });
    expect(raw).toEqual({ prompt: { template: 'x' } });
  });

  it('refuses a list entry the config does not have, naming the path', () => {
    expect(() => setConfigPath({ models: [{}] }, 'models[3].model', 'x')).toThrow(
      /models\[3\].*1 entry/,
    );
    expect(() => parseConfigPath('models..x')).toThrow(/not a config path/);
  });
});

describe('candidates and rungs', () => {
  it('enumerates the grid with the last path varying fastest', () => {
    const grid = gridCandidates({ a: [1, 2], b: ['x', 'y', 'z'] });
    expect(grid.map((c) => c.settings)).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
    expect(grid[4]!.valueIndex).toEqual({ a: 1, b: 1 });
  });

  it('draws distinct random candidates, the same for the same seed', () => {
    const grid = gridCandidates({ a: [1, 2, 3, 4, 5, 6, 7, 8] });
    const one = randomCandidates(grid, 3, 5).map((c) => c.index);
    expect(new Set(one).size).toBe(3);
    expect(randomCandidates(grid, 3, 5).map((c) => c.index)).toEqual(one);
  });

  it('grows rungs by eta up to every item and keeps the best 1/eta', () => {
    expect(halvingRungs(9, 900, 3, 30)).toEqual([100, 300, 900]);
    expect(halvingRungs(10, 240, 3, 20)).toEqual([27, 80, 240]);
    expect(halvingRungs(30, 90, 3, 30)).toEqual([30, 90]);
    expect(halvingRungs(1, 90, 3, 30)).toEqual([90]);
    expect(survivorsOf(10, 3)).toBe(4);
    expect(survivorsOf(2, 3)).toBe(1);
  });

  it('orders items so that every prefix holds each label in about its share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 200 }),
        fc.integer(),
        (labels, seed) => {
          const items = labels.map((label, i) => ({ id: `i${i}`, index: i, label }) as DatasetItem);
          const order = stratifiedOrder(items, seed);
          expect(new Set(order.map((it) => it.id)).size).toBe(items.length);
          for (const label of ['a', 'b', 'c']) {
            const share = labels.filter((l) => l === label).length / labels.length;
            let seen = 0;
            order.forEach((it, k) => {
              if (it.label === label) seen++;
              expect(Math.abs(seen - share * (k + 1))).toBeLessThanOrEqual(1 + 1e-9);
            });
          }
        },
      ),
    );
  });
});

describe('choosing the winner', () => {
  it('takes the best score when no cheaper candidate is within its interval', () => {
    const w = chooseWinner([evaluation(0, 0.9, 0.01, 100), evaluation(1, 0.8, 0.01, 10)], true);
    expect(w?.rule).toBe('best');
    expect(w?.evaluation.candidate).toBe(0);
  });

  it('prefers a cheaper candidate within one standard error of the best and says so (one-standard-error rule)', () => {
    // unpaired, the standard error is the best's own: its interval's width over 2 x 1.96
    const w = chooseWinner([evaluation(0, 0.9, 0.05, 100), evaluation(1, 0.88, 0.05, 10)], true);
    expect(w?.rule).toBe('one-standard-error');
    expect(w?.evaluation.candidate).toBe(1);
    expect(w?.standardError?.of).toBe('best-score');
    expect(w?.standardError?.value).toBeCloseTo(0.1 / (2 * 1.959964), 6);
    expect(w?.reason).toMatch(
      /c1 scores 0\.8800, 0\.0200 short of the best, c0 with 0\.9000: within one standard error \(0\.0255, of the best's score\)/,
    );
  });

  it('breaks a tie among the cheaper candidates by index, not by a latency the run order set', () => {
    // c4 ran first and paid the server's cold cache; c5, the same prompts, found them cached
    const c4 = { ...evaluation(4, 0.96, 0.03, 1000), p95LatencyMs: 82 };
    const c5 = { ...evaluation(5, 0.96, 0.03, 1000), p95LatencyMs: 22 };
    const w = chooseWinner([evaluation(6, 0.97, 0.03, 1332), c5, c4], true);
    expect(w?.rule).toBe('one-standard-error');
    expect(w?.evaluation.candidate).toBe(4);
    expect(w?.reason).toMatch(/; c5 scores and costs the same, and the lower index wins\.$/);
  });

  it('keeps the best when the cheaper candidate saves too little to matter', () => {
    const w = chooseWinner(
      [evaluation(0, 0.95, 0.05, 1386), evaluation(1, 0.89, 0.05, 1381)],
      true,
    );
    expect(w?.rule).toBe('best');
    expect(w?.evaluation.candidate).toBe(0);
  });

  it('breaks an exact tie for the best score by fewer tokens per item, in any list order, and says so', () => {
    // hyperband listed c7 first and chose it; halving listed c3 first
    const c3 = evaluation(3, 0.9583, 0.013, 1387);
    const c7 = evaluation(7, 0.9583, 0.013, 1398);
    for (const list of [
      [c7, c3],
      [c3, c7],
    ]) {
      const w = chooseWinner(list, true);
      expect(w?.evaluation.candidate).toBe(3);
      expect(w?.reason).toBe(
        'c3 has the best score, tied with c7; of those it uses the fewest tokens per item (1387).',
      );
    }
    const same = chooseWinner([{ ...c7, tokensPerItem: 1387 }, c3], true);
    expect(same?.evaluation.candidate).toBe(3);
    expect(same?.reason).toBe(
      'c3 has the best score, tied with c7; of those with the fewest tokens per item it has the lowest index.',
    );
  });

  it('ranks lower-better metrics downwards and skips candidates that miss a constraint', () => {
    const slow = {
      ...evaluation(0, 0.1, 0.01, 10),
      constraintFailures: ['p95_latency_ms <= 800 (900)'],
    };
    const w = chooseWinner(
      [slow, evaluation(1, 0.3, 0.01, 10), evaluation(2, 0.2, 0.01, 10)],
      false,
    );
    expect(w?.evaluation.candidate).toBe(2);
    expect(chooseWinner([slow], false)).toBeNull();
  });
});

describe('tune config checks', () => {
  it('asks for a search section', async () => {
    expect((await refused(BASE)).path).toBe('search');
  });

  it('refuses an empty list of values and an unknown strategy, naming the path', async () => {
    const empty = await refused({
      ...BASE,
      search: { space: { 'prompt.maxFieldChars': [] }, metric: 'accuracy' },
    });
    expect(empty.message).toContain('search.space');
    const strategy = await refused({
      ...BASE,
      search: { space: { 'prompt.maxFieldChars': [5] }, strategy: 'halving', metric: 'accuracy' },
    });
    expect(strategy.message).toMatch(/search\.strategy/);
  });

  it('refuses a metric the task does not have, naming search.metric', async () => {
    const e = await refused({
      ...BASE,
      search: { space: { 'prompt.maxFieldChars': [5] }, metric: 'f1_macr' },
    });
    expect(e.path).toBe('search.metric');
    expect(e.message).toContain('f1_macro');
    // named where the user wrote it, not as the evaluation.metrics[0] it was checked as
    expect(e.message).toMatch(
      /^search\.metric: 'f1_macr' cannot rank this task's candidates: unknown metric 'f1_macr'/,
    );
    expect(e.message).not.toContain('evaluation.metrics[0]');
  });

  it('accepts nested cross-validation, and refuses configs of several models', async () => {
    const zeroShot = await tuneSetup(
      {
        ...BASE,
        search: {
          space: { 'prompt.fewShot.count': [0, 2] },
          metric: 'accuracy',
          nested: { outer: 5, inner: 3 },
        },
      },
      process.cwd(),
    );
    expect(zeroShot.search.nested).toEqual({ outer: 5, inner: 3 });
    const two = await refused({
      ...BASE,
      models: [BASE.models[0], { ...BASE.models[0], name: 'b' }],
      search: { space: { 'prompt.maxFieldChars': [5] }, metric: 'accuracy' },
    });
    expect(two.path).toBe('models');
  });
});

describe('binary decision metrics for threshold tuning', () => {
  // values from scikit-learn 1.2 (accuracy_score, balanced_accuracy_score, f1_score,
  // precision_score, recall_score, matthews_corrcoef) on the same 20 decisions
  const actual = [...Array(10).fill(1), ...Array(10).fill(0)] as number[];
  const decided = [...Array(8).fill(1), 0, 0, 1, ...Array(9).fill(0)] as number[];
  const counts = countDecisions(actual, decided);

  it('counts decisions against the truth', () => {
    expect(counts).toEqual({ tp: 8, fp: 1, tn: 9, fn: 2 });
  });

  it.each([
    ['accuracy', 0.85],
    ['balanced_accuracy', 0.8500000000000001],
    ['f1', 0.8421052631578948],
    ['f1_macro', 0.849624060150376],
    ['precision', 0.8888888888888888],
    ['recall', 0.8],
    ['matthews_corrcoef', 0.7035264706814485],
  ] as const)('%s equals scikit-learn', (metric, expected) => {
    expect(binaryDecisionMetric(metric, counts)).toBeCloseTo(expected, 14);
  });

  it('gives 0 where scikit-learn divides by zero (zero_division=0), and 0.5 balanced accuracy for one class', () => {
    const none = countDecisions([0, 0, 0], [0, 0, 0]);
    expect(binaryDecisionMetric('f1', none)).toBe(0);
    expect(binaryDecisionMetric('precision', none)).toBe(0);
    expect(binaryDecisionMetric('matthews_corrcoef', none)).toBe(0);
    expect(binaryDecisionMetric('balanced_accuracy', countDecisions([0, 0, 1], [0, 0, 0]))).toBe(
      0.5,
    );
  });
});

describe('a holdout with a named test part (evaluation.testIds)', () => {
  it('is accepted with method holdout and refused with any other method, naming the path', () => {
    const ok = parseRunConfig({ ...BASE, evaluation: { method: 'holdout', testIds: ['a', 'b'] } });
    expect(ok.evaluation.testIds).toEqual(['a', 'b']);
    expect(() =>
      parseRunConfig({ ...BASE, evaluation: { method: 'stratified', testIds: ['a'] } }),
    ).toThrow(/evaluation\.testIds: testIds names the test part of method 'holdout'/);
  });
});

describe('nested cross-validation without every outer fold', () => {
  const fold = (f: number, winner: number | null, scored: boolean): OuterFold => ({
    fold: f,
    items: 10,
    winner,
    label: winner === null ? null : `c${winner}`,
    tuningValue: winner === null ? null : 0.9,
    test: scored ? ({ value: 0.9 } as OuterFold['test']) : null,
  });
  const nested = (folds: OuterFold[], outer = 3): NestedEstimate => ({
    outer,
    inner: 2,
    folds,
    estimate: null,
  });

  it('says which folds the pooled estimate would leave out, and why', () => {
    expect(nestedGap(nested([fold(0, 1, true), fold(1, 2, true), fold(2, 3, true)]))).toBeNull();
    expect(nestedGap(nested([fold(0, 1, true), fold(1, 2, true), fold(2, null, false)]))).toBe(
      'outer fold 2 chose no candidate that met every constraint',
    );
    expect(nestedGap(nested([fold(0, 1, true), fold(1, 2, false)], 4))).toBe(
      'outer fold 1 was not scored (the budget stopped the search); outer folds 2, 3 were not reached (the budget stopped the search)',
    );
  });
});

describe('the cost estimate of the next evaluation', () => {
  it('is scaled by what the evaluations so far cost against their estimates, never down', () => {
    expect(costFactor({ estimatedUsd: 0.1559, actualUsd: 0.2131 }, true)).toBeCloseTo(
      0.2131 / 0.1559,
      12,
    );
    // a ratio below the floor (candidates priced mostly by the output bound) keeps the floor
    expect(costFactor({ estimatedUsd: 0.2, actualUsd: 0.1 }, true)).toBeCloseTo(4 / 3, 12);
    expect(costFactor({ estimatedUsd: 0.2, actualUsd: 0.1 }, false)).toBe(1);
    // before any: characters / 4 is raised to characters / 3
    expect(costFactor({ estimatedUsd: 0, actualUsd: 0 }, true)).toBeCloseTo(4 / 3, 12);
    expect(costFactor({ estimatedUsd: 0, actualUsd: 0 }, false)).toBe(1);
  });
});

describe('a test score whose interval has no width', () => {
  it('says the bootstrap cannot show the uncertainty, and bounds the error by the rule of three', () => {
    const perfect = { ...evaluation(0, 1, 0, 10), items: 30 };
    expect(degenerateIntervalNote(perfect, 'accuracy')).toBe(
      'every bootstrap resample of the 30 items scored 1.0000, so the interval has no width and cannot show how sure the figure is: with no error among 30 items, the error rate is below 0.095 at 95% confidence (the rule of three, about 3/n), more items would narrow it.',
    );
    expect(degenerateIntervalNote(evaluation(0, 0.9, 0.03, 10), 'accuracy')).toBeNull();
    // recall or an error of exactly 1 is no count of items answered wrong: no bound is given
    expect(degenerateIntervalNote(perfect, 'roc_auc')).toBe(
      'every bootstrap resample of the 30 items scored 1.0000, so the interval has no width and cannot show how sure the figure is.',
    );
  });
});
