import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dryRun,
  EvaluationError,
  parseRunConfig,
  type RunConfig,
  runEvaluation,
} from '../src/index.js';

let server: ModelServer;
let dir: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-plan-checks-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function generationConfig(
  out: string,
  samples: number,
  params: Record<string, unknown>,
): RunConfig {
  return parseRunConfig({
    name: 'subjects',
    dataset: { builtin: 'spam-assassin-subjects', limit: 2, seed: 2 },
    task: { type: 'generation', scorers: ['bleu'], samples },
    prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
    models: [
      {
        name: 'extractive',
        provider: 'openai-chat',
        baseUrl: server.baseUrl,
        model: 'assay-subject-extractive',
        params: { maxTokens: 40, ...params },
      },
    ],
    evaluation: { bootstrap: 0 },
    output: { dir: out },
  });
}

describe('several samples at temperature 0', () => {
  it('are warned about by the dry run, naming the model and the setting to change', async () => {
    const report = await dryRun(generationConfig(join(dir, 'dry-t0'), 3, { temperature: 0 }));
    const warning = report.warnings.find((w) => w.startsWith('task.samples is 3'));
    expect(warning).toBe(
      "task.samples is 3, but models[0] 'extractive' sets params.temperature to 0, so its 3 samples of an item will most likely be the same answer, each sent and paid for as its own request; set models[0].params.temperature above 0 (e.g. 0.7) to draw different answers, or task.samples to 1.",
    );
  });

  it('are not warned about above temperature 0, with the temperature unset, or with one sample', async () => {
    for (const [samples, params] of [
      [3, { temperature: 0.7 }],
      [3, {}],
      [1, { temperature: 0 }],
    ] as const) {
      const report = await dryRun(generationConfig(join(dir, 'dry-ok'), samples, params));
      expect(report.warnings.filter((w) => w.startsWith('task.samples'))).toEqual([]);
    }
  });

  it('are warned about by the run before it sends, and still run', async () => {
    const notes: { note: string; sentBefore: boolean }[] = [];
    let sent = false;
    const results = await runEvaluation(
      generationConfig(join(dir, 'run-t0'), 2, { temperature: 0 }),
      {
        onNote: (note) => notes.push({ note, sentBefore: sent }),
        onProgress: (progress) => {
          if (progress.some((p) => p.done > 0)) sent = true;
        },
      },
    );
    const warned = notes.find((n) => n.note.startsWith('task.samples is 2'));
    expect(warned?.sentBefore).toBe(false);
    expect(results.models[0]!.items.total).toBe(4);
  });
});

describe('an output.dir that is a file', () => {
  const expectRefusal = async (plan: Promise<unknown>, message: string) => {
    const error = await plan.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('INVALID_CONFIG');
    expect((error as EvaluationError).path).toBe('output.dir');
    expect((error as EvaluationError).message).toContain(message);
  };

  it('is refused by the dry run and by the run before anything is sent', async () => {
    const file = join(dir, 'answers.jsonl');
    writeFileSync(file, '{}\n');
    const message = `output.dir '${file}' is an existing file, not a directory; set output.dir to a directory`;
    await expectRefusal(dryRun(generationConfig(file, 1, {})), message);
    let progressed = false;
    await expectRefusal(
      runEvaluation(generationConfig(file, 1, {}), { onProgress: () => (progressed = true) }),
      message,
    );
    expect(progressed).toBe(false);
  });

  it('is refused when it lies under a file', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    await expectRefusal(
      dryRun(generationConfig(join(file, 'out'), 1, {})),
      `lies under '${file}', which is a file, not a directory`,
    );
    expect(existsSync(join(file, 'out'))).toBe(false);
  });
});
