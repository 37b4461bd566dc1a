import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  markdownReport,
  type RunResults,
  RunResultsSchema,
  summaryTable,
} from '../src/index.js';
import { generationResults } from './support/generation-results.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/** The part of `text` from `start` up to `end` (or the end). */
function section(text: string, start: string, end?: string): string {
  const from = text.indexOf(start);
  expect(from).toBeGreaterThanOrEqual(0);
  const to = end === undefined ? -1 : text.indexOf(end, from + start.length);
  return to < 0 ? text.slice(from) : text.slice(from, to);
}

/** A generation run of `method: all`, 3 samples per item, groups of 12 items (36 answers). */
function sampledRun(): RunResults {
  const r = generationResults();
  r.evaluation = { ...r.evaluation, method: 'all', folds: 1, fewShot: [[]] };
  r.dataset = { ...r.dataset, items: 24, groups: { 'list-a': 12, 'list-b': 12 } };
  const m = r.models[0]!;
  m.items = {
    total: 72,
    scored: 72,
    correct: 0,
    wrong: 0,
    unparseable: 0,
    failed: 0,
    distinct: 24,
  };
  m.slices = [
    {
      group: 'list-a',
      n: 36,
      items: 12,
      accuracy: null,
      errors: 0,
      metric: 'token_f1',
      value: 0.4,
      metrics: { token_f1: 0.4 },
    },
    {
      group: 'list-b',
      n: 36,
      items: 12,
      accuracy: null,
      errors: 0,
      metric: 'token_f1',
      value: 0.8,
      metrics: { token_f1: 0.8 },
    },
  ];
  m.generation!.slices = [
    { group: 'list-a', n: 36, metrics: { token_f1: 0.4 } },
    { group: 'list-b', n: 36, metrics: { token_f1: 0.8 } },
  ];
  return RunResultsSchema.parse(r);
}

describe('a generation run with samples counts answers, not items', () => {
  test('says every item once with its samples in the verdict, headers and terminal title', () => {
    const r = sampledRun();
    const md = markdownReport(r);
    expect(md).toContain(
      'a generation task, by every item once, 3 samples each (reduced by mean), with 95% intervals',
    );
    expect(md).toContain(
      'Evaluation: every item once, 3 samples each (reduced by mean), 10 bootstrap resamples',
    );
    expect(md).not.toContain('every item scored once');
    expect(htmlReport(r)).toContain(
      '· 24 items · every item once, 3 samples each (reduced by mean) · 10 bootstrap resamples',
    );
    expect(summaryTable(r).split('\n')[0]).toBe(
      'sample: 24 items, every item once, 3 samples each (reduced by mean), 1 model',
    );
  });

  test('names the slice counts items (answers) in report.md and report.html', () => {
    const r = sampledRun();
    const md = markdownReport(r);
    const byGroup = section(md, '#### subject-gen: by group', '####');
    expect(byGroup).toContain('| group | items (answers) | token\\_f1 |');
    expect(byGroup).toContain('| list-a | 12 (36) | 0.400 |');
    expect(section(md, '## Worst slices')).toContain(
      'list-a 0.400 (12 items, 36 answers); list-b 0.800 (12 items, 36 answers)',
    );
    const html = htmlReport(r);
    expect(html).toContain(
      'Groups in the data set: list-a (12 items), list-b (12 items). The tables below count items and, in brackets, answers (each sample of an item is an answer).',
    );
    const worst = section(html, '<h3>subject-gen: worst slices</h3>', '</table>');
    expect(worst).toContain('<th>group</th><th class="num">items (answers)</th>');
    expect(worst).toContain('<td>list-a</td><td class="num">12 (36)</td>');
    const table = section(html, '<table class="generation-slices">', '</table>');
    expect(table).toContain('<th class="num">items (answers)</th>');
    expect(table).toContain('<td>list-b</td><td class="num">12 (36)</td>');
  });

  test("the terminal's service table says answers, not items", () => {
    const header = summaryTable(sampledRun())
      .split('\n')
      .find((l) => l.startsWith('model ') && l.includes('failed'))!;
    expect(header).toMatch(/^model +answers +answered +no extraction +failed/);
  });

  test('says the judge grades each answer and that repeats at temperature 0 measure nothing', () => {
    const r = sampledRun();
    const md = section(markdownReport(r), '## Judge', '## Service');
    expect(md).toContain('temperature 0, seed 7, 2 grades per answer.');
    expect(md).toContain(
      "- The judge's temperature is 0: its repeats ask the same prompt the same way and measure no consistency, so this flip rate is not a measured one (set the judge's temperature above 0 to measure it).",
    );
    expect(htmlReport(r)).toContain(
      '<li>The judge&#39;s temperature is 0: its repeats ask the same prompt the same way',
    );
    r.models[0]!.judge!.temperature = 0.7;
    expect(markdownReport(r)).not.toContain('measure no consistency');
    expect(summaryTable(r)).toContain('flip rate 0.150; swap');
  });
});

/** A multiple-choice run: two-choice items, `permutations: 5`, each item asked in 2 orders. */
function choiceRun(ordersPerItem?: { min: number; max: number }): RunResults {
  const m = sampleModel('mc-a', {
    items: {
      total: 80,
      scored: 80,
      correct: 69,
      wrong: 11,
      unparseable: 0,
      failed: 0,
      distinct: 40,
    },
    metrics: { accuracy: metric(0.86, 0.8, 0.92) },
    multipleChoice: {
      permutations: 5,
      positionBiasRate: 0.275,
      itemsCompared: 40,
      ...(ordersPerItem ? { ordersPerItem } : {}),
    },
    slices: [{ group: 'fruit', n: 40, items: 20, accuracy: 0.8, errors: 0 }],
  });
  return sampleResults([m], {
    dataset: { source: 'mc2.jsonl', items: 40, labels: {}, groups: { fruit: 20 } },
    task: { type: 'multiple-choice', labels: [], positiveLabel: null },
  });
}

