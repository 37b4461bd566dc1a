import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  markdownReport,
  type RunResults,
  RunResultsSchema,
  summaryTable,
} from '../src/index.js';
import { generationResults, LONG_OUTPUT } from './support/generation-results.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/**
 * The cells of a GFM table row as a GFM renderer splits them: a backslash escapes the next
 * character, any other pipe is a cell border.
 */
function cells(row: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\') {
      current += c + (row[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.slice(1, -1).map((x) => x.trim());
}

/** Characters that would start markup, left unescaped by a backslash. */
function unescaped(text: string, chars: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (chars.includes(text[i]!)) found.push(text[i]!);
  }
  return found;
}

function section(md: string, from: string, to: string): string {
  const start = md.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = md.indexOf(to, start + from.length);
  return md.slice(start, end < 0 ? undefined : end);
}

describe('report.html of a generation run', () => {
  const html = htmlReport(generationResults());

  test('shows samples, extraction failures as empty answers, a histogram per metric', () => {
    expect(html).toContain('<h2>Generation</h2>');
    expect(html).toContain('3 samples per item, reduced by mean.');
    expect(html).toContain(
      '2 outputs matched no extraction rule and were scored as empty answers (&#39;&#39;).',
    );
    expect(html).toContain('aria-label="token_f1: subject-gen"');
    expect(html).toContain('aria-label="sentence BLEU: subject-gen"');
    expect(html).toContain('<title>0.75–1: 12</title>');
    expect(html).toContain('<h2>Scores</h2>');
    expect(html).not.toContain('no metrics are computed');
  });

  test('counts answers and extraction failures, not correct and wrong, and quotes the verdict metric on the card', () => {
    const items = html.slice(html.indexOf('<h2>Items</h2>'), html.indexOf('<h2>Generation</h2>'));
    expect(items).toContain('<th class="num">extraction failed</th>');
    expect(items).not.toContain('<th class="num">correct</th>');
    expect(items).toContain('scored as empty answers');
    expect(items).not.toContain('matching no label');
    const results = generationResults();
    const metric = results.thresholds[0]?.metric ?? results.evaluation.metrics[0]!;
    expect(html).toContain(`<div class="k">subject-gen · ${metric}</div>`);
  });

  test('shows the per-slice table with each metric, a missing value as a dash', () => {
    const table = html.slice(html.indexOf('<table class="generation-slices">'));
    expect(table).toMatch(
      /^<table class="generation-slices"><thead><tr><th>group<\/th><th class="num">answers<\/th><th class="num">token_f1<\/th><th class="num">bleu<\/th>/,
    );
    expect(table).toContain(
      '<td>list-b</td><td class="num">8</td><td class="num">0.877</td><td class="num">—</td>',
    );
    expect(table).toContain(
      '<td class="num">12</td><td class="num">0.432</td><td class="num">31.500</td>',
    );
  });

  test('shows the worst items in the given order with output, extraction and references', () => {
    const worst = html.slice(html.indexOf('<table class="worst-items">'));
    expect(worst.indexOf('mail-9')).toBeLessThan(worst.indexOf('mail-3'));
    expect(worst).toContain('fold 1 · sample 2');
    expect(worst).toContain('fold 1 is fold 0 in predictions.arrow.');
    // a run of one fold (method all) names no fold, in the HTML table or the Markdown one
    const oneFold = generationResults();
    const single = { ...oneFold, evaluation: { ...oneFold.evaluation, folds: 1, repeats: 1 } };
    const singleHtml = htmlReport(single);
    expect(singleHtml).not.toContain('fold 1 · ');
    expect(singleHtml).toContain('<span class="note">sample 2</span>');
    const md = markdownReport(single);
    expect(md).toContain(
      '| item | sample | score | model output | extracted answer | reference(s) |',
    );
    expect(md).not.toContain('| item | fold | sample |');
    expect(worst).toContain('<th>references</th>');
    expect(worst).toContain('<span class="fail">no match</span>');
    expect(worst).toContain('the extracted answer');
    expect(worst).toContain('second reference');
    expect(worst).toContain('token_f1 0.000<br><span class="note">sentence BLEU 1.250</span>');
    const omitted = Array.from(LONG_OUTPUT).length - 2000;
    expect(worst).toContain(`… (${omitted} more characters)`);
    expect(worst).not.toContain(' end</pre>');
  });

  test('escapes every hostile text: no markup from outputs, references, groups or reasons', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<a ');
    expect(html).toContain(
      'Subject: &lt;script&gt;window.__pwned = 1&lt;/script&gt; | `rm -rf` \\| **bold** [x](http://e.test)\nline two',
    );
    expect(html).toContain('Re: &lt;script&gt;');
    expect(html).toContain('<td>list-a &lt;script&gt;');
    expect(html).toContain('<td>no GRADE line: &lt;script&gt;');
  });

  test('shows the judge: settings, graded and unscored, grades, consistency, agreement', () => {
    const judge = html.slice(html.indexOf('<h2>Judge</h2>'));
    expect(judge).toContain(
      'closedqa grading by overlap-judge, temperature 0, seed 7, 2 grades per answer.',
    );
    expect(judge).toContain('<li>Grades: C 11, I 7.</li>');
    expect(judge).toContain('18 graded, 2 unscored (no GRADE line: &lt;script&gt;');
    expect(judge).toContain('unscored draws are left out of judge_score');
    expect(judge).toContain('Flip rate 0.150: the share of answers whose 2 grades disagree.');
    expect(judge).toContain('Swap inconsistency 0.050');
    expect(judge).toContain(
      '<li>Judge requests (whole run): 40: 30 sent this run, 6 resumed from the journal, 4 served from the cache; cost $0.0123.</li>',
    );
    expect(judge).toContain(
      'Cohen&#39;s kappa 0.654 (unweighted), 95% CI [0.301, 0.909], on 18 judge grades paired with the grade people gave their item (column human_grade).',
    );
    expect(judge).toContain(
      '<thead><tr><th>human ↓ · judge →</th><th class="num">C</th><th class="num">I</th></tr></thead><tbody><tr><th>C</th><td class="num"><strong>9</strong></td><td class="num">2</td></tr><tr><th>I</th><td class="num">1</td><td class="num"><strong>6</strong></td></tr>',
    );
  });
});

