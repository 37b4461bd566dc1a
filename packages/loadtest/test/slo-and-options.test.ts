import { describe, expect, test } from 'vitest';
import {
  LoadTestError,
  parsePromptTokens,
  parseSlo,
  resolveLoadTest,
  sloKeys,
} from '../src/index.js';

const base = { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };

describe('--slo', () => {
  test('parses percentile bounds and the error rate', () => {
    const slo = parseSlo('ttft_p95<=300, tpot_p95<=50,e2e_p99<=2000,error_rate<=0.01');
    expect(slo.bounds).toEqual([
      { key: 'ttft_p95', metric: 'ttft', stat: 'p95', max: 300 },
      { key: 'tpot_p95', metric: 'tpot', stat: 'p95', max: 50 },
      { key: 'e2e_p99', metric: 'e2e', stat: 'p99', max: 2000 },
      { key: 'error_rate', metric: 'error_rate', max: 0.01 },
    ]);
  });

  test('an unknown key is refused with the list of valid keys', () => {
    try {
      parseSlo('ttfb_p95<=300');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LoadTestError);
      const message = (error as LoadTestError).message;
      expect(message).toMatch(/'ttfb_p95' is unknown/);
      for (const key of sloKeys()) expect(message).toContain(key);
      expect(message.includes('\n')).toBe(false);
    }
  });

  test('a key given twice is refused naming the key', () => {
    expect(() => parseSlo('ttft_p95<=300,ttft_p95<=200')).toThrow(
      "--slo gives 'ttft_p95' twice ('ttft_p95<=300' and 'ttft_p95<=200'); give each key once.",
    );
    expect(() => parseSlo('error_rate<=0.1, error_rate<=0.2')).toThrow(/'error_rate' twice/);
  });

  test('error_rate is a fraction in [0, 1]', () => {
    expect(() => parseSlo('error_rate<=2')).toThrow(
      /'error_rate<=2' has the limit 2; error_rate is a fraction of the requests, from 0 to 1/,
    );
    expect(parseSlo('error_rate<=1').bounds).toEqual([
      { key: 'error_rate', metric: 'error_rate', max: 1 },
    ]);
    // a latency bound is in ms: above 1 is fine
    expect(parseSlo('ttft_p95<=2').bounds[0]!.max).toBe(2);
  });

  test('a bound without a number is refused', () => {
    expect(() => parseSlo('ttft_p95<=fast')).toThrow(/expected a number >= 0/);
    expect(() => parseSlo('ttft_p95>300')).toThrow(/not '<key><=<number>'/);
    expect(() => parseSlo('')).toThrow(LoadTestError);
  });

  test('an empty bound (a stray comma, an empty shell variable) is refused, not skipped', () => {
    // 'ttft_p95<=300,$E2E' with $E2E unset: skipping it judged steps without the e2e bound
    expect(() => parseSlo('ttft_p95<=300,')).toThrow(
      "--slo 'ttft_p95<=300,' has an empty bound (bound 2 of 2: a stray comma, or a shell variable that was empty); remove the comma or give the bound.",
    );
    expect(() => parseSlo(',ttft_p95<=300')).toThrow(/bound 1 of 2/);
    expect(() => parseSlo('ttft_p95<=300, ,e2e_p99<=900')).toThrow(/bound 2 of 3/);
    expect(() => parseSlo(' , ')).toThrow(/expected bounds like/);
  });
});

