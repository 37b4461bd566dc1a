import { createRunner, GENERATION_METRICS, parseNormalize } from '@assay/runner';
import {
  exactMatch,
  levenshteinSimilarity,
  type RougeType,
  rouge,
  squadExactMatch,
  squadF1,
} from '@assay/text-metrics';
import { afterAll, describe, expect, test } from 'vitest';
import { CORPORA } from './helpers/sacrebleu-corpora.js';

const runner = createRunner({ workers: 2 });

afterAll(async () => {
  await runner.close();
});

// every corpus of the sacrebleu fixtures (1 to 4 references, missing ones, empty texts, Unicode)
const outputs = CORPORA.flatMap((c) => c.hypotheses);
const references = CORPORA.flatMap((c) => c.references);
const present = references.map((refs) => refs.filter((r): r is string => r !== null));

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function expectClose(actual: number | null | undefined, expected: number, what: string) {
  expect(
    Math.abs((actual ?? Number.NaN) - expected),
    `${what}: ${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(1e-12);
}

// the characters of Python's str.isspace(), listed by python3 over every code point
const PYTHON_SPACE = new RegExp(
  `[${[
    [0x09, 0x0d],
    [0x1c, 0x20],
    [0x85, 0x85],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
  ]
    .map(([a, b]) => `\\u{${a!.toString(16)}}-\\u{${b!.toString(16)}}`)
    .join('')}]+`,
  'u',
);

/** SQuAD's token F1 on words split as Python's str.split(), written out plainly for the check. */
function rawTokenF1(prediction: string, reference: string): number {
  const p = prediction.split(PYTHON_SPACE).filter((w) => w !== '');
  const r = reference.split(PYTHON_SPACE).filter((w) => w !== '');
  const left = new Map<string, number>();
  for (const w of r) left.set(w, (left.get(w) ?? 0) + 1);
  let same = 0;
  for (const w of p) {
    if ((left.get(w) ?? 0) > 0) {
      same++;
      left.set(w, left.get(w)! - 1);
    }
  }
  if (same === 0) return 0;
  return (2 * (same / p.length) * (same / r.length)) / (same / p.length + same / r.length);
}

describe('per-row metrics are the means of the @assay/text-metrics functions', () => {
  test('default settings: SQuAD normalization, no stemmer', async () => {
    const report = await runner.scoreGenerations(
      { references, outputs },
      {
        metrics: GENERATION_METRICS.filter((m) => !['bleu', 'chrf', 'chrf_pp', 'ter'].includes(m)),
      },
    );
    expect(report.n).toBe(outputs.length);
    expect(report.settings.generation).toMatchObject({
      normalize: 'squad',
      stemmer: 'none',
      bleuTokenize: '13a',
    });
    const each = (f: (o: string, refs: string[]) => number) =>
      mean(outputs.map((o, i) => f(o, present[i]!)));
    expectClose(report.overall.exact_match?.value, each(squadExactMatch), 'exact_match');
    expectClose(report.overall.token_f1?.value, each(squadF1), 'token_f1');
    expectClose(
      report.overall.levenshtein_similarity?.value,
      each(levenshteinSimilarity),
      'levenshtein',
    );
    // ROUGE-N for every n that rouge-score has (1..9), ROUGE-L and ROUGE-Lsum
    const types = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `rouge${n}` as RougeType);
    for (const type of [...types, 'rougeL', 'rougeLsum'] as const) {
      expect(report.overall[type], type).toBeDefined();
      expectClose(
        report.overall[type]?.value,
        each((o, r) => rouge(o, r, { types: [type] })[type]!.fmeasure),
        type,
      );
    }
  });

  test('stemmer porter reaches ROUGE', async () => {
    const report = await runner.scoreGenerations(
      { references, outputs },
      { metrics: ['rouge1', 'rougeLsum'], stemmer: 'porter' },
    );
    for (const type of ['rouge1', 'rougeLsum'] as const) {
      const expected = mean(
        outputs.map((o, i) => rouge(o, present[i]!, { stemmer: 'porter' })[type].fmeasure),
      );
      expectClose(report.overall[type]?.value, expected, type);
    }
  });

  test('normalize none compares raw strings and raw whitespace tokens', async () => {
    const report = await runner.scoreGenerations(
      {
        references: ['Paris', 'the cat sat', ['x', 'Rome']],
        outputs: ['paris', 'The cat  sat', 'Rome'],
      },
      { metrics: ['exact_match', 'token_f1'], normalize: 'none' },
    );
    expect(report.overall.exact_match?.value).toBe(1 / 3);
    const f1 = (rawTokenF1('paris', 'Paris') + rawTokenF1('The cat  sat', 'the cat sat') + 1) / 3;
    expectClose(report.overall.token_f1?.value, f1, 'token_f1');
    expect(report.settings.generation?.normalize).toBe('none');

    const corpus = await runner.scoreGenerations(
      { references, outputs },
      { metrics: ['exact_match', 'token_f1'], normalize: 'none' },
    );
    expectClose(
      corpus.overall.exact_match?.value,
      mean(outputs.map((o, i) => (present[i]!.includes(o) ? 1 : 0))),
      'exact_match',
    );
    const bestF1 = outputs.map((o, i) => Math.max(...present[i]!.map((r) => rawTokenF1(o, r))));
    expectClose(corpus.overall.token_f1?.value, mean(bestF1), 'token_f1');
  });

  test('normalize none splits words where Python str.split() does', async () => {
    const report = await runner.scoreGenerations(
      { references: ['a b', 'a b'], outputs: ['a\u001fb', 'a\ufeffb'] },
      { metrics: ['token_f1'], normalize: 'none' },
    );
    // U+001F separates words in Python (not in JavaScript's \s); U+FEFF does not
    expect(report.overall.token_f1?.value).toBe(0.5);
  });

  test('lm-evaluation-harness options apply to exact match', async () => {
    const normalize = parseNormalize('ignore_case,ignore_punctuation');
    expect(normalize).toEqual({ ignoreCase: true, ignorePunctuation: true });
    const report = await runner.scoreGenerations(
      { references, outputs },
      { metrics: ['exact_match'], normalize },
    );
    const expected = mean(
      outputs.map((o, i) =>
        exactMatch(o, present[i]!, { ignoreCase: true, ignorePunctuation: true }),
      ),
    );
    expectClose(report.overall.exact_match?.value, expected, 'exact_match');
    expect(report.settings.generation?.normalize).toBe('ignore_case,ignore_punctuation');
  });

  test('several references take the best value per row', async () => {
    const report = await runner.scoreGenerations(
      { references: [['a cat', 'the dog barks']], outputs: ['the dog barks'] },
      { metrics: ['exact_match', 'token_f1', 'rougeL', 'levenshtein_similarity'] },
    );
    for (const metric of ['exact_match', 'token_f1', 'rougeL', 'levenshtein_similarity']) {
      expect(report.overall[metric]?.value, metric).toBe(1);
    }
  });

  test('an empty output is scored, not refused', async () => {
    const report = await runner.scoreGenerations(
      { references: ['the answer', ''], outputs: ['', ''] },
      { metrics: ['exact_match', 'token_f1', 'levenshtein_similarity', 'bleu'] },
    );
    // '' vs 'the answer': 0 everywhere; '' vs '': EM and similarity 1, token F1 0 (SQuAD v1.1)
    expect(report.overall.exact_match?.value).toBe(0.5);
    expect(report.overall.token_f1?.value).toBe(0);
    expect(report.overall.levenshtein_similarity?.value).toBe(0.5);
    expect(report.overall.bleu?.value).toBe(0);
  });

  test('levenshtein_similarity counts code points, not UTF-16 units', async () => {
    const report = await runner.scoreGenerations(
      { references: ['ok'], outputs: ['👍 ok'] },
      { metrics: ['levenshtein_similarity'] },
    );
    // 4 code points, 2 edits (UTF-16 would give 1 - 3/5)
    expect(report.overall.levenshtein_similarity?.value).toBe(0.5);
  });
});

describe('corpus BLEU of outputs too short for it', () => {
  test('is 0 as sacrebleu gives it, with a warning that names the missing n-gram orders', async () => {
    const short = await runner.scoreGenerations(
      { references: ['hello there', 'see you'], outputs: ['hello there', 'see you'] },
      { metrics: ['bleu', 'exact_match'] },
    );
    expect(short.overall.bleu?.value).toBe(0);
    expect(short.overall.exact_match?.value).toBe(1);
    expect(short.warnings).toContainEqual(
      expect.stringMatching(
        /^bleu is 0: the outputs hold no 3- or 4-grams \(every output is shorter than 3 tokens/,
      ),
    );
    const long = await runner.scoreGenerations(
      { references: ['the cat sat on the mat'], outputs: ['the cat sat on a mat'] },
      { metrics: ['bleu'] },
    );
    expect(long.warnings.join(' ')).not.toContain('bleu is 0');
    // without bleu among the metrics nothing is said about it
    const none = await runner.scoreGenerations(
      { references: ['hi'], outputs: ['hi'] },
      { metrics: ['exact_match'] },
    );
    expect(none.warnings.join(' ')).not.toContain('bleu');
  });
});

describe('ROUGE on text without ASCII letters or digits', () => {
  test('is 0 as rouge-score gives it, with a warning naming the rows and what to read instead', async () => {
    const report = await runner.scoreGenerations(
      {
        references: ['Привет, как дела', 'the cat sat', '今天天气很好'],
        outputs: ['Привет, как дела', 'the cat sat', '今天天气很好'],
      },
      { metrics: ['rougeL', 'chrf'] },
    );
    expect(report.overall.rougeL?.value).toBeCloseTo(1 / 3, 12);
    expect(report.overall.chrf?.value).toBe(100);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^rougeL is 0 on the 2 row\(s\) \(the first: data row 1\) whose output or a reference has text but no ASCII letter or digit: .* read chrf/,
      ),
    );
    const latin = await runner.scoreGenerations(
      { references: ['the cat sat'], outputs: ['a cat sat'] },
      { metrics: ['rougeL'] },
    );
    expect(latin.warnings.join(' ')).not.toContain('ASCII');
  });
});

describe('corpus BLEU of empty outputs', () => {
  test('says every output is empty instead of naming n-gram orders', async () => {
    const report = await runner.scoreGenerations(
      { references: ['the cat sat on the mat'], outputs: [''] },
      { metrics: ['bleu'] },
    );
    expect(report.overall.bleu?.value).toBe(0);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/^bleu is 0: every output is empty/),
    );
  });
});
