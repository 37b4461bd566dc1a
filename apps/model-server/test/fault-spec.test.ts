import { describe, expect, test } from 'vitest';
import {
  FaultInjector,
  ModelServerError,
  mergeFaultOptions,
  parseFaultSpec,
} from '../src/index.js';

describe('parseFaultSpec', () => {
  test('parses every directive of the grammar', () => {
    expect(parseFaultSpec('status=429; retry-after=2 ;rate=0.25')).toEqual({
      failure: { kind: 'status', status: 429, retryAfterSeconds: 2 },
      rate: 0.25,
    });
    expect(parseFaultSpec('reset')).toEqual({ failure: { kind: 'reset' } });
    expect(parseFaultSpec('MALFORMED')).toEqual({ failure: { kind: 'malformed' } });
    expect(parseFaultSpec('truncate,token-delay=5')).toEqual({
      failure: { kind: 'truncate' },
      tokenDelayMs: 5,
    });
    expect(parseFaultSpec('stall')).toEqual({ failure: { kind: 'stall' } });
    expect(parseFaultSpec('latency=lognormal:50:0.5')).toEqual({
      latency: { kind: 'lognormal', medianMs: 50, sigma: 0.5 },
    });
    expect(parseFaultSpec('latency=40')).toEqual({ latency: { kind: 'fixed', ms: 40 } });
    expect(parseFaultSpec('fail-first=2;key=t-1')).toEqual({ failFirst: 2, key: 't-1' });
    expect(parseFaultSpec('none')).toEqual({ none: true });
    expect(parseFaultSpec('')).toEqual({});
  });

  test.each([
    ['status=abc', /status is 'abc'/],
    ['status=200', /\[400, 599\]/],
    ['rate=2', /rate is '2'/],
    ['latency=gamma:1:2', /latency is 'gamma:1:2'/],
    ['retry-after=1', /needs a status/],
    ['explode', /unknown directive 'explode'/],
    ['reset=1', /takes no value/],
    ['fail-first=1.5', /integer/],
  ])('rejects %s with a message naming the problem', (spec, pattern) => {
    expect(() => parseFaultSpec(spec)).toThrow(ModelServerError);
    expect(() => parseFaultSpec(spec)).toThrow(pattern);
  });

  test('header options override server defaults field by field; none drops them', () => {
    const server = parseFaultSpec('status=500;latency=10');
    expect(mergeFaultOptions(server, parseFaultSpec('status=503'))).toEqual({
      failure: { kind: 'status', status: 503 },
      latency: { kind: 'fixed', ms: 10 },
    });
    expect(mergeFaultOptions(server, parseFaultSpec('none;token-delay=1'))).toEqual({
      none: false,
      tokenDelayMs: 1,
    });
  });
});

describe('FaultInjector', () => {
  const outcomes = (seed: number) => {
    const injector = new FaultInjector(seed, {});
    const spec = parseFaultSpec('status=500;rate=0.5;latency=lognormal:20:1');
    return Array.from({ length: 64 }, () => injector.plan(spec));
  };

  test('the same seed gives the same faults and latencies; another seed differs', () => {
    expect(outcomes(7)).toEqual(outcomes(7));
    expect(outcomes(7)).not.toEqual(outcomes(8));
  });

  test('rate is a probability: about half of 2000 draws fail at rate 0.5, none at 0, all at 1', () => {
    const counts: Record<string, number> = {};
    const injector = new FaultInjector(3, counts);
    const half = parseFaultSpec('status=500;rate=0.5');
    for (let i = 0; i < 2000; i++) injector.plan(half);
    expect(counts['status-500']).toBeGreaterThan(850);
    expect(counts['status-500']).toBeLessThan(1150);
    expect(injector.plan(parseFaultSpec('status=500;rate=0')).failure).toBeUndefined();
    expect(injector.plan(parseFaultSpec('status=500;rate=1')).failure).toBeDefined();
  });

  test('lognormal latency has the requested median', () => {
    const injector = new FaultInjector(11, {});
    const spec = parseFaultSpec('latency=lognormal:50:0.5');
    const draws = Array.from({ length: 4001 }, () => injector.plan(spec).delayMs).sort(
      (a, b) => a - b,
    );
    expect(draws[2000]!).toBeGreaterThan(45);
    expect(draws[2000]!).toBeLessThan(55);
  });

  test('fail-first fails the first N requests per key, then passes; default failure is 503', () => {
    const injector = new FaultInjector(1, {});
    const a = parseFaultSpec('fail-first=2;key=a');
    const b = parseFaultSpec('fail-first=1;key=b');
    expect(injector.plan(a).failure).toEqual({ kind: 'status', status: 503 });
    expect(injector.plan(b).failure).toEqual({ kind: 'status', status: 503 });
    expect(injector.plan(a).failure).toBeDefined();
    expect(injector.plan(a).failure).toBeUndefined();
    expect(injector.plan(b).failure).toBeUndefined();
  });
});
