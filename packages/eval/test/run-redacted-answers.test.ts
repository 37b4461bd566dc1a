import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { type LoopbackJudge, startLoopbackJudge } from './loopback-judge.js';
import { spamRunDocument } from './small-run.js';

const SECRET = 'sk-ECHOED-0123456789';
const ITEMS = 12;
let server: LoopbackJudge;
let dir: string;

beforeAll(async () => {
  // a service that echoes its credentials in every other answer
  server = await startLoopbackJudge((_user, call) => (call % 2 === 0 ? `spam ${SECRET}` : 'ham'));
  dir = mkdtempSync(join(tmpdir(), 'assay-redacted-'));
  process.env.ASSAY_TEST_ECHOED_KEY = SECRET;
});

afterAll(async () => {
  delete process.env.ASSAY_TEST_ECHOED_KEY;
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A run against the echoing service, its key read from the environment. */
const echoRun = (out: string) =>
  parseRunConfig(
    spamRunDocument({
      name: 'echo',
      out,
      baseUrl: server.baseUrl,
      limit: ITEMS,
      model: { apiKeyEnv: 'ASSAY_TEST_ECHOED_KEY', concurrency: { max: 1 } },
    }),
  );

describe('answers in which the client redacted a secret', () => {
  it('are counted in a run warning, the key itself written nowhere', async () => {
    const out = join(dir, 'echo');
    const results = await runEvaluation(echoRun(out));
    expect(results.warnings).toContainEqual(
      `nb: ${ITEMS / 2} of ${ITEMS} distinct answers contain [redacted], which the client writes in place of a secret it finds in an answer (the API key, a header value or a key-shaped token) before the answer is parsed and scored; unless the service writes that text itself, those answers are not its text and it echoes credentials.`,
    );
    for (const file of ['results.json', 'report.md', 'report.html']) {
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain(SECRET);
    }
    // a resumed run reads the stored answers and warns the same
    const again = await runEvaluation(echoRun(out));
    expect(again.models[0]!.service.resumedFromJournal).toBe(ITEMS);
    // (and adds that every answer came from the journal of an earlier run)
    const resumed = (w: string): boolean =>
      w.includes('resumed from the journal of an earlier run');
    expect(again.warnings!.filter((w) => !resumed(w))).toEqual(results.warnings);
    expect(again.warnings!.filter(resumed)).toHaveLength(1);
  });
});
