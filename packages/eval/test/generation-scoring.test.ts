import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveScorers } from '../src/config/generation-scorers.js';
import { reduceSamples } from '../src/generation/sample-units.js';
import {
  answerExtractor,
  EvaluationError,
  loadFileDataset,
  meanSummary,
  parseRunConfig,
} from '../src/index.js';
import { generationRow } from './support/generation-row.js';

const regex = (pattern: string, more: Record<string, unknown> = {}) => ({
  regex: pattern,
  flags: '',
  group: 1,
  select: 'first' as const,
  ...more,
});

describe('answer extraction chain', () => {
  it('takes the named group of the first match, or of the last with select last', () => {
    expect(answerExtractor([regex('Subject:\\s*(.+)')])('x\nSubject: Cheap meds\nSubject: B')).toBe(
      'Cheap meds',
    );
    expect(
      answerExtractor([regex('Subject:\\s*(.+)', { select: 'last' })])('Subject: A\nSubject: B'),
    ).toBe('B');
    expect(answerExtractor([regex('(\\d+)-(\\d+)', { group: 2 })])('pages 10-12')).toBe('12');
  });

  it('falls through to the next step, uses a fallback, and fails when nothing matches', () => {
    const chain = answerExtractor([regex('Subject:\\s*(.+)'), 'last-answer-line']);
    expect(chain('thinking...\nANSWER: Meeting at noon\nanswer: final one')).toBe('final one');
    expect(chain('no marker at all')).toBeNull();
    expect(answerExtractor([regex('Subject:\\s*(.+)', { fallback: '[invalid]' })])('none')).toBe(
      '[invalid]',
    );
  });

  it('take-first keeps the first non-empty line; no step keeps the raw answer', () => {
    expect(answerExtractor(['take-first'])('\n\n  First line  \nsecond')).toBe('First line');
    expect(answerExtractor(['take-first'])('   ')).toBeNull();
    expect(answerExtractor([])(' raw ')).toBe(' raw ');
    expect(answerExtractor([{ answerLine: 'Final:' }])('Final: 42')).toBe('42');
  });
});

const row = generationRow;

describe('sample reducers', () => {
  const rows = [row('a', 0, 'x'), row('a', 1, 'y'), row('a', 2, 'y'), row('b', 0, 'z')];
  const values = new Map([
    ['exact_match', Float64Array.of(0, 1, 1, 0)],
    ['token_f1', Float64Array.of(0.2, 0.9, 0.5, 0.1)],
    ['bleu', Float64Array.of(10, 20, 30, 40)],
  ]);
  const scorers = resolveScorers(['exact_match', 'token_f1', 'bleu']);

  it('mean keeps every answer as a unit, clustered by item', () => {
    const u = reduceSamples(rows, values, scorers, 'mean', 3);
    expect(u.units.map((x) => x.cluster)).toEqual([0, 0, 0, 1]);
    expect(u.onPool).toBe(true);
  });

  it('majority keeps the most frequent extracted answer of each item, ties to the first seen', () => {
    const u = reduceSamples(rows, values, scorers, 'majority', 3);
    expect(u.units.map((x) => x.row.parsed)).toEqual(['y', 'z']);
    expect([...u.values.get('token_f1')!]).toEqual([0.9, 0.1]);
    const tie = reduceSamples([row('a', 0, 'p'), row('a', 1, 'q')], values, scorers, 'majority', 2);
    expect(tie.units[0]!.row.parsed).toBe('p');
  });

  it('max takes the best sample per scorer and leaves corpus metrics out with a reason', () => {
    const u = reduceSamples(rows, values, scorers, 'max', 3);
    expect([...u.values.get('token_f1')!]).toEqual([0.9, 0.1]);
    expect([...u.values.get('exact_match')!]).toEqual([1, 0]);
    expect(u.unavailable.get('bleu')).toMatch(/corpus metric/);
  });

  it('pass@k is the unbiased estimator on 0/1 scorers and refuses the others', () => {
    const u = reduceSamples(rows, values, scorers, 'pass@2', 3);
    // item a: n = 3, c = 2, k = 2 gives 1 - C(1,2)/C(3,2) = 1; item b: n = 1 < k, undefined
    expect(u.values.get('exact_match')![0]).toBe(1);
    expect(Number.isNaN(u.values.get('exact_match')![1]!)).toBe(true);
    expect(u.unavailable.get('token_f1')).toMatch(/not a 0\/1 scorer/);
    const one = reduceSamples(rows, values, scorers, 'pass@1', 3);
    expect(one.values.get('exact_match')![0]).toBeCloseTo(2 / 3, 12);
  });
});

