import { corpusBleu, sentenceChrf } from '@assay/text-metrics';
import { describe, expect, it } from 'vitest';
import { createRunner, generationRowValues } from '../src/index.js';

describe('generationRowValues', () => {
  const outputs = ['the cat sat on the mat', 'a dog', ''];
  const references = [['the cat sat on the mat'], ['the dog', 'a dog barked'], ['something']];

  it('gives per-row values whose mean is the pool value of every per-row metric', async () => {
    const metrics = ['exact_match', 'token_f1', 'rougeL', 'levenshtein_similarity'];
    const rows = await generationRowValues(outputs, references, { metrics });
    const runner = createRunner({ workers: 0 });
    const report = await runner.scoreGenerations({ outputs, references }, { metrics });
    await runner.close();
    for (const m of metrics) {
      const values = [...rows.get(m as 'rougeL')!];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(mean).toBeCloseTo(report.overall[m]!.value!, 12);
    }
    expect([...rows.get('exact_match')!]).toEqual([1, 1, 0]); // SQuAD drops articles: 'a dog' = 'the dog';
  });

  it('scores a corpus metric per row as the corpus of that one row', async () => {
    const rows = await generationRowValues(outputs, references, { metrics: ['chrf'] });
    outputs.forEach((o, i) => {
      expect(rows.get('chrf')![i]).toBeCloseTo(sentenceChrf(o, references[i]!).score, 9);
    });
  });

  it('tokenizes BLEU with bleuTokenize', async () => {
    const texts = ['我们发布了新版本。', '東京は日本の首都です', 'x'];
    const refs = [['我们发布新版本了。'], ['東京は首都です'], ['y']];
    const rows = await generationRowValues(texts, refs, { metrics: ['bleu'], bleuTokenize: 'zh' });
    texts.forEach((o, i) => {
      const expected = corpusBleu([o], [refs[i]!], { tokenize: 'zh' }).score;
      expect(rows.get('bleu')![i]).toBeCloseTo(expected, 9);
    });
    // with 13a the unspaced Chinese sentence is one token and matches nothing
    expect(rows.get('bleu')![0]).toBeGreaterThan(0);
    const whole = await generationRowValues(texts, refs, { metrics: ['bleu'] });
    expect(whole.get('bleu')![0]).toBe(0);
  });

  it('names the unknown metric', async () => {
    await expect(generationRowValues(['a'], [['a']], { metrics: ['blue'] })).rejects.toThrow(
      /blue/,
    );
  });
});
