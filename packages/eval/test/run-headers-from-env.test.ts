import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientError } from '@assay/clients';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dryRun, EvaluationError, parseRunConfig, runEvaluation } from '../src/index.js';
import { endpointIdentity } from '../src/run/endpoint-identity.js';
import { refusalOf, spamRunDocument } from './small-run.js';

const TOKEN = 'gw-SECRET-TOKEN-5e1d7c9a3b';
const RENEWED = 'gw-RENEWED-TOKEN-0f2e4d6c8a';
const VARIABLE = 'ASSAY_TEST_GATEWAY_TOKEN';
const ITEMS = 12;

let dir: string;
let server: Server;
let baseUrl: string;
/** the headers of every request the server received */
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-headers-from-env-'));
  // a real chat-completions server that records the headers it is sent and, as a hostile
  // gateway might, echoes the gateway token inside its answer
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: `spam (via ${req.headers['x-gateway-token']})`,
              },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 3 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const gatewayRun = (name: string, model: Record<string, unknown> = {}) =>
  parseRunConfig(
    spamRunDocument({
      name,
      out: join(dir, name),
      baseUrl,
      limit: ITEMS,
      model: { headersFromEnv: { 'X-Gateway-Token': VARIABLE }, ...model },
    }),
  );

/** Every file under a folder, as text (binary files as latin1), by path. */
function filesUnder(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, name);
    if (statSync(path).isFile()) out.set(name, readFileSync(path).toString('latin1'));
  }
  return out;
}

describe('models[].headersFromEnv in a run', () => {
  it('sends the value of the variable to the server and writes it into no journal, cache, result or report', async () => {
    vi.stubEnv(VARIABLE, TOKEN);
    const before = received.length;
    const results = await runEvaluation(gatewayRun('sent'));
    expect(results.models[0]!.service.sentThisRun).toBe(ITEMS);
    const sent = received.slice(before);
    expect(sent).toHaveLength(ITEMS);
    expect(sent.every((h) => h['x-gateway-token'] === TOKEN)).toBe(true);
    const files = filesUnder(join(dir, 'sent'));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['journal.sqlite', 'cache.sqlite', 'results.json']),
    );
    expect([...files].filter(([, text]) => text.includes(TOKEN)).map(([name]) => name)).toEqual([]);
    // the echoed token was redacted from the answers, which were still read
    expect(files.get('journal.sqlite')).toContain('spam (via [redacted])');
    expect(files.get('results.json')).toContain('X-Gateway-Token');
    expect(results.models[0]!.metrics.accuracy!.value).toBeGreaterThan(0);
  });

  it('refuses a first run whose variable is unset or empty before anything is sent or written, naming the path and the variable', async () => {
    for (const value of [undefined, '']) {
      if (value === '') vi.stubEnv(VARIABLE, '');
      const before = received.length;
      const error = await runEvaluation(gatewayRun('missing')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClientError);
      const refused = error as ClientError;
      expect(refused.code).toBe('MISSING_API_KEY');
      expect(refused.path).toBe('models[0].headersFromEnv.X-Gateway-Token');
      expect(refused.message).toBe(
        `nb: the environment variable ${VARIABLE} (models[0].headersFromEnv.X-Gateway-Token) ${value === '' ? 'is set but empty' : 'is not set'}; export it with the value of the X-Gateway-Token header, or remove X-Gateway-Token from models[0].headersFromEnv. Nothing was sent and no file was written.`,
      );
      expect(received.length).toBe(before);
      expect(existsSync(join(dir, 'missing'))).toBe(false);
    }
  });

  it('is reported by a dry run, on its model and in the warnings, as a missing apiKeyEnv is', async () => {
    const report = await dryRun(gatewayRun('dry'), { env: {} });
    expect(report.models[0]!.missingHeadersFromEnv).toEqual([
      { header: 'X-Gateway-Token', variable: VARIABLE, empty: false },
    ]);
    expect(report.warnings).toContain(
      `nb: the environment variable ${VARIABLE} (models[0].headersFromEnv.X-Gateway-Token) is not set; a run that sends requests needs it, and a first run (or --fresh) refuses to start without it.`,
    );
    const set = await dryRun(gatewayRun('dry'), { env: { [VARIABLE]: TOKEN } });
    expect(set.models[0]!.missingHeadersFromEnv).toBeUndefined();
    expect(JSON.stringify(set)).not.toContain(TOKEN);
  });
});