describe('meanSummary', () => {
  const options = { folds: 1, bootstrap: 200, ci: 0.95, seed: 3 };

  it('gives the mean and an interval around it', () => {
    const values = Float64Array.from({ length: 50 }, (_, i) => i % 3);
    const s = meanSummary(values, new Int32Array(50), Int32Array.from(values.keys()), options);
    expect(s.value).toBeCloseTo(49 / 50, 12);
    expect(s.ciLow!).toBeLessThan(s.value!);
    expect(s.ciHigh!).toBeGreaterThan(s.value!);
  });

  it('items repeated r times with identical values give exactly the unrepeated interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 2, max: 4 }),
        (xs, r) => {
          const once = meanSummary(
            Float64Array.from(xs),
            new Int32Array(xs.length),
            Int32Array.from(xs.keys()),
            options,
          );
          const repeated = meanSummary(
            Float64Array.from(xs.flatMap((x) => new Array<number>(r).fill(x))),
            new Int32Array(xs.length * r),
            Int32Array.from(xs.flatMap((_, i) => new Array<number>(r).fill(i))),
            options,
          );
          expect(repeated.ciLow).toBeCloseTo(once.ciLow!, 12);
          expect(repeated.ciHigh).toBeCloseTo(once.ciHigh!, 12);
        },
      ),
      { numRuns: 30 },
    );
  });
});

