import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, loadColumns, ScoreReportSchema } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { CORPORA, sacrebleuCorpusScore } from './helpers/sacrebleu-corpora.js';

const CORPUS_METRICS = ['bleu', 'chrf', 'chrf_pp', 'ter'] as const;
const runner = createRunner({ workers: 2 });
const dir = mkdtempSync(join(tmpdir(), 'assay-generation-'));

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('corpus BLEU, chrF, chrF++ and TER of scoreGenerations equal sacrebleu', () => {
  test.each(CORPORA.map((c) => ({ ...c, label: c.name })))(
    'in-memory corpus "$label"',
    async ({ name, hypotheses, references }) => {
      const report = await runner.scoreGenerations(
        { references, outputs: hypotheses },
        { metrics: [...CORPUS_METRICS] },
      );
      ScoreReportSchema.parse(report);
      expect(report.task).toBe('generation');
      expect(report.n).toBe(hypotheses.length);
      for (const metric of CORPUS_METRICS) {
        const expected = sacrebleuCorpusScore(metric, name);
        const value = report.overall[metric]?.value;
        expect(
          Math.abs(value! - expected.score),
          `${metric}: ${value} vs ${expected.score}`,
        ).toBeLessThanOrEqual(1e-6);
        expect(report.settings.generation?.signatures[metric]).toBe(expected.signature);
      }
    },
  );

  test.each(
    (['intl', 'char', 'zh'] as const).flatMap((bleuTokenize) =>
      CORPORA.map((c) => ({ ...c, bleuTokenize, label: `${c.name}, tokenize ${bleuTokenize}` })),
    ),
  )(
    'BLEU with bleuTokenize on the workers: "$label"',
    async ({ name, hypotheses, references, bleuTokenize }) => {
      // chunkRows 4: several tasks, so the setting must reach every worker
      const report = await runner.scoreGenerations(
        { references, outputs: hypotheses },
        { metrics: ['bleu', 'chrf'], bleuTokenize, chunkRows: 4, bootstrap: 20 },
      );
      ScoreReportSchema.parse(report);
      const expected = sacrebleuCorpusScore('bleu', name, { tokenize: bleuTokenize });
      expect(Math.abs(report.overall.bleu!.value! - expected.score)).toBeLessThanOrEqual(1e-6);
      expect(report.settings.generation?.signatures.bleu).toBe(expected.signature);
      expect(report.settings.generation?.signatures.bleu).toContain(`|tok:${bleuTokenize}|`);
      expect(report.settings.generation?.bleuTokenize).toBe(bleuTokenize);
      // chrF has no tokenizer option: unchanged
      const chrf = sacrebleuCorpusScore('chrf', name);
      expect(Math.abs(report.overall.chrf!.value! - chrf.score)).toBeLessThanOrEqual(1e-6);
    },
  );

  test.each(CORPORA.map((c, i) => ({ ...c, file: `corpus-${i}.jsonl` })))(
    'the same corpus written to $file and loaded as text columns',
    async ({ name, hypotheses, references, file }) => {
      const path = join(dir, file);
      writeFileSync(
        path,
        hypotheses.map((h, i) => JSON.stringify({ hyp: h, refs: references[i] })).join('\n'),
      );
      const table = await loadColumns(path, { columns: { hyp: 'text', refs: 'text' } });
      const report = await runner.scoreGenerations(
        { table, roles: { references: 'refs', outputs: 'hyp' } },
        { metrics: [...CORPUS_METRICS] },
      );
      for (const metric of CORPUS_METRICS) {
        const expected = sacrebleuCorpusScore(metric, name);
        expect(Math.abs(report.overall[metric]!.value! - expected.score)).toBeLessThanOrEqual(1e-6);
      }
    },
  );
});