describe('the journal identity of headersFromEnv', () => {
  it('resumes after a renewed token, sending nothing and showing no value; a rerun without the variable resumes too', async () => {
    vi.stubEnv(VARIABLE, TOKEN);
    await runEvaluation(gatewayRun('renewed'));
    const before = received.length;
    vi.stubEnv(VARIABLE, RENEWED);
    const renewed = await runEvaluation(gatewayRun('renewed'));
    expect(renewed.models[0]!.service).toMatchObject({ sentThisRun: 0, resumedFromJournal: ITEMS });
    // every answer is journaled: nothing is sent, so no variable is needed, as no key is
    vi.stubEnv(VARIABLE, '');
    const resumed = await runEvaluation(gatewayRun('renewed'));
    expect(resumed.models[0]!.service).toMatchObject({ sentThisRun: 0, resumedFromJournal: ITEMS });
    expect(received.length).toBe(before);
  });

  it('accepts a journal written before headers were recorded, then refuses the header removed', async () => {
    vi.stubEnv(VARIABLE, TOKEN);
    const out = join(dir, 'legacy');
    await runEvaluation(gatewayRun('legacy'));
    const db = new Database(join(out, 'journal.sqlite'));
    const { identity } = db.prepare('SELECT identity FROM identities').get() as {
      identity: string;
    };
    const { headers: _headers, ...legacy } = JSON.parse(identity) as Record<string, unknown>;
    db.prepare('UPDATE identities SET identity = ?').run(JSON.stringify(legacy));
    db.close();
    vi.stubEnv(VARIABLE, RENEWED);
    const resumed = await runEvaluation(gatewayRun('legacy'));
    expect(resumed.models[0]!.service).toMatchObject({ sentThisRun: 0, resumedFromJournal: ITEMS });
    const error = await refusalOf(
      runEvaluation(gatewayRun('legacy', { headersFromEnv: undefined })),
    );
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.message).toContain("model 'nb' (headers.x-gateway-token removed)");
    expect(error.message).not.toContain('gw-');
  });

  it('records a header from the environment by its presence, as a literal credential header', () => {
    const model = gatewayRun('unit').models[0]!;
    const fromEnv = endpointIdentity(model);
    const literal = endpointIdentity({
      ...model,
      headersFromEnv: undefined,
      headers: { 'X-Gateway-Token': TOKEN },
    });
    expect(fromEnv).toEqual(literal);
    expect(fromEnv.headers).toEqual({ 'x-gateway-token': 'secret' });
    expect(JSON.stringify(fromEnv)).not.toContain(TOKEN);
  });
});

describe('the run configuration of headersFromEnv', () => {
  const issuesOf = (model: Record<string, unknown>): string[] => {
    try {
      gatewayRun('config', model);
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluationError);
      return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    throw new Error('expected the configuration to be refused');
  };

  it('refuses a header named both in headers and headersFromEnv, in any case, naming both paths', () => {
    expect(issuesOf({ headers: { 'x-gateway-token': 'literal-token-0123' } })).toEqual([
      'models[0].headersFromEnv.X-Gateway-Token: names the same header as models[0].headers.x-gateway-token (header names are case-insensitive); give it once: in headers for a value written in the file, or in headersFromEnv for one read from the environment',
    ]);
  });

  it('refuses a variable name that is none, with its path, and a token given instead without quoting it', () => {
    const issues = issuesOf({
      headersFromEnv: { 'X-Gateway-Token': TOKEN, 'X-Route': 'route name' },
    });
    expect(issues).toEqual([
      expect.stringMatching(
        /^models\[0\]\.headersFromEnv\.X-Gateway-Token: must name an environment variable/,
      ),
      "models[0].headersFromEnv.X-Route: expected an environment variable name: letters, digits and '_', not starting with a digit (e.g. GATEWAY_TOKEN)",
    ]);
    expect(issues.join(' ')).not.toContain(TOKEN);
  });
});
