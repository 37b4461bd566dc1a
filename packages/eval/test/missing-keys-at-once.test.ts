import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientError } from '@assay/clients';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../src/index.js';
import { refuseMissingKeys } from '../src/run/refuse-missing-keys.js';
import { spamRunDocument } from './small-run.js';

// A trial with two unset variables exported one, reran, and was stopped again by the other
describe('unset API key variables are named all at once', () => {
  const doc = spamRunDocument({
    name: 'keys',
    out: join(tmpdir(), 'assay-missing-keys-never-written'),
    baseUrl: 'http://127.0.0.1:9/v1',
  });
  const model = (doc.models as Record<string, unknown>[])[0]!;
  const config = parseRunConfig({
    ...doc,
    models: [
      { ...model, name: 'a', apiKeyEnv: 'ASSAY_TEST_KEY_A' },
      { ...model, name: 'b', apiKeyEnv: 'ASSAY_TEST_KEY_A' },
      { ...model, name: 'c', headersFromEnv: { 'X-Token': 'ASSAY_TEST_TOKEN_C' } },
    ],
  });

  it('every variable once, at its first use, with its config path', () => {
    const error = (() => {
      try {
        refuseMissingKeys(config, true, { ASSAY_TEST_TOKEN_C: '' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).path).toBe('models[0].apiKeyEnv');
    expect((error as ClientError).message).toBe(
      '2 environment variables the run needs are unset or empty: a: the environment variable ASSAY_TEST_KEY_A (models[0].apiKeyEnv) is not set; export it with the API key, or remove apiKeyEnv for a server without authentication; c: the environment variable ASSAY_TEST_TOKEN_C (models[2].headersFromEnv.X-Token) is set but empty; export it with the value of the X-Token header, or remove X-Token from models[2].headersFromEnv. Nothing was sent and no file was written.',
    );
  });

  it('nothing to say once they are set', () => {
    expect(
      refuseMissingKeys(config, true, { ASSAY_TEST_KEY_A: 'k', ASSAY_TEST_TOKEN_C: 't' }),
    ).toBeUndefined();
  });
});