/** report.md of a generation run whose token_f1 histogram has the given counts. */
function bins(results: RunResults, counts: number[]): string {
  const g = results.models[0]!.generation!;
  g.histograms = { token_f1: { edges: counts.map((_, i) => i).concat(counts.length), counts } };
  return markdownReport(results);
}

describe('report.md of a generation run', () => {
  const md = markdownReport(generationResults());

  test('keeps every table row to its columns however hostile the text', () => {
    const worstRows = section(md, ': worst items', '\n\nTexts are cut')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(worstRows).toHaveLength(4);
    for (const row of worstRows) expect(cells(row)).toHaveLength(7);
    const sliceRows = section(md, ': by group', '####')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(sliceRows).toHaveLength(4);
    for (const row of sliceRows) expect(cells(row)).toHaveLength(4);
    const matrixRows = section(md, 'judge against people', '\n\n##')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(matrixRows.map(cells)).toEqual([
      ['human ↓ · judge →', 'C', 'I'],
      ['---', '---', '---'],
      ['C', '**9**', '2'],
      ['I', '1', '**6**'],
    ]);
  });

  test('escapes markup, code spans and line breaks in outputs and references', () => {
    expect(md).not.toMatch(/<script/i);
    const row = md.split('\n').find((l) => l.startsWith('| mail-9 |'))!;
    const [, , , , output, extracted, references] = cells(row);
    expect(output).toBe(
      'Subject: &lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt; \\| \\`rm -rf\\` \\\\\\| \\*\\*bold\\*\\* \\[x\\](http://e.test) ↵ line two',
    );
    expect(unescaped(output!, '`*_[]|<>')).toEqual([]);
    expect(extracted).toBe("**no match** (scored as '')");
    expect(references).toMatch(/^\(1\) Re: &lt;script&gt;.* \(2\) second reference$/);
    expect(unescaped(section(md, '## Generation', '## Service'), '`<>')).toEqual([]);
  });

  test('shows histograms as bins, the slices, the extraction failures and the cut texts', () => {
    expect(md).toContain(
      '3 samples per item, reduced by mean. **2 outputs matched no extraction rule',
    );
    expect(md).toContain(
      'token\\_f1 per answer (3 answers per item, each binned before the mean):',
    );
    expect(md).toContain('| from | to | answers | |');
    expect(md).not.toContain('| from | to | items | |');
    expect(md).toContain(`| 0.75 | 1.00 | 12 | ${'█'.repeat(20)} |`);
    expect(md).toContain('| 25.00 | 50.00 | 6 |');
    expect(bins(generationResults(), [1000, 1])).toContain('| 1 | █ |');
    expect(md).toContain('| list-b | 8 | 0.877 | — |');
    const omitted = Array.from(LONG_OUTPUT).length - 300;
    expect(md).toContain(`… (${omitted} more characters)`);
    expect(md).toContain('| mail-3 | 2 | 0 | token\\_f1 0.125 (sentence BLEU 3.500) |');
  });

  test('shows the judge block with kappa and its interval', () => {
    const judge = section(md, '## Judge', '## Service');
    expect(judge).toContain(
      'closedqa grading by overlap-judge, temperature 0, seed 7, 2 grades per answer.',
    );
    expect(judge).toContain('- Grades: C 11, I 7.');
    expect(judge).toContain('- Flip rate 0.150');
    expect(judge).toContain(
      '- Judge requests (whole run): 40: 30 sent this run, 6 resumed from the journal, 4 served from the cache; cost $0.0123.',
    );
    expect(judge).toContain("Cohen's kappa 0.654 (unweighted), 95% CI \\[0.301, 0.909\\]");
  });
});

