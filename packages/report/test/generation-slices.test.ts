import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport, type RunResults } from '../src/index.js';
import { generationResults } from './support/generation-results.js';

/** The generation results with two groups in `slices`, as a file from before `slices[].metric`. */
function oldFile(greaterIsBetter: Record<string, boolean> = {}): RunResults {
  const r = generationResults();
  const m = r.models[0]!;
  m.slices = [
    { group: 'list-b', n: 8, accuracy: null, errors: 1 },
    { group: 'list-a', n: 12, accuracy: null, errors: 0 },
  ];
  m.generation!.slices = [
    { group: 'list-a', n: 12, metrics: { token_f1: 0.4321, bleu: 31.5 } },
    { group: 'list-b', n: 8, metrics: { token_f1: 0.8771, bleu: null } },
  ];
  r.evaluation.greaterIsBetter = { ...r.evaluation.greaterIsBetter, ...greaterIsBetter };
  return r;
}

/** The same groups ranked and valued by the harness (`metric`, `value`, `metrics`). */
function newFile(): RunResults {
  const r = oldFile();
  r.models[0]!.slices = [
    {
      group: 'list-b',
      n: 8,
      accuracy: null,
      errors: 1,
      metric: 'ter',
      value: 80,
      metrics: { ter: 80, token_f1: 0.2 },
    },
    {
      group: 'list-a',
      n: 12,
      accuracy: null,
      errors: 0,
      metric: 'ter',
      value: 20,
      metrics: { ter: 20, token_f1: 0.9 },
    },
  ];
  return r;
}

function worstSlices(md: string): string {
  return md.slice(md.indexOf('## Worst slices (by group)')).split('\n')[2]!;
}

describe('report.md of a generation run', () => {
  test('counts answered, no extraction and failed, with no correct or wrong column', () => {
    const r = generationResults();
    r.models[0]!.items = {
      total: 20,
      scored: 18,
      correct: 0,
      wrong: 0,
      unparseable: 3,
      failed: 2,
      distinct: 20,
    };
    const md = markdownReport(r);
    expect(md).toContain('| model | total | distinct items | answered | no extraction | failed |');
    expect(md).toContain('| subject-gen | 20 | 20 | 15 | 3 | 2 |');
    expect(md).not.toContain('| correct | wrong |');
  });

  test('ranks the worst slices by the first scorer with its value, in a file from before the ranking', () => {
    expect(worstSlices(markdownReport(oldFile()))).toBe(
      '- **subject-gen**, by token_f1, worst first: list-a 0.432 (12 answers); list-b 0.877 (8 answers)',
    );
  });

  test('ranks a lower-better first scorer the other way in a file from before the ranking', () => {
    const r = oldFile({ token_f1: false });
    expect(worstSlices(markdownReport(r))).toContain(
      'list-b 0.877 (8 answers); list-a 0.432 (12 answers)',
    );
  });

  test("keeps the harness's order and value when the slices carry them", () => {
    expect(worstSlices(markdownReport(newFile()))).toBe(
      '- **subject-gen**, by ter, worst first: list-b 80.000 (8 answers); list-a 20.000 (12 answers)',
    );
  });

  test('numbers the worst samples from 0, as predictions.arrow does', () => {
    const md = markdownReport(generationResults());
    expect(md).toContain('| mail-9 | 1 | 2 |');
    expect(md).toContain('Samples are numbered from 0 (sample 0 is the first answer)');
  });
});

describe('report.html slices of a generation run', () => {
  test("shows each scorer's value instead of an accuracy column, worst group first", () => {
    const html = htmlReport(newFile());
    const table = html.slice(html.indexOf('<h3>subject-gen: worst slices</h3>'));
    expect(table).toContain('Ranked by ter, worst first.');
    expect(table).toContain(
      '<thead><tr><th>group</th><th class="num">answers</th><th class="num">ter</th><th class="num">token_f1</th><th class="num">failed</th></tr></thead>',
    );
    expect(table).not.toContain('<th class="num">accuracy</th>');
    expect(table.indexOf('<td>list-b</td>')).toBeLessThan(table.indexOf('<td>list-a</td>'));
    expect(table).toContain(
      '<td>list-b</td><td class="num">8</td><td class="num">80.000</td><td class="num">0.200</td><td class="num">1</td>',
    );
  });
});
