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
  test('the warnings say so and point to --bleu-tokenize zh, not to token_f1 or rouge1', async () => {
    const report = await runner.scoreGenerations(CHINESE, { metrics: METRICS });
    expect(report.overall.bleu!.value).toBe(0);
    const unspaced = report.warnings.find((w) => w.startsWith('Most of the text'));
    expect(unspaced).toBe(
      'Most of the text (82 of 82 letters) is Chinese, Japanese, Thai or another script written without spaces between words: token_f1, bleu (tokenizer 13a) and rougeL find words at spaces (ROUGE keeps only a-z and 0-9), so they cannot see the words of such text and score it near 0 whatever its quality. For BLEU pass --bleu-tokenize zh for Chinese or char for any such script, as sacrebleu is used on such text; chrf reads characters and needs no change.',
    );
    const bleu = report.warnings.find((w) => w.startsWith('bleu is 0'))!;
    expect(bleu).toContain('written without spaces between words');
    expect(bleu).toContain('--bleu-tokenize zh');
    expect(bleu).not.toMatch(/answers this short|token_f1|rouge1/);
    const rouge = report.warnings.find((w) => w.startsWith('rougeL is 0'))!;
    expect(rouge).toContain('read chrf, or bleu with --bleu-tokenize zh or char');
    expect(rouge).not.toContain('read chrf, bleu, exact_match or token_f1');
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