describe('the terminal summary of a generation run', () => {
  test('says samples, extraction failures and the judge in short', () => {
    const text = summaryTable(generationResults());
    expect(text).toContain(
      '  subject-gen: 3 samples per item, reduced by mean; 2 extraction failure(s) scored as empty answers',
    );
    expect(text).toContain(
      '  subject-gen judge: closedqa by overlap-judge (temperature 0, seed 7); 18 graded, 2 unscored',
    );
    expect(text).toContain(
      'flip rate 0.150 (temperature 0: repeats measure no consistency); swap inconsistency 0.050; kappa vs human_grade 0.654 [0.301, 0.909] (95% CI, n=18)',
    );
    expect(text).toContain(
      '  subject-gen judge requests (whole run): 40: 30 sent this run, 6 resumed from the journal, 4 served from the cache; cost $0.0123',
    );
  });

  test('counts answers and extraction failures instead of correct and wrong', () => {
    const text = summaryTable(generationResults());
    const header = text.split('\n').find((l) => l.startsWith('model ') && l.includes('failed'))!;
    expect(header).toMatch(/answers +answered +no extraction +failed/);
    expect(header).not.toMatch(/items/);
    expect(header).not.toMatch(/correct|wrong/);
    expect(text).not.toContain('named no label');
  });

  test('quotes a generation metric in the verdict and names the extraction failures as a risk', () => {
    const text = summaryTable(generationResults());
    expect(text).toContain(
      '  subject-gen: token_f1 0.612 (95% confidence: between 0.550 and 0.670).',
    );
    expect(markdownReport(generationResults())).toContain(
      '2 output(s) of subject-gen matched no extraction rule and were scored as empty answers',
    );
  });
});

