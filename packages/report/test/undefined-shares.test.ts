import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  type ModelResult,
  markdownReport,
  runVerdict,
  summaryTable,
} from '../src/index.js';
import { percentOf } from '../src/verdict/words.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/**
 * Every request for a spam item failed (the server died mid-run): no spam item and no spam
 * answer is in the confusion matrix, yet the runner's binary precision and recall divide
 * 0 by 0 as 0 (`zero_division=0`), with a bootstrap interval of [0, 0].
 */
function noSpamScored(): ModelResult {
  const nb = sampleModel('nb', {
    items: { total: 1000, scored: 500, correct: 480, wrong: 20, unparseable: 0, failed: 500 },
    metrics: { accuracy: metric(0.96, 0.94, 0.98) },
    confusion: {
      labels: ['spam', 'ham', 'unparseable'],
      matrix: [
        [0, 0, 0],
        [0, 480, 20],
      ],
    },
    positiveClass: {
      label: 'spam',
      precision: { ...metric(0, 0, 0), ciMethod: 'wilson' },
      recall: metric(0, 0, 0),
      falsePositiveRate: metric(0, 0, 0.0076),
    },
  });
  Object.assign(nb.service, { failed: 500, errorsByClass: { connection: 500 } });
  return nb;
}

const DATASET = {
  source: 'mail.jsonl',
  items: 1000,
  labels: { spam: 500, ham: 500 },
  groups: {},
};

describe('a share over no items', () => {
  test('is undefined in every report, though results.json holds 0', () => {
    const results = sampleResults([noSpamScored()], { dataset: DATASET });
    const md = markdownReport(results);
    expect(md).toContain(
      '| nb | precision | — | [—, —] | of the 0 items answered spam, an undefined share are spam |',
    );
    expect(md).toContain(
      '| nb | recall | — | [—, —] | of the 0 spam items, an undefined share were answered spam |',
    );
    // the negative class has items: its rate stands as scored
    expect(md).toContain(
      '| nb | false-positive rate | 0.000 | [0.000, 0.008] | of the 500 ham items, 0.0% were answered spam |',
    );
    expect(md).not.toMatch(/of the 0 [^|]*0\.0%/);
    expect(htmlReport(results)).toContain(
      '<td>recall</td><td class="num">—</td><td class="num">[—, —]</td><td>of the 0 spam items, an undefined share were answered spam</td>',
    );
    expect(summaryTable(results)).toContain(
      '  nb, positive class spam: precision — [—, —], recall — [—, —], false-positive rate 0.000 [0.000, 0.008]',
    );
  });

  test('gives no "misses 100%" risk but says the recall is undefined', () => {
    const risks = runVerdict(sampleResults([noSpamScored()], { dataset: DATASET })).risks;
    expect(risks.join(' ')).not.toMatch(/misses [\d.]+%/);
    expect(risks).toContain(
      'nb has no scored "spam" item, so its recall of "spam" is undefined: the run cannot tell how many "spam" items it misses.',
    );
  });

  test('a recall of 0 over spam items that were scored still reads as missing them all', () => {
    const nb = noSpamScored();
    nb.confusion = {
      labels: ['spam', 'ham', 'unparseable'],
      matrix: [
        [0, 40, 0],
        [0, 480, 20],
      ],
    };
    const results = sampleResults([nb], { dataset: DATASET });
    expect(runVerdict(results).risks).toContain(
      'nb misses 100.0% of the "spam" items (recall of "spam" 0.000).',
    );
    expect(markdownReport(results)).toContain(
      '| nb | recall | 0.000 | [0.000, 0.000] | of the 40 spam items, 0.0% were answered spam |',
    );
  });

  test('is a dash, not 0.0%, wherever a percentage of a count is written', () => {
    expect(percentOf(0, 0)).toBe('—');
    expect(percentOf(57, 1396)).toBe('4.1%');
  });
});
