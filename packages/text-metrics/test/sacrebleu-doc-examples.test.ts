import { describe, expect, it } from 'vitest';
import { docExamples, expectShown, instrumentExample } from '../../../test-support/doc-examples.js';
import * as textMetrics from '../src/index.js';

// The sacrebleu family's folders; other metric families check their own examples.
const FOLDERS = ['bleu/', 'chrf/', 'ter/', 'tokenizers/', 'sacrebleu/'];
const FAMILY = [
  'bleuStatistics',
  'chrfStatistics',
  'corpusBleu',
  'corpusBleuFromStatistics',
  'corpusChrf',
  'corpusChrfFromStatistics',
  'corpusTer',
  'corpusTerFromStatistics',
  'mergeBleuStatistics',
  'mergeChrfStatistics',
  'mergeTerStatistics',
  'sentenceBleu',
  'sentenceChrf',
  'sentenceTer',
  'terStatistics',
  'tokenize13a',
  'tokenizeChar',
  'tokenizeIntl',
  'tokenizeTercom',
  'tokenizeZh',
];

const examples = docExamples(new URL('../src/', import.meta.url)).filter((e) =>
  FOLDERS.some((folder) => e.where.startsWith(folder)),
);
const scope: Record<string, unknown> = { ...textMetrics };

describe('TSDoc examples of BLEU, chrF and TER', () => {
  it('every exported function of the family has an @example', () => {
    expect(examples.map((e) => e.documents).sort()).toEqual(FAMILY);
    for (const name of FAMILY) expect(typeof scope[name], name).toBe('function');
  });

  it.each(examples)('the @example of $documents ($where) runs and shows its values', (example) => {
    let checked = 0;
    const check = (actual: unknown, shown: string, where: string) => {
      checked++;
      expectShown(actual, shown, where);
    };
    const run = new Function(...Object.keys(scope), 'check', instrumentExample(example));
    run(...Object.values(scope), check);
    expect(checked).toBeGreaterThan(0);
  });
});
