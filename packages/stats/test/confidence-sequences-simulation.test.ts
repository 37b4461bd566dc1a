import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import {
  BettingSequence,
  EmpiricalBernsteinSequence,
  type MeanSequence,
  normalQuantile,
  percentileInterval,
} from '../src/index.js';

// 1,200 seeded runs of up to 300 items with a known accuracy; after every item a confidence
// sequence is read, and the naive intervals are read at every 10th item from the 20th on
// (29 looks), as a stopping rule that checks every `checkEvery` items would read them.
const RUNS = 1200;
const ITEMS = 300;
const ALPHA = 0.05;
const TRUTHS = [0.6, 0.75, 0.9];
const LOOKS = Array.from({ length: 29 }, (_, i) => 20 + 10 * i);
// a miss rate at most alpha, up to three binomial standard errors of RUNS runs
const ALLOWANCE = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / RUNS);

function outcomes(run: number): { truth: number; x: Uint8Array } {
  const rng = createRng(1000 + run);
  const truth = TRUTHS[run % TRUTHS.length]!;
  const x = new Uint8Array(ITEMS);
  for (let i = 0; i < ITEMS; i++) x[i] = rng.nextFloat() < truth ? 1 : 0;
  return { truth, x };
}

/** Whether the sequence ever leaves out the truth (its running interval only narrows). */
function sequenceMisses(sequence: MeanSequence, x: Uint8Array, truth: number): boolean {
  for (const v of x) {
    sequence.push(v);
    const { lower, upper } = sequence.interval();
    if (truth < lower || truth > upper) return true;
  }
  return false;
}

/** Whether the 95% normal (Wald) interval leaves out the truth at any look. */
function waldMisses(x: Uint8Array, truth: number): boolean {
  const z = normalQuantile(1 - ALPHA / 2);
  let right = 0;
  let seen = 0;
  for (const n of LOOKS) {
    for (; seen < n; seen++) right += x[seen]!;
    const p = right / n;
    const half = z * Math.sqrt((p * (1 - p)) / n);
    if (truth < p - half || truth > p + half) return true;
  }
  return false;
}

/**
 * Whether the 95% percentile bootstrap interval (200 resamples) leaves out the truth at any
 * look. A resample's accuracy is Binomial(n, p̂)/n, drawn by inverting its distribution.
 */
function bootstrapMisses(x: Uint8Array, truth: number, seed: number): boolean {
  const rng = createRng(seed);
  let right = 0;
  let seen = 0;
  const replicates = new Float64Array(200);
  for (const n of LOOKS) {
    for (; seen < n; seen++) right += x[seen]!;
    const p = right / n;
    const cdf = binomialCdf(n, p);
    for (let b = 0; b < replicates.length; b++) {
      const u = rng.nextFloat();
      let k = 0;
      while (k < n && cdf[k]! < u) k++;
      replicates[b] = k / n;
    }
    const [lo, hi] = percentileInterval(replicates, 1 - ALPHA)!;
    if (truth < lo || truth > hi) return true;
  }
  return false;
}

function binomialCdf(n: number, p: number): Float64Array {
  const cdf = new Float64Array(n + 1);
  if (p <= 0 || p >= 1) return cdf.fill(p <= 0 ? 1 : 0).fill(1, n);
  const log = new Float64Array(n + 1);
  log[0] = n * Math.log1p(-p);
  const odds = Math.log(p / (1 - p));
  for (let k = 0; k < n; k++) log[k + 1] = log[k]! + Math.log((n - k) / (k + 1)) + odds;
  const top = Math.max(...log);
  let total = 0;
  for (let k = 0; k <= n; k++) total += Math.exp(log[k]! - top);
  let running = 0;
  for (let k = 0; k <= n; k++) {
    running += Math.exp(log[k]! - top) / total;
    cdf[k] = running;
  }
  return cdf;
}

describe('anytime validity over 1,200 simulated runs with a known accuracy', () => {
  const misses = { betting: 0, bernstein: 0, wald: 0, bootstrap: 0 };
  for (let run = 0; run < RUNS; run++) {
    const { truth, x } = outcomes(run);
    // grid 100 keeps the simulation quick; the coarser grid only widens the interval
    if (sequenceMisses(new BettingSequence({ alpha: ALPHA, grid: 100 }), x, truth))
      misses.betting++;
    if (sequenceMisses(new EmpiricalBernsteinSequence({ alpha: ALPHA }), x, truth))
      misses.bernstein++;
    if (waldMisses(x, truth)) misses.wald++;
    if (bootstrapMisses(x, truth, 50_000 + run)) misses.bootstrap++;
  }

  it('the betting sequence misses the truth at any time in at most alpha of runs', () => {
    expect(misses.betting / RUNS).toBeLessThanOrEqual(ALLOWANCE);
  });

  it('the empirical-Bernstein sequence misses the truth at any time in at most alpha of runs', () => {
    expect(misses.bernstein / RUNS).toBeLessThanOrEqual(ALLOWANCE);
  });

  it('a 95% normal interval checked at every look misses more often than alpha allows', () => {
    expect(misses.wald / RUNS).toBeGreaterThan(ALLOWANCE);
    expect(misses.wald).toBeGreaterThan(misses.betting);
  });

  it('a 95% bootstrap interval checked at every look misses more often than alpha allows', () => {
    expect(misses.bootstrap / RUNS).toBeGreaterThan(ALLOWANCE);
    expect(misses.bootstrap).toBeGreaterThan(misses.betting);
    console.info(`miss rates over ${RUNS} runs: ${JSON.stringify(misses)}`);
  });
});
