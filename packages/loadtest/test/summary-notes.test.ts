import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  chunksTogetherNote,
  fellBehindNotes,
  type LoadRecord,
  type LoadTestResult,
  loadtestHtml,
  parseSlo,
  qualityLine,
  readRecords,
  recordsTable,
  summarizeRecords,
  sweepFindings,
  wilsonInterval,
  writeRecords,
} from '../src/index.js';

/** A measured record: answered (`correct` true or false) or failed (`http_503`). */
function record(index: number, outcome: boolean | 'failed', gaps = [4, 5, 6]): LoadRecord {
  const failed = outcome === 'failed';
  const first = index * 10 + 40;
  return {
    step: 0,
    index,
    item: index % 7,
    warmup: false,
    scheduledMs: index * 10,
    sentMs: index * 10,
    firstTokenMs: failed ? null : first,
    firstContentMs: failed ? null : first,
    lastTokenMs: failed ? null : first + gaps.reduce((a, b) => a + b, 0),
    endMs: first + 20,
    inputTokens: failed ? null : 100,
    outputTokens: failed ? null : gaps.length + 1,
    tokenSource: failed ? null : 'server',
    status: failed ? 503 : 200,
    errorClass: failed ? 'http_503' : null,
    itlMs: failed ? [] : gaps,
    correct: failed ? null : outcome,
    scores: failed ? null : { accuracy: outcome ? 1 : 0 },
  };
}

const SWEEP = JSON.parse(
  readFileSync(new URL('./fixtures/sweep-result.json', import.meta.url), 'utf8'),
) as LoadTestResult;

describe('--score counts the failed requests it could not score', () => {
  // 200 sent: 72 failed, 128 answered, 122 of them right
  const records = Array.from({ length: 200 }, (_, i) => record(i, i < 72 ? 'failed' : i >= 78));
  const figures = summarizeRecords(records);

  test('accuracy over the answers, and over everything sent with failures counted wrong', () => {
    expect(figures.accuracy).toEqual({
      correct: 122,
      scored: 128,
      accuracy: 122 / 128,
      interval: wilsonInterval(122, 128),
      failed: 72,
      failuresWrong: {
        correct: 122,
        of: 200,
        accuracy: 122 / 200,
        interval: wilsonInterval(122, 200),
      },
    });
  });

  test('the summary says how many failed and were not scored, with both accuracies', () => {
    const step = { ...SWEEP.steps![0]!, ...figures };
    expect(qualityLine(step, 0)).toBe(
      'Step 0 quality (--score): accuracy 0.953 (95% CI 0.902 to 0.978, 128 scored). 72 of 200 failed and were not scored; accuracy over all 200 sent, failures counted wrong: 0.610 (95% CI 0.541 to 0.675).',
    );
  });
});

describe('answers whose chunks all arrived in one read', () => {
  const together = Array.from({ length: 5 }, (_, i) => record(i, true, [0, 0, 0]));
  const apart = Array.from({ length: 3 }, (_, i) => record(5 + i, true));

  test('are counted and left out of TPOT and ITL, and the summary says why', () => {
    const figures = summarizeRecords([...together, ...apart]);
    expect(figures.chunksTogether).toBe(5);
    // the three answers whose gaps were seen: (4 + 5 + 6) / 3 ms per token, gaps 4, 5 and 6
    expect(figures.latencyMs.tpot).toMatchObject({ mean: 5, p50: 5, max: 5 });
    expect(figures.latencyMs.itl).toMatchObject({ mean: 5, p50: 5, max: 6 });
    expect(chunksTogetherNote({ ...SWEEP.steps![0]!, ...figures })).toBe(
      'Decode timing was not observable for 5 of 8 answers: their chunks arrived together, in one read (the service wrote each answer at once, or something between buffered the stream), so TPOT and ITL leave them out.',
    );
    const streamed = summarizeRecords(apart);
    expect(streamed.chunksTogether).toBeUndefined();
    expect(chunksTogetherNote({ ...SWEEP.steps![0]!, ...streamed })).toBeUndefined();
  });

  test('fail a TPOT or ITL bound where no answer showed its decode, saying why, not pass it at 0', () => {
    const figures = summarizeRecords(together, parseSlo('tpot_p95<=5,itl_p99<=10,e2e_p95<=1000'));
    expect(figures.latencyMs.tpot.p95).toBeNull();
    expect(figures.latencyMs.itl.p99).toBeNull();
    expect(figures.sloPassed).toEqual({
      passed: false,
      failures: [
        'tpot_p95 has no value (decode timing was not observable: the chunks of 5 of 5 answers arrived together, in one read, and no other answer had 2 or more output tokens)',
        'itl_p99 has no value (decode timing was not observable: the chunks of 5 of 5 answers arrived together, in one read, and no other answer had 2 or more chunks)',
      ],
    });
    expect(chunksTogetherNote({ ...SWEEP.steps![0]!, ...figures })).toMatch(
      /so TPOT and ITL have no value\.$/,
    );
    // and no request counts as good under a tpot or itl bound: nothing shows it met
    expect(figures.goodput!.fraction).toBe(0);
    expect(summarizeRecords(together, parseSlo('e2e_p95<=1000')).goodput!.fraction).toBe(1);
    // with answers whose decode was seen, the bound reads those
    const mixed = summarizeRecords([...together, ...apart], parseSlo('tpot_p95<=5,itl_p99<=10'));
    expect(mixed.sloPassed).toEqual({ passed: true, failures: [] });
    expect(mixed.goodput!.fraction).toBe(3 / 8);
  });
});