describe('metrics off the 0-1 scale', () => {
  const scaleNote = "bleu is a corpus score on sacrebleu's 0–100 scale, not 0–1.";

  test('are named with their scale under the metrics table in every format', () => {
    const r = generationResults();
    expect(summaryTable(r)).toContain(`  ${scaleNote}`);
    expect(markdownReport(r)).toContain(scaleNote);
    expect(htmlReport(r)).toContain(
      `<p class="note">bleu is a corpus score on sacrebleu&#39;s 0–100 scale, not 0–1.</p>`,
    );
  });

  test('chrF, chrF++ and TER are named too, TER as edits per 100 words', () => {
    const r = generationResults();
    const metrics = ['bleu', 'chrf', 'chrf_pp', 'ter', 'token_f1'];
    const model = r.models[0]!;
    const withAll = {
      ...r,
      evaluation: { ...r.evaluation, metrics },
      models: [
        {
          ...model,
          metrics: Object.fromEntries(metrics.map((n) => [n, model.metrics.bleu!])),
        },
      ],
    };
    const text = summaryTable(withAll);
    expect(text).toContain(
      "bleu, chrf, chrf_pp are corpus scores on sacrebleu's 0–100 scale, not 0–1. ter counts edits per 100 reference words (lower is better; it can exceed 100).",
    );
    expect(markdownReport(withAll)).toContain('chrf\\_pp are corpus scores');
  });

  test('are not mentioned where every metric runs from 0 to 1', () => {
    const plain = sampleResults([sampleModel('nb')]);
    for (const out of [summaryTable(plain), markdownReport(plain), htmlReport(plain)]) {
      expect(out).not.toContain('0–100');
    }
  });
});

describe('multiple-choice results', () => {
  test('give the position-bias rate in the terminal summary', () => {
    const mc = sampleResults(
      [
        sampleModel('mc', {
          multipleChoice: { permutations: 2, positionBiasRate: 0.125, itemsCompared: 16 },
        }),
      ],
      { task: { type: 'multiple-choice', labels: ['A', 'B', 'C', 'D'], positiveLabel: null } },
    );
    expect(summaryTable(mc)).toContain(
      '  mc: position-bias rate 12.5% (2 of 16 compared items changed their answer with the order of the choices)',
    );
  });

  test('say in the terminal summary when the position bias was not measured', () => {
    const once = sampleResults([
      sampleModel('mc', {
        multipleChoice: { permutations: 0, positionBiasRate: null, itemsCompared: 0 },
      }),
    ]);
    expect(summaryTable(once)).toContain(
      '  mc: position bias not measured (no item was asked in more than one choice order)',
    );
  });
});

describe('results without generation, judge or multiple-choice figures', () => {
  test('render none of their sections', () => {
    const plain = sampleResults([sampleModel('nb')]);
    const html = htmlReport(plain);
    const md = markdownReport(plain);
    const text = summaryTable(plain);
    for (const out of [html, md, text]) {
      expect(out).not.toMatch(/Generation|Judge|judge|position.bias|extraction|worst items/);
    }
  });

  test('a generation run without metrics still says its outputs are only stored', () => {
    const bare = sampleResults([sampleModel('gen', { metrics: {} })], {
      task: { type: 'generation', labels: [], positiveLabel: null },
    });
    const html = htmlReport(bare);
    expect(html).toContain(
      'Generation task: outputs are stored in predictions.arrow; no metrics are computed.',
    );
    expect(html).not.toContain('<h2>Scores</h2>');
    expect(html).not.toContain('<h2>Generation</h2>');
    expect(summaryTable(bare)).toContain(
      'gen: no task metric is reported; its answers are stored.',
    );
  });

  test('the schema reads the new fields and refuses an unknown judge mode', () => {
    const results = generationResults();
    expect(RunResultsSchema.parse(JSON.parse(JSON.stringify(results)))).toEqual(results);
    const bad = structuredClone(results) as unknown as { models: { judge: { mode: string } }[] };
    bad.models[0]!.judge.mode = 'vibes';
    expect(RunResultsSchema.safeParse(bad).success).toBe(false);
  });
});