function issuesOf(task: Record<string, unknown>): string[] {
  try {
    parseRunConfig({
      dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
      task: { type: 'generation', ...task },
      prompt: { template: 'Write a subject:\n\n{{text}}' },
      models: [
        { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
      ],
    });
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('generation task configuration errors', () => {
  it('names an unknown scorer with the list and a suggestion', () => {
    const [issue] = issuesOf({ scorers: ['bleu', 'rouge_l'] });
    expect(issue).toMatch(/^task\.scorers\[1\]: unknown scorer 'rouge_l'/);
    expect(issue).toMatch(/rougeL/);
  });

  it('accepts no threshold on an unknown scorer and lists each valid metric once', () => {
    let issues: string[] = [];
    try {
      parseRunConfig({
        dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
        task: { type: 'generation', scorers: ['bleu', 'chrff', 'bleu'] },
        prompt: { template: 'Write a subject:\n\n{{text}}' },
        models: [
          { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
        ],
        thresholds: ['chrff >= 0.1'],
      });
    } catch (error) {
      issues = (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    const threshold = issues.find((i) => i.startsWith('thresholds[0]'));
    expect(threshold).toMatch(/unknown metric 'chrff'/);
    expect(threshold).toMatch(/a task metric \(bleu, judge_score\)|a task metric \(bleu\)/);
  });

  it('refuses an invalid regex, a missing group and a pattern without value', () => {
    expect(issuesOf({ extract: [{ regex: '(unclosed' }] })[0]).toMatch(
      /^task\.extract\[0\]\.regex: not a valid regular expression/,
    );
    expect(issuesOf({ extract: [{ regex: 'a(b)', group: 2 }] })[0]).toMatch(
      /group 2 does not exist: the pattern has 1 capture group/,
    );
    expect(issuesOf({ scorers: [{ metric: 'pattern' }] })[0]).toMatch(
      /^task\.scorers\[0\]\.value: scorer 'pattern' needs a value/,
    );
  });

  it('refuses pass@k above the samples, a reducer without samples and duplicate names', () => {
    expect(issuesOf({ samples: 3, reducer: 'pass@5' })[0]).toMatch(
      /^task\.reducer: pass@5 needs at least 5 samples/,
    );
    expect(issuesOf({ reducer: 'max' })[0]).toMatch(/set task\.samples above 1/);
    expect(issuesOf({ scorers: ['bleu', 'bleu'] })[0]).toMatch(
      /give one of them a distinct 'name'/,
    );
  });

  it('accepts thresholds and metrics on the scorer names', () => {
    const config = parseRunConfig({
      dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
      task: {
        type: 'generation',
        scorers: ['bleu', { metric: 'rougeL', name: 'rl', stemmer: 'porter' }],
      },
      prompt: { template: 'Write a subject:\n\n{{text}}' },
      models: [
        { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
      ],
      thresholds: ['rl >= 0.1', 'bleu >= 1'],
    });
    expect(config.thresholds).toEqual(['rl >= 0.1', 'bleu >= 1']);
  });
});

/** Loads rows from a JSONL file with column `ref` as the references. */
async function load(rows: unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'assay-refs-'));
  try {
    const path = join(dir, 'rows.jsonl');
    writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
    return await loadFileDataset(path, { columns: { reference: 'ref' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('references in a data file', () => {
  it('reads a string or an array of strings as the references', async () => {
    const items = await load([
      { id: 'a', text: 'x', ref: 'one' },
      { id: 'b', text: 'y', ref: ['two', 'deux'] },
    ]);
    expect(items[0]!.reference).toBe('one');
    expect(items[1]!.references).toEqual(['two', 'deux']);
  });

  it('refuses a reference that is neither, naming the row and what is valid', async () => {
    for (const ref of [{ a: 1 }, [1, 2], [], null]) {
      const error = await load([
        { id: 'a', text: 'x', ref: 'ok' },
        { id: 'b', text: 'y', ref },
      ]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EvaluationError);
      expect((error as EvaluationError).message).toMatch(
        /^Data row 2 of .* in the reference column 'ref' \(dataset\.columns\.reference\); expected a string or a non-empty array of strings\.$/,
      );
    }
  });
});

describe('references that are numbers or booleans', () => {
  it('are refused as assay score refuses them, naming the row, the column and the string to write', async () => {
    for (const [ref, shown] of [
      [5, 'the number 5'],
      [true, 'the boolean true'],
    ] as const) {
      const error = await load([
        { id: 'a', text: 'x', ref: 'ok' },
        { id: 'b', text: 'y', ref },
      ]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EvaluationError);
      expect((error as EvaluationError).message).toMatch(
        new RegExp(
          `^Data row 2 of .* has ${shown} in the reference column 'ref' \\(dataset\\.columns\\.reference\\); expected a string or a non-empty array of strings \\(write it as the string "${String(ref)}" if that text is the reference\\)\\.$`,
        ),
      );
    }
  });

  it('names an object or a mixed array with "an"', async () => {
    for (const [ref, shown] of [
      [{ k: 1 }, 'has an object in'],
      [['p', 7], 'has an array holding a non-string in'],
    ] as const) {
      const error = await load([{ id: 'a', text: 'x', ref }]).catch((e: unknown) => e);
      expect((error as EvaluationError).message).toContain(shown);
    }
  });
});

describe('the generation results section', () => {
  it('lists the worst answers on the first scorer, ties broken by the next, with a histogram each', async () => {
    const { generationSection } = await import('../src/generation/generation-section.js');
    const rows = [row('a', 0, 'x'), row('b', 0, 'y'), row('c', 0, 'z'), row('d', 0, null)];
    const values = new Map([
      ['bleu', Float64Array.of(0, 0, 50, 0)],
      ['token_f1', Float64Array.of(0.5, 0.2, 0.9, 0)],
    ]);
    const scorers = resolveScorers(['bleu', 'token_f1']);
    const units = reduceSamples(rows, values, scorers, 'mean', 1);
    const section = generationSection(
      { metrics: {}, units, extractionFailures: 1, slices: new Map(), warnings: [] },
      { scorers, reducer: 'mean', samples: 1 },
      3,
    );
    expect(section.worstItems.map((w) => w.id)).toEqual(['d', 'b', 'a']);
    expect(section.worstItems[0]!.extracted).toBeNull();
    expect(section.extractionFailures).toBe(1);
    expect(section.histograms.bleu!.edges).toHaveLength(11);
    expect(section.histograms.bleu!.edges.at(-1)).toBe(100);
    expect(section.histograms.token_f1!.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });
});
