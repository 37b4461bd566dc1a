import { describe, expect, test } from 'vitest';
import { SHOWN_ORDER_NOTE } from '../src/format/shown-choice-order.js';
import { htmlReport, markdownReport, RunResultsSchema } from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/** One item answered wrong in two choice orders: the model said A both times. */
function choiceRun() {
  const model = sampleModel('mc', {
    items: { total: 6, scored: 6, correct: 4, wrong: 2, unparseable: 0, failed: 0 },
    wrongAnswers: [
      {
        id: 'q3',
        fold: 0,
        expected: 'B',
        answer: 'Answer: A',
        parsed: 'A',
        input: 'Which colour is grass?',
        permutation: 0,
        choiceOrder: 'A B C D',
      },
      {
        id: 'q3',
        fold: 0,
        expected: 'B',
        answer: 'Answer: A',
        parsed: 'C',
        input: 'Which colour is grass?',
        permutation: 2,
        choiceOrder: 'C A D B',
      },
    ],
  });
  return sampleResults([model], {
    dataset: { source: 'mc.jsonl', items: 3, labels: {}, groups: {} },
    task: { type: 'multiple-choice', labels: [], positiveLabel: null },
  });
}

/** A classification run with one wrong answer, which has no choice order. */
function classificationRun() {
  return sampleResults([
    sampleModel('nb', {
      wrongAnswers: [
        { id: 'm', fold: 0, expected: 'spam', answer: 'ham', parsed: 'ham', input: 'Subject: hi' },
      ],
    }),
  ]);
}

describe('multiple-choice wrong answers name the choice order they were asked in', () => {
  test('report.md: a shown-order column, letter headings and a note', () => {
    const md = markdownReport(choiceRun());
    expect(md).toContain(
      "| item | fold | shown order | expected (data set's letter) | parsed (data set's letter) | model output (shown letters) | input (start) |",
    );
    expect(md).toContain('|---|---|---|---|---|---|---|');
    // the same item twice, told apart by its order
    expect(md).toContain(
      "| q3 | 1 | A B C D (data set's order) | B | A | Answer: A | Which colour is grass? |",
    );
    expect(md).toContain(
      '| q3 | 1 | C A D B (order 2) | B | C | Answer: A | Which colour is grass? |',
    );
    expect(md).toContain(SHOWN_ORDER_NOTE);
  });

  test('report.html: the same column and note', () => {
    const html = htmlReport(choiceRun());
    expect(html).toContain(
      "<th>item</th><th>shown order</th><th>expected (data set's letter)</th><th>parsed (data set's letter)</th><th>model output (shown letters)</th>",
    );
    expect(html).toContain('<td>C A D B (order 2)</td><td>B</td><td>C</td>');
    expect(html).toContain('Shown order: the data set&#39;s letters of the choices');
  });

  test('a classification run has no shown-order column or note', () => {
    const md = markdownReport(classificationRun());
    expect(md).toContain('| item | fold | expected | parsed | model output | input (start) |');
    expect(md).not.toContain('shown order');
    expect(md).not.toContain(SHOWN_ORDER_NOTE);
    const html = htmlReport(classificationRun());
    expect(html).toContain('<th>item</th><th>expected</th><th>parsed</th><th>model output</th>');
    expect(html).not.toMatch(/shown order/i);
  });

  test('results.json files written before choice orders were kept still validate', () => {
    const run = choiceRun();
    const old = {
      ...run,
      models: run.models.map((m) => ({
        ...m,
        wrongAnswers: m.wrongAnswers.map(({ permutation, choiceOrder, ...w }) => w),
      })),
    };
    const parsed = RunResultsSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed.models[0]!.wrongAnswers[0]).not.toHaveProperty('choiceOrder');
    expect(markdownReport(parsed)).not.toContain('shown order');
  });
});