describe('a rate step whose service fell behind', () => {
  const step = SWEEP.steps![3]!; // a rate step the generator kept up with
  const behind = (share: number | null) => ({
    ...step,
    throughput: { ...step.throughput, keptUpShare: share },
  });

  test('is noted in a single-step run, as in a sweep', () => {
    const single: LoadTestResult = { ...behind(0.589) };
    expect(fellBehindNotes(single)).toEqual([
      "Step 0: the service fell behind its rate (kept up 0.59 < 0.95): latency grows with the run's length (requests queued faster than they were answered), so its percentiles describe this duration only, and its req/s is about what the service could complete, not the rate offered.",
    ]);
    const sweep: LoadTestResult = { ...SWEEP, steps: [SWEEP.steps![0]!, behind(0.7)] };
    expect(fellBehindNotes(sweep)).toHaveLength(1);
    expect(fellBehindNotes(sweep)[0]).toMatch(/^Step 1: the service fell behind its rate/);
  });

  test('is not noted when it kept up, or when its share cannot be measured', () => {
    expect(fellBehindNotes({ ...behind(0.99) })).toEqual([]);
    expect(fellBehindNotes({ ...behind(null) })).toEqual([]);
  });

  test('is not noted for a share below 0.95 by no more than chance at its rate and latency', () => {
    // a 3-s step at 22.36/s (68 measured, e2e p50 193 ms) against a 40/s server read 0.94: the
    // half's arrivals and completions differ by two Poisson counts of about 4 requests each
    const short = (share: number): LoadTestResult => ({
      ...behind(share),
      profile: { kind: 'rate', rate: 22.36, arrival: 'poisson' },
      requests: { ...step.requests, scheduled: 68, completed: 68, failed: 0, dropped: 0 },
      latencyMs: { ...step.latencyMs, e2e: { ...step.latencyMs.e2e, p50: 193 } },
    });
    expect(fellBehindNotes(short(0.94))).toEqual([]);
    expect(fellBehindNotes(short(0.75))).toHaveLength(1);
  });
});

describe("the sweep's answer as data", () => {
  test('names the throughput step with its capacity and the largest rate within the SLO', () => {
    expect(sweepFindings(SWEEP)).toEqual({
      throughputStep: {
        step: 1,
        concurrency: 64,
        requestsPerSec: SWEEP.steps![1]!.throughput.requestsPerSec,
        capacity: SWEEP.steps![1]!.throughput.steadyRequestsPerSec,
        valid: true,
        sloMet: true,
      },
      largestRateWithinSlo: {
        step: 1,
        offeredRate: null,
        achievedRate: SWEEP.steps![1]!.throughput.requestsPerSec,
        sentLate: false,
      },
    });
    expect(sweepFindings({ ...SWEEP, profile: { kind: 'find-max' } })).toBeUndefined();
  });
});

describe('the HTML report', () => {
  test('defines TTFT on its own, apart from TPOT and ITL', () => {
    const html = loadtestHtml(SWEEP, []);
    expect(html).toContain(
      'TTFT = first token (of any channel, reasoning included) − intended start. TPOT = (last token − first token) / (output tokens − 1)',
    );
    expect(html).not.toContain('TTFT, TPOT =');
  });

  test("draws each step's quality interval as a bar on the quality chart", () => {
    const steps = SWEEP.steps!.map((s, i) => ({
      ...s,
      quality: [
        {
          metric: 'accuracy',
          value: 0.9,
          interval: [0.8 - i / 100, 0.95] as [number, number],
          scored: 100,
        },
      ],
    }));
    const html = loadtestHtml({ ...SWEEP, steps }, []);
    const chart = html.slice(html.indexOf('Answer quality against rate'));
    const bars = chart.match(/<g class="interval"[^>]*><title>[^<]*<\/title>/g) ?? [];
    expect(bars).toHaveLength(5);
    expect(bars[0]).toContain('accuracy interval 0.8 to 0.95');
    expect(chart).toContain('Bars: 95% intervals');
  });
});

describe('Arrow records', () => {
  const records = [record(0, true), record(1, 'failed'), { ...record(2, false), scores: null }];

  test('hold itlMs as List<Float64> and scores as Map<Utf8, Float64>, read back exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-arrow-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'r.arrow');
    await writeRecords(path, records);
    const table = tableFromIPC(readFileSync(path));
    const type = (name: string) => String(table.schema.fields.find((f) => f.name === name)?.type);
    expect(type('itlMs')).toBe('List<Float64>');
    expect(type('scores')).toBe('Map<{key:Utf8, value:Float64}>');
    expect(type('item')).toBe('Int32');
    const back = await readRecords(path);
    expect(back).toEqual(records);
    expect(summarizeRecords(back)).toEqual(summarizeRecords(records));
  });

  test('written before as JSON text, still read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-arrow-old-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // the older layout: itlMs and scores as Utf8 JSON, no item column
    const typed = recordsTable(records);
    const columns: Record<string, unknown> = {};
    for (const f of typed.schema.fields) {
      if (f.name === 'item') continue;
      const json = f.name === 'itlMs' || f.name === 'scores';
      columns[f.name] = json
        ? vectorFromArray(
            records.map((r) => {
              const cell = f.name === 'itlMs' ? r.itlMs : r.scores;
              return cell === null ? null : JSON.stringify(cell);
            }),
            new Utf8(),
          )
        : typed.getChild(f.name)!;
    }
    const path = join(dir, 'old.arrow');
    writeFileSync(path, tableToIPC(new Table(columns as never), 'file'));
    const back = await readRecords(path);
    expect(back).toEqual(records.map(({ item: _item, ...rest }) => rest));
  });
});
