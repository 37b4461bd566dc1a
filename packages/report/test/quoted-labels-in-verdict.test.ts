import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  type ModelResult,
  markdownReport,
  type RunResults,
  runVerdict,
  summaryTable,
} from '../src/index.js';
import { confusionFacts } from '../src/verdict/confusion-facts.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/** A mail filter whose labels are two words each: read bare, `junk mail answered as not junk`. */
function twoWordLabels(model: Partial<ModelResult>, labels: Record<string, number>): RunResults {
  const items = Object.values(labels).reduce((a, b) => a + b, 0);
  const nb = sampleModel('nb', {
    items: {
      total: items,
      scored: items,
      correct: items - 60,
      wrong: 60,
      unparseable: 0,
      failed: 0,
    },
    metrics: { accuracy: metric(0.97, 0.965, 0.975) },
    ...model,
  });
  return sampleResults([nb], {
    dataset: { source: 'mail.jsonl', items, labels, groups: {} },
    task: {
      type: 'classification',
      labels: Object.keys(labels),
      positiveLabel: Object.keys(labels)[0]!,
    },
  });
}

const COMMONEST =
  'None stands out; the commonest error of nb is "junk mail" answered as "not junk": 40 of 1,000 "junk mail" items (4.0%).';

describe('class labels in the verdict are quoted', () => {
  const r = twoWordLabels(
    {
      confusion: {
        labels: ['junk mail', 'not junk', 'unparseable'],
        matrix: [
          [960, 40, 0],
          [20, 980, 0],
        ],
      },
    },
    { 'junk mail': 1000, 'not junk': 1000 },
  );

  test('the commonest error names both labels quoted, in every report', () => {
    expect(summaryTable(r).split('\n')).toContain(`  Biggest risk: ${COMMONEST}`);
    expect(markdownReport(r)).toContain(`**Biggest risk:** ${COMMONEST}`);
    expect(htmlReport(r)).toContain(
      `<strong>Biggest risk:</strong> ${COMMONEST.replaceAll('"', '&quot;')}`,
    );
  });

  test('what was evaluated quotes the label counts', () => {
    expect(runVerdict(r).evaluated).toContain(
      'of mail.jsonl ("junk mail" 1,000, "not junk" 1,000)',
    );
  });

  test('an empty label and one ending in a no-break space are visible', () => {
    const odd = twoWordLabels(
      {
        confusion: {
          labels: ['spam\u00a0', '', 'unparseable'],
          matrix: [
            [60, 0, 0],
            [1, 0, 0],
          ],
        },
      },
      { 'spam\u00a0': 60, '': 1 },
    );
    const v = runVerdict(odd);
    expect(v.risks).toContain(
      'nb answered "spam\\u00a0" to every item it gave a label: its accuracy only reflects how common "spam\\u00a0" is (98.4% of the items).',
    );
    expect(v.risks).toContain(
      'The classes are imbalanced ("" 1.6% of the items, "spam\\u00a0" 98.4%): accuracy rewards answering the common class; read balanced accuracy and each class\'s recall.',
    );
  });

  test('the positive class is quoted in its recall', () => {
    const low = twoWordLabels(
      {
        positiveClass: {
          label: 'junk mail',
          precision: metric(0.9),
          recall: metric(0.7),
          falsePositiveRate: metric(0.01),
        },
      },
      { 'junk mail': 500, 'not junk': 1500 },
    );
    expect(markdownReport(low)).toContain(
      '**Biggest risk:** nb misses 30.0% of the "junk mail" items (recall of "junk mail" 0.700).',
    );
  });

  test('an unparseable answer is no label: it is not quoted as one', () => {
    const facts = confusionFacts({
      labels: ['spam', 'unparseable', 'unparseable'],
      matrix: [
        [8, 0, 2],
        [0, 9, 1],
      ],
    });
    // a task label spelt `unparseable` stays a label; the last column is the unparseable answers
    expect(facts?.largestError).toEqual({ truth: 'spam', answer: null, count: 2, of: 10 });
  });
});
