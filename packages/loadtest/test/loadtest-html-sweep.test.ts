import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type LoadTestResult, loadtestHtml } from '../src/index.js';

/** A sweep whose five steps all met the SLO; step 2's generator fell behind its schedule. */
const sweep = JSON.parse(
  readFileSync(new URL('./fixtures/sweep-result.json', import.meta.url), 'utf8'),
) as LoadTestResult;

/** The cells of each body row of the step table. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!),
  );
}

function headers(html: string): string[] {
  const head = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
  return [...head.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((c) => c[1]!);
}

describe('the HTML report of a sweep', () => {
  const html = loadtestHtml(sweep, []);

  test('reads on a phone: viewport, side padding, the table scrolling in its own box', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<main>');
    expect(html).toMatch(/main\{[^}]*padding:/);
    expect(html).toContain('<div class="table-wrap"><table>');
    expect(html).toMatch(/\.table-wrap\{overflow-x:auto/);
    expect(html).not.toContain('<script');
  });

  test('counts the steps that met the SLO apart from the steps whose measurement is not valid', () => {
    expect(sweep.steps!.every((s) => s.sloPassed?.passed === true)).toBe(true);
    expect(html).toContain(
      'SLO met at 5 of 5 steps; 1 measurement not valid (step 2: the load generator fell behind), so its figures describe the client, not the server.',
    );
    const head = headers(html);
    const slo = head.indexOf('SLO');
    const valid = head.indexOf('measurement valid');
    expect(slo).toBeGreaterThan(0);
    expect(valid).toBeGreaterThan(slo);
    const cells = rows(html);
    expect(cells.map((r) => r[slo])).toEqual(['met', 'met', 'met', 'met', 'met']);
    expect(cells.map((r) => r[valid])).toEqual([
      'yes',
      'yes',
      'NO (generator saturated)',
      'yes',
      'yes',
    ]);
  });

  test("gives the sweep's answer and no throughput pooled over its steps", () => {
    const answer = /<p class="answer"><b>(.*?)<\/b><\/p>/.exec(html)![1]!;
    expect(answer).toContain(
      'Largest rate measured within the SLO: achieved 388.93 requests/s (a closed loop offers no rate) (step 1: concurrency 64',
    );
    // the capacity the sweep spaced its rates from: completions per second while it was sending
    expect(answer).toContain(
      'Throughput step (step 1: concurrency 64): achieved 388.93 requests/s, 388.33/s while sending (the capacity the rates were spaced from), SLO met.',
    );
    // 224.24 requests/s is the pooled rate of five different loads
    expect(html).not.toContain('224.24');
    expect(html).toContain('of 3434 scheduled over 5 steps');
  });

  test('says in its headline that a throughput step ended by an interruption was cut short', () => {
    // Ctrl-C during the throughput step: the run holds steps 0 and 1 only
    const interrupted: LoadTestResult = {
      ...sweep,
      interrupted: true,
      steps: sweep.steps!.slice(0, 2),
    };
    const answer = /<p class="answer"><b>(.*?)<\/b><\/p>/.exec(loadtestHtml(interrupted, []))![1]!;
    expect(answer).toContain(
      'Throughput step (step 1: concurrency 64): achieved 388.93 requests/s (cut short by the interruption), 388.33/s while sending (the capacity the rates were spaced from), SLO met.',
    );
  });

  test('counts a step that met the SLO with late sends, as --find-max does, unless it was not offered its rate', () => {
    const answerOf = (r: LoadTestResult) =>
      /<p class="answer"><b>(.*?)<\/b><\/p>/.exec(loadtestHtml(r, []))![1]!;
    const withStep1 = (harness: Record<string, unknown>, rps: number): LoadTestResult => ({
      ...sweep,
      steps: sweep.steps!.map((s, i) =>
        i === 2
          ? {
              ...s,
              profile: { ...s.profile, rate: rps },
              harness: { ...s.harness, saturated: true, ...harness },
              throughput: { ...s.throughput, requestsPerSec: rps },
            }
          : s,
      ),
    });
    // step 2 met the SLO at a rate above every other step's, its sends late: it answers
    expect(answerOf(withStep1({ rateShort: false }, 500))).toContain(
      'Largest rate measured within the SLO: offered 500.00 requests/s, achieved 500.00/s (step 2: ',
    );
    expect(answerOf(withStep1({ rateShort: false }, 500))).toContain(
      'met although the generator sent late, which only adds to the latencies',
    );
    // not offered its rate: it says nothing about the service
    expect(answerOf(withStep1({ rateShort: true }, 500))).toContain(
      'Largest rate measured within the SLO: achieved 388.93 requests/s (a closed loop offers no rate) (step 1: concurrency 64',
    );
  });

  test('states its answer as --find-max does: the offered rate, with the achieved rate beside it', () => {
    // step 3 offered 400/s, the most of any step that met the SLO, and completed 350/s over
    // its span: the answer used to rank and print achieved rates (388.93, the closed loop's)
    const offered = 400;
    const result: LoadTestResult = {
      ...sweep,
      steps: sweep.steps!.map((s, i) =>
        i === 3
          ? {
              ...s,
              profile: { ...s.profile, rate: offered },
              throughput: { ...s.throughput, requestsPerSec: 350 },
            }
          : s,
      ),
    };
    const answer = /<p class="answer"><b>(.*?)<\/b><\/p>/.exec(loadtestHtml(result, []))![1]!;
    expect(answer).toContain(
      'Largest rate measured within the SLO: offered 400.00 requests/s, achieved 350.00/s (step 3: 400.00/s',
    );
    // find-max's answer: the offered rate too, and its step's achieved rate beside it
    const search = {
      ...result,
      profile: { kind: 'find-max' },
      maxRate: { rate: offered, bracket: [offered, 420], slo: 'e2e_p99<=1000', upperEnd: 'slo' },
    } as LoadTestResult;
    const top = /<p class="answer"><b>(.*?)<\/b><\/p>/.exec(loadtestHtml(search, []))![1]!;
    expect(top).toBe(
      'Largest rate within the SLO (e2e_p99&lt;=1000): offered 400.00 requests/s (achieved 350.00/s, step 3) (bracket 400.00-420.00).',
    );
  });

  test("find-max's report opens with its answer and counts a step that fell behind its rate as a miss, as the search does", () => {
    // step 4 met the bounds but completed 71% of what arrived once under way: the search
    // counted it a miss, the summary counted it as met ('SLO met at 5 of 5')
    const search = {
      ...sweep,
      profile: { kind: 'find-max' },
      steps: sweep.steps!.map((s, i) =>
        i === 4 ? { ...s, throughput: { ...s.throughput, keptUpShare: 0.71 } } : s,
      ),
      maxRate: {
        rate: 224.72544965272812,
        bracket: [224.72544965272812, 306.52940603548024],
        slo: 'e2e_p99<=1000',
        upperEnd: 'kept-up',
      },
    } as LoadTestResult;
    const page = loadtestHtml(search, []);
    expect(page).toContain(
      'SLO met at 4 of 5 steps (step 4 met the bounds but fell behind its rate (kept up 0.71 &lt; 0.95), which --find-max counts as a miss)',
    );
    // the answer is the first thing under the title, as a sweep's is
    expect(page).toMatch(
      /<\/h1>\n<p class="answer"><b>Largest rate within the SLO \(e2e_p99&lt;=1000\): offered 224\.73 requests\/s/,
    );
  });

  test('the step table puts its verdicts next to the step, so a page that cuts it keeps them', () => {
    const head = headers(html);
    // (the first header reads with the table's opening tags: the pattern also matches <thead>)
    expect(head.indexOf('SLO')).toBe(1);
    expect(head.indexOf('measurement valid')).toBe(2);
    expect(html).toMatch(/main\{max-width:1360px/);
  });

  test("shows the SLO's statistics with their unit and bound, rounded", () => {
    const head = headers(html);
    expect(head).toContain('TTFT p95 (ms, SLO ≤ 300)');
    expect(head).toContain('e2e p99 (ms, SLO ≤ 1000)');
    expect(head).toContain('error rate (SLO ≤ 1%)');
    // e2e p99 is shown once, in the bound's column
    expect(head.filter((h) => h.startsWith('e2e p99'))).toHaveLength(1);
    // no streaming: TPOT has no value anywhere and gets no column
    expect(head.some((h) => h.startsWith('TPOT'))).toBe(false);
    const p95 = head.indexOf('TTFT p95 (ms, SLO ≤ 300)');
    expect(rows(html).map((r) => r[p95])).toEqual(['33.2', '226', '43.3', '14.0', '21.4']);
  });

  test('draws the invalid step hollow, e2e dashed, and two concurrencies as points only', () => {
    const latency = html.slice(html.indexOf('aria-label="Latency percentiles'));
    const svg = latency.slice(0, latency.indexOf('</svg>'));
    // step 2 in each of the four series
    expect(svg.match(/class="point invalid"/g)).toHaveLength(4);
    expect(svg).toContain('hollow: step not valid');
    expect(svg.match(/<polyline[^>]*stroke-dasharray/g)).toHaveLength(2);
    expect(html).toContain('e2e equals TTFT within 1%');
    const conc = html.slice(html.indexOf('aria-label="Throughput against concurrency'));
    const concSvg = conc.slice(0, conc.indexOf('</svg>'));
    expect(concSvg).not.toContain('<polyline');
    expect(concSvg.match(/<circle[^>]*class="point"/g)).toHaveLength(2);
    expect(html).toContain('Measured at concurrency 1 and 64 only: no line is drawn');
  });

  test('a run of one step gets a note instead of charts of one point each', () => {
    const one = { ...sweep.steps![3]!, schemaVersion: sweep.schemaVersion } as LoadTestResult;
    const page = loadtestHtml(one, []);
    expect(page).not.toContain('Latency percentiles against rate');
    expect(page).not.toContain('Goodput against rate');
    expect(page).toContain('One step: its figures are in the table above');
    expect(page).not.toContain('class="answer"');
  });
});