describe('multiple-choice orders', () => {
  test('says how many orders were asked, from ordersPerItem, not permutations', () => {
    const note =
      "mc-a: each item asked in 2 choice orders (the data set's included): task.permutations 5 asked for 5 extra, more than the items' choices allow; 11 of 40 compared items (27.5%) changed their answer with the order.";
    const md = markdownReport(choiceRun({ min: 2, max: 2 }));
    expect(md).toContain(note);
    expect(md).not.toContain('5 extra choice orders per item');
    expect(htmlReport(choiceRun({ min: 2, max: 2 }))).toContain(note.replaceAll("'", '&#39;'));
  });

  test('a file without ordersPerItem says permutations is an upper bound', () => {
    expect(markdownReport(choiceRun())).toContain(
      'mc-a: up to 5 extra choice orders per item (task.permutations 5; fewer where the choices allow fewer);',
    );
  });

  test('slices count items and predictions over the orders', () => {
    const r = choiceRun({ min: 2, max: 2 });
    expect(section(markdownReport(r), '## Worst slices')).toContain(
      'fruit 0.800 (20 items, 40 predictions)',
    );
    expect(htmlReport(r)).toContain(
      '<th>group</th><th class="num">items (predictions)</th><th class="num">accuracy</th>',
    );
  });
});

/** A timeseries regression: 60 items, 45 tested, a group with rows without a number. */
function timeseriesRun(): RunResults {
  const m = sampleModel('reg-a', {
    items: {
      total: 45,
      scored: 45,
      correct: 0,
      wrong: 40,
      unparseable: 5,
      failed: 0,
      distinct: 45,
    },
    metrics: { mae: metric(8, 6, 10) },
    slices: [
      {
        group: 'east',
        n: 15,
        items: 15,
        accuracy: 0,
        errors: 0,
        meanAbsoluteError: 8.0357,
        withoutNumber: 2,
      },
    ],
  });
  return sampleResults([m], {
    dataset: { source: 'reg.jsonl', items: 60, tested: 45, labels: {}, groups: { east: 20 } },
    task: { type: 'regression', labels: [], positiveLabel: null },
    evaluation: {
      ...sampleResults([]).evaluation,
      method: 'timeseries',
      folds: 3,
      metrics: ['mae'],
      greaterIsBetter: { mae: false },
      fewShot: [[], [], []],
    },
  });
}

describe('items tested and regression slices', () => {
  test('headers say how many items were tested, not only the data set size', () => {
    const r = timeseriesRun();
    const md = markdownReport(r);
    expect(md).toContain('on 60 items of reg.jsonl (45 tested), a regression task');
    expect(md).toContain('Dataset **reg.jsonl**: 60 items, 45 tested. Evaluation: timeseries');
    expect(md).toContain('Only 45 items were tested (of 60 in the data set)');
    expect(md).not.toContain('Only 60 items were evaluated');
    expect(htmlReport(r)).toContain('reg.jsonl · 60 items, 45 tested · timeseries');
    expect(summaryTable(r).split('\n')[0]).toBe(
      'sample: 60 items, 45 tested, timeseries (3 folds), 1 model',
    );
  });

  test('a regression slice says how many rows had no number', () => {
    const r = timeseriesRun();
    expect(section(markdownReport(r), '## Worst slices')).toContain(
      'east mean absolute error 8.036 (15 items, 2 without a number)',
    );
    const html = section(htmlReport(r), '<h3>reg-a: worst slices</h3>');
    expect(html).toContain(
      '<th class="num">items</th><th class="num">mean absolute error</th><th class="num">no number</th><th class="num">failed</th>',
    );
    expect(html).toContain(
      '<td>east</td><td class="num">15</td><td class="num">8.036</td><td class="num">2</td><td class="num">0</td>',
    );
  });
});

describe('report.html on a phone', () => {
  test('puts the threshold result right after the threshold', () => {
    const r = timeseriesRun();
    r.thresholds = [
      { threshold: 'mae <= 5', model: 'reg-a', metric: 'mae', value: 8, passed: false },
    ];
    const html = htmlReport(RunResultsSchema.parse(r));
    expect(html).toContain(
      '<thead><tr><th>threshold</th><th>result</th><th>model</th><th class="num">value</th>',
    );
    expect(html).toMatch(/<td><code>mae &lt;= 5<\/code><\/td><td class="fail">FAIL/);
  });

  test('gives the Scores table a scroll hint and makes an empty TTFT chart a one-line note', () => {
    const r = timeseriesRun();
    const html = htmlReport(r);
    expect(html).toContain(
      '<p class="scroll-hint" aria-hidden="true">Wide table: scroll sideways for more columns →</p><div class="table-scroll"><table class="scores wide">',
    );
    expect(html).toContain(
      '<p class="note ttft-none">TTFT: no data for reg-a (non-streamed requests, or cached answers stored without timings).</p>',
    );
    expect(html).not.toContain('aria-label="TTFT: reg-a"');
    r.models[0]!.ttftSample = [120, 130, 150];
    const streamed = htmlReport(r);
    expect(streamed).toContain('aria-label="TTFT: reg-a"');
    expect(streamed).not.toContain('ttft-none');
  });

  test('keeps the worst-items table wide enough to scroll, not to overlap', () => {
    expect(htmlReport(sampledRun())).toContain(
      'table.worst-items{table-layout:fixed;min-width:860px}',
    );
  });
});
