import { Pool } from 'undici';
import { afterAll, beforeAll, vi } from 'vitest';
import { describeDocExamples } from '../../../test-support/doc-examples.js';
import {
  type ModelServerProcess,
  startModelServerProcess,
} from '../../../test-support/model-server-process.js';
import * as clients from '../src/index.js';

let server: ModelServerProcess;
beforeAll(async () => {
  server = await startModelServerProcess();
  // the examples name their key by its variable, as a user does; the model server takes any key
  vi.stubEnv('OPENAI_API_KEY', 'sk-doc-example-0123456789');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describeDocExamples('TSDoc examples of @assay/clients', {
  srcDir: new URL('../src/', import.meta.url),
  exports: clients,
  excluded: {
    ANTHROPIC_CACHE_RATES:
      "a constant (Anthropic's cache read and write rates), not a function or class",
    BUILT_IN_PRICES: 'a constant (the built-in price table), not a function or class',
    CLIENT_WARNING_CHANNEL: 'a constant (the diagnostics channel name), not a function or class',
    ClientConfigSchema: 'a zod schema (a value), not a function or class',
    GenerationParamsSchema: 'a zod schema (a value), not a function or class',
    PROVIDERS: 'a constant (the provider names), not a function or class',
  },
  everyModule: true,
  // the base URL of the model server the examples call, and undici's Pool (ConnectionDialer's)
  scope: () => ({ baseUrl: server.baseUrl, Pool }),
});
