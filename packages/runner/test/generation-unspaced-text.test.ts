import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());

// the trial's cjk.jsonl: whole Chinese sentences, not short answers
const CHINESE = {
  references: [
    '我们于2024年发布新版本。',
    '东京是日本的首都。',
    '今天天气很好，我们去公园散步吧。',
    '机器翻译的质量正在提高。',
  ],
  outputs: [
    '我们在2024年发布了新版本。',
    '东京是日本首都。',
    '今天天气很好，我们去公园吧。',
    '机器翻译质量在不断提高。',
  ],
};
const METRICS = ['token_f1', 'bleu', 'chrf', 'rougeL'];

describe('text written without spaces between words (Chinese)', () => {
  test('one warning says so and points to --bleu-tokenize zh, not three more on the same cause', async () => {
    const report = await runner.scoreGenerations(CHINESE, { metrics: METRICS, bootstrap: 200 });
    expect(report.overall.bleu!.value).toBe(0);
    expect(report.overall.token_f1!.ci).toEqual([0, 0]);
    expect(report.warnings).toEqual([
      'Most of the text (82 of 82 letters) is Chinese, Japanese, Thai or another script written without spaces between words: token_f1, bleu (tokenizer 13a) and rougeL find words at spaces (ROUGE keeps only a-z and 0-9), so they cannot see the words of such text and score it near 0 whatever its quality. For BLEU pass --bleu-tokenize zh for Chinese or char for any such script, as sacrebleu is used on such text; chrf reads characters and needs no change.',
    ]);
  });

  test('an interval of no width on a metric the warning does not name is still warned of', async () => {
    const same = { references: CHINESE.references, outputs: CHINESE.references };
    const report = await runner.scoreGenerations(same, {
      metrics: ['token_f1', 'exact_match', 'chrf'],
      bootstrap: 200,
    });
    expect(report.warnings[0]).toMatch(/^Most of the text .*: token_f1 find/);
    expect(report.warnings[1]).toMatch(/^chrf 100\.0000 has a bootstrap interval of no width/);
    expect(report.warnings).toHaveLength(2);
  });

  test("with bleuTokenize 'zh' BLEU is sacrebleu's and only the space-split metrics are named", async () => {
    const report = await runner.scoreGenerations(CHINESE, { metrics: METRICS, bleuTokenize: 'zh' });
    // sacrebleu 2.6.0: BLEU(tokenize='zh').corpus_score on the same file, 59.92
    expect(report.overall.bleu!.value).toBeCloseTo(59.9156, 3);
    expect(report.warnings.some((w) => w.startsWith('bleu is 0'))).toBe(false);
    const unspaced = report.warnings.find((w) => w.startsWith('Most of the text'))!;
    expect(unspaced).toContain(': token_f1 and rougeL find words at spaces');
    expect(unspaced).not.toContain('--bleu-tokenize');
  });

  test('spaced scripts keep the advice to read bleu or token_f1, with no such warning', async () => {
    const report = await runner.scoreGenerations(
      { references: ['Кошка сидит на ковре'], outputs: ['Кошка сидит на ковре'] },
      { metrics: ['token_f1', 'rougeL'] },
    );
    expect(report.warnings.some((w) => w.startsWith('Most of the text'))).toBe(false);
    expect(report.warnings.join(' ')).toContain('read chrf, bleu, exact_match or token_f1');
  });
});