describe('option combinations refused before any request', () => {
  test.each([
    [{ rate: 5, concurrency: 4 }, /--concurrency and --rate cannot be combined/],
    [{ rate: 0 }, /--rate is 0; expected requests per second above 0/],
    [{ rate: -2 }, /--rate is -2/],
    [{}, /Give one load/],
    [{ findMax: true }, /--find-max needs --slo/],
    [{ concurrency: 2.5 }, /--concurrency is 2.5/],
    [{ concurrency: 4, maxInFlight: 8 }, /--max-in-flight applies to open loop/],
    [{ rate: 5, slo: 'latency_p99<=3' }, /'latency_p99' is unknown/],
    [{ rate: 5, ignoreEos: true }, /--ignore-eos needs --max-tokens/],
    [{ rate: 5, arrival: 'bursty' }, /--arrival is 'bursty'/],
    [{ sweep: 0 }, /--sweep is 0/],
    [{ concurrency: 4, arrival: 'poisson' }, /^--arrival applies to open loop \(--rate, --sweep/],
    [{ concurrency: 4, arrival: 'constant' }, /^--arrival applies to open loop/],
    [
      { rate: 5, provider: 'foo' as 'openai-chat' },
      /^--provider is 'foo'; expected openai-chat, openai-completions, anthropic or http-json\.$/,
    ],
    [
      { rate: 5, baseUrl: 'localhost:9' },
      /^--base-url has no scheme; did you mean 'http:\/\/localhost:9'\?$/,
    ],
    [{ rate: 5, baseUrl: 'ftp://x/v1' }, /^--base-url uses the scheme 'ftp:'/],
    [
      { rate: 5, apiKeyEnv: 'not a name' },
      /^--api-key-env is 'not a name'; expected an environment variable name\.$/,
    ],
    [{ rate: 5, durationMs: 'soon' as unknown as number }, /^--duration: /],
  ])('%o is refused', (options, message) => {
    expect(() => resolveLoadTest({ ...base, ...options })).toThrow(message);
  });

  test('--arrival goes with every open-loop load, and defaults to poisson', () => {
    expect(resolveLoadTest({ ...base, sweep: 2, arrival: 'constant' }).load).toEqual({
      kind: 'sweep',
      steps: 2,
      arrival: { kind: 'constant' },
    });
    expect(
      resolveLoadTest({ ...base, findMax: true, slo: 'e2e_p99<=100', arrival: 'constant' }).load
        .kind,
    ).toBe('find-max');
    expect(resolveLoadTest({ ...base, rate: 2 }).load).toMatchObject({
      arrival: { kind: 'poisson' },
    });
  });

  test('--api-key-env naming an unset variable is refused naming the flag', () => {
    const options = { ...base, rate: 5, apiKeyEnv: 'ASSAY_TEST_NO_SUCH_KEY' };
    expect(() => resolveLoadTest(options, {})).toThrow(
      '--api-key-env names ASSAY_TEST_NO_SUCH_KEY, which is not set; export it with the API key, or drop --api-key-env for a server without authentication.',
    );
    expect(resolveLoadTest(options, { ASSAY_TEST_NO_SUCH_KEY: 'k' }).client.apiKeyEnv).toBe(
      'ASSAY_TEST_NO_SUCH_KEY',
    );
  });

  test('--api-key-env naming a set but empty variable says it is empty, not unset', () => {
    const options = { ...base, rate: 5, apiKeyEnv: 'ASSAY_TEST_EMPTY_KEY' };
    expect(() => resolveLoadTest(options, { ASSAY_TEST_EMPTY_KEY: '' })).toThrow(
      '--api-key-env names ASSAY_TEST_EMPTY_KEY, which is set but empty; export it with the API key, or drop --api-key-env for a server without authentication.',
    );
  });

  test('a --seed that is not an integer is refused in plain words', () => {
    expect(() => resolveLoadTest({ ...base, rate: 5, seed: 1.5 })).toThrow(
      /^--seed must be an integer, got 1\.5\.$/,
    );
  });

  test('a negative --prompt-tokens sd is refused as negative', () => {
    expect(() => parsePromptTokens('10:-1')).toThrow(
      "--prompt-tokens is '10:-1'; the sd after ':' cannot be negative (e.g. 512:64, or 512 for none).",
    );
    expect(parsePromptTokens('10:2')).toEqual({ mean: 10, sd: 2 });
  });

  test('a valid open loop becomes a benchmark-mode streaming client', () => {
    const run = resolveLoadTest({ ...base, rate: 5, maxTokens: 8, ignoreEos: true });
    expect(run.load).toEqual({ kind: 'rate', rate: 5, arrival: { kind: 'poisson' } });
    expect(run.durationMs).toBe(30_000);
    expect(run.client).toMatchObject({
      streaming: true,
      benchmarkMode: true,
      retry: { maxRetries: 0 },
      params: { maxTokens: 8, extra: { ignore_eos: true } },
    });
  });
});

describe('--provider http-json', () => {
  const template = { inputs: '{{prompt}}', parameters: { max_new_tokens: '{{maxTokens}}' } };
  const paths = { text: '$.generated_text', streamText: '$.token.text' };

  test('template and paths reach the client', () => {
    const run = resolveLoadTest({
      ...base,
      rate: 5,
      provider: 'http-json',
      template,
      paths,
      requestPath: '/generate_stream',
    });
    expect(run.client).toMatchObject({
      provider: 'http-json',
      template,
      paths,
      requestPath: '/generate_stream',
      streaming: true,
    });
  });

  test('without them the message names the config keys to set', () => {
    const error = (() => {
      try {
        resolveLoadTest({ ...base, rate: 5, provider: 'http-json', paths });
      } catch (e) {
        return e as LoadTestError;
      }
    })();
    expect(error).toBeInstanceOf(LoadTestError);
    expect(error!.path).toBe('template');
    expect(error!.message).toMatch(/^--provider http-json needs template in the --config file: /);
    expect(() => resolveLoadTest({ ...base, rate: 5, provider: 'http-json' })).toThrow(
      /needs template and paths in the --config file/,
    );
  });

  test('a bad path is refused naming its config key; other providers refuse the keys', () => {
    expect(() =>
      resolveLoadTest({
        ...base,
        rate: 5,
        provider: 'http-json',
        template,
        paths: { text: 'generated_text' },
      }),
    ).toThrow(/^paths\.text in the --config file is 'generated_text'; expected a JSON path/);
    expect(() => resolveLoadTest({ ...base, rate: 5, template })).toThrow(
      "template in the --config file applies to --provider http-json only; --provider is 'openai-chat'.",
    );
  });

  test('every unknown placeholder is named at once, the accepted ones listed once', () => {
    const run = () =>
      resolveLoadTest({
        ...base,
        rate: 5,
        provider: 'http-json',
        template: { inputs: '{{promt}}', parameters: { max_new_tokens: '{{max_tokens}}' } },
        paths,
      });
    expect(run).toThrow(LoadTestError);
    const message = (() => {
      try {
        run();
      } catch (e) {
        return (e as LoadTestError).message;
      }
    })()!;
    expect(message).toMatch(
      /^template\.inputs in the --config file uses the unknown placeholder \{\{promt\}\}\. template\.parameters\.max_new_tokens in the --config file uses the unknown placeholder \{\{max_tokens\}\}; did you mean \{\{maxTokens\}\}\? The request body takes \{\{prompt\}\}/,
    );
    expect(message.match(/request body takes/g)).toHaveLength(1);
  });
});
