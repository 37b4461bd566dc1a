import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EvaluationError,
  runTune,
  type TuneResults,
  tuneSetup,
  writeTuneOutputs,
} from '../src/index.js';
import { tuneHtml } from '../src/tune/tune-html.js';
import { tuneDoc } from './support/tune-doc.js';

const CONSTRAINT = 'p95_latency_ms.ci_high <= 2000';
const NOT_CHECKABLE = `${CONSTRAINT} not checkable (needs 72 timed requests)`;

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-uncheckable-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Six candidates halved over rungs of 30, 60 and 120 items, with 30 test items. */
function doc(name: string, limit: number, strategy = 'successive-halving') {
  return tuneDoc({
    name,
    baseUrl: server.baseUrl,
    out: join(dir, name),
    limit,
    model: { concurrency: { max: 8 } },
    search: {
      space: {
        'prompt.template': [
          'Classify this e-mail as spam or ham:\n\n{{text}}',
          'Spam or ham? {{text}}',
        ],
        'prompt.maxFieldChars': [150, 600, 6000],
      },
      metric: 'f1_macro',
      strategy,
      eta: 2,
      minItems: 20,
      constraints: ['error_rate <= 0.01', CONSTRAINT],
    },
  });
}

describe('a p95 interval constraint that the first rungs and the test part are too small to check', () => {
  let r: TuneResults;
  const warned: string[] = [];
  beforeAll(async () => {
    const setup = await tuneSetup(doc('small-rungs', 150), dir);
    r = await runTune(setup, { onWarning: (w) => warned.push(w) });
    await writeTuneOutputs(setup, r);
  }, 180_000);

  it('is named before sending, with the evaluations too small and the size needed', () => {
    const warning = warned.find((w) => w.includes(CONSTRAINT));
    expect(warning).toContain(
      `search.constraints[1] '${CONSTRAINT}' cannot be checked on rung 0 (30 items), rung 1 (60 items), the test part (30 items)`,
    );
    expect(warning).toContain('exists only from 72 timed requests');
    expect(r.warnings).toContain(warning);
  });

  it('does not count as missed where it cannot be checked, and is checked where it can', () => {
    const tuning = r.candidates.flatMap((c) => c.evaluations).filter((e) => e.rung !== 'test');
    for (const e of tuning.filter((x) => x.items < 72)) {
      expect(e.constraintFailures).toEqual([]);
      expect(e.constraintsUnchecked).toEqual([NOT_CHECKABLE]);
    }
    const last = tuning.filter((x) => x.items === 120);
    expect(last.length).toBeGreaterThan(0);
    for (const e of last) expect(e.constraintsUnchecked).toEqual([]);
    // a winner was chosen: a constraint not checkable did not leave every candidate ineligible
    expect(r.winner).not.toBeNull();
    const html = tuneHtml(r);
    expect(html).toContain(NOT_CHECKABLE.replace('<', '&lt;'));
    expect(html).not.toMatch(/p95_latency_ms\.ci_high &lt;= 2000 \(\d/);
  });

  it('does not say in best.yaml that the winner met a constraint its test part could not check', () => {
    expect(r.winner!.test!.constraintsUnchecked).toEqual([NOT_CHECKABLE]);
    const best = readFileSync(join(dir, 'small-rungs', 'best.yaml'), 'utf8');
    expect(best).not.toContain('(the winner met them)');
    expect(best).toContain(`#   not checked on its 30 test items: ${NOT_CHECKABLE}`);
  });
});

describe('a p95 interval constraint that no evaluation of the search could check', () => {
  it('is refused before anything is sent, naming the constraint, the sizes and the size needed', async () => {
    const before = server.stats().completions;
    const setup = await tuneSetup(doc('too-small', 60, 'grid'), dir);
    const error = await runTune(setup).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvaluationError);
    const e = error as EvaluationError;
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.path).toBe('search.constraints[1]');
    expect(e.message).toContain(
      `search.constraints[1] '${CONSTRAINT}' cannot be checked on any evaluation of the search: the tuning part (48 items), the test part (12 items)`,
    );
    expect(e.message).toContain('Evaluate at least 72 items');
    expect(server.stats().completions).toBe(before);
  }, 60_000);
});
