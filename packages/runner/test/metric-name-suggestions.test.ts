import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, loadColumns, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-metric-names-'));
const runner = createRunner({ workers: 1 });

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

async function generationRejection(metrics: string[]) {
  const path = join(dir, 'gen.jsonl');
  writeFileSync(path, '{"ref": "a cat", "out": "a cat"}\n');
  const table = await loadColumns(path, { columns: { ref: 'text', out: 'text' } });
  return runnerRejection(
    runner.scoreGenerations({ table, roles: { references: 'ref', outputs: 'out' } }, { metrics }),
  );
}

function classificationRejection(metric: string) {
  return runnerRejection(
    scorePredictions(
      { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] },
      { workers: 0, metrics: [metric] },
    ),
  );
}

describe('an unknown metric name is answered with the closest valid one', () => {
  test("chrF++ as other tools spell it suggests chrf_pp, this tool's name for it", async () => {
    for (const name of ['chrf++', 'chrF++', 'chrfpp', 'ChrF-PP']) {
      const error = await generationRejection([name]);
      expect(error.code).toBe('UNKNOWN_METRIC');
      expect(error.message, name).toMatch(/Did you mean "chrf_pp"\?$/);
    }
  });

  test('rouge_l and ROUGE-L suggest rougeL after listing the generation metrics', async () => {
    for (const name of ['rouge_l', 'ROUGE-L']) {
      const error = await generationRejection(['bleu', name]);
      expect(error.code).toBe('UNKNOWN_METRIC');
      expect(error.message).toMatch(/levenshtein_similarity\. Did you mean "rougeL"\?$/);
    }
  });

  test('a typo of a generation metric suggests it', async () => {
    const error = await generationRejection(['token_f2']);
    expect(error.message).toMatch(/Did you mean "token_f1"\?$/);
  });

  test('a classification typo or a dash for an underscore suggests the scorer name', async () => {
    expect((await classificationRejection('acuracy')).message).toMatch(
      /Did you mean "accuracy"\?$/,
    );
    expect((await classificationRejection('f1-macro')).message).toMatch(
      /Did you mean "f1_macro"\?$/,
    );
  });

  test('a name far from every metric gets the list and no guess', async () => {
    const error = await classificationRejection('perplexity');
    expect(error.code).toBe('UNKNOWN_METRIC');
    expect(error.message).toContain('valid metrics for classification are: accuracy');
    expect(error.message).not.toContain('Did you mean');
  });
});
