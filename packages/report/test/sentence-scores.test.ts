import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport, type RunResults } from '../src/index.js';
import { generationResults, sampleGeneration } from './support/generation-results.js';

const NOTE =
  'Per-item sentence BLEU and sentence chrF score each answer alone; the headline bleu and chrf (Task metrics) are corpus scores over all answers together, not the mean of the sentence scores.';

/** The sample generation run with chrF beside BLEU, as the harness writes it today. */
function withChrf(sentenceScores: string[] | undefined = ['bleu', 'chrf']): RunResults {
  const r = generationResults();
  const g = sampleGeneration();
  const generation = {
    ...g,
    histograms: { ...g.histograms, chrf: { edges: [0, 50, 100], counts: [10, 10] } },
    ...(sentenceScores === undefined ? {} : { sentenceScores }),
    worstItems: g.worstItems.map((w) => ({ ...w, scores: { ...w.scores, chrf: 20 } })),
  };
  return { ...r, models: r.models.map((m) => ({ ...m, generation })) };
}

function generationPart(text: string, from: string, to: string): string {
  return text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
}

describe('per-item BLEU and chrF are labelled as sentence scores', () => {
  test('report.md titles their histograms and worst-item scores sentence BLEU / sentence chrF', () => {
    const md = generationPart(markdownReport(withChrf()), '## Generation', '## Service');
    expect(md).toContain('sentence BLEU per answer (3 answers per item');
    expect(md).toContain('sentence chrF per answer (3 answers per item');
    expect(md).not.toMatch(/^bleu per /m);
    expect(md).toContain('| token\\_f1 0.125 (sentence BLEU 3.500, sentence chrF 20.000) |');
    // 0–1 scorers keep their names: their per-item mean is the headline
    expect(md).toContain('token\\_f1 per answer');
  });

  test('report.html titles their charts and worst-item scores the same way', () => {
    const html = generationPart(htmlReport(withChrf()), '<h2>Generation</h2>', '<h2>Service');
    expect(html).toContain('aria-label="sentence BLEU: subject-gen"');
    expect(html).toContain('aria-label="sentence chrF: subject-gen"');
    expect(html).toContain('sentence BLEU per answer');
    expect(html).toContain('<span class="note">sentence BLEU 1.250<br>sentence chrF 20.000</span>');
    expect(html).toContain('aria-label="token_f1: subject-gen"');
  });

  test('both reports say once per model that the headline is the corpus score, not the mean of the sentence scores', () => {
    const md = markdownReport(withChrf());
    expect(md.split(NOTE.replaceAll('_', '\\_')).length - 1).toBe(1);
    // before the histograms it explains
    expect(md.indexOf('corpus scores over all answers')).toBeLessThan(
      md.indexOf('sentence BLEU per answer'),
    );
    const html = htmlReport(withChrf());
    expect(html).toContain(`<p class="note sentence-scores">${NOTE}</p>`);
  });

  test('a scorer the harness lists under its own name is called a sentence score by that name', () => {
    const r = withChrf(['bleu']);
    const g = r.models[0]!.generation!;
    const renamed = {
      ...g,
      histograms: { token_f1: g.histograms.token_f1!, bleu_intl: g.histograms.bleu! },
      sentenceScores: ['bleu_intl'],
    };
    const md = markdownReport({ ...r, models: [{ ...r.models[0]!, generation: renamed }] });
    expect(md).toContain('sentence bleu\\_intl per answer');
    expect(md).toContain('Per-item sentence bleu\\_intl score each answer alone');
  });

  test('a run whose generation has no corpus scorer shows no note', () => {
    const r = withChrf([]);
    const g = r.models[0]!.generation!;
    const plain = { ...g, histograms: { token_f1: g.histograms.token_f1! } };
    const md = markdownReport({ ...r, models: [{ ...r.models[0]!, generation: plain }] });
    expect(md).not.toContain('sentence score');
    expect(md).not.toContain('Per-item');
  });
});
