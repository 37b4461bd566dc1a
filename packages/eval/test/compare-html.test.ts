import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { type CompareResult, compareHtml, compareMarkdown, compareText } from '../src/index.js';

/** spam-v1 against spam-v2, no decision rule: brier_score significantly better, three rows split. */
const result = JSON.parse(
  readFileSync(new URL('./fixtures/compare-result.json', import.meta.url), 'utf8'),
) as CompareResult;

/** The same comparison read the other way round, gated with --fail-on regression: brier_score fails. */
function reversed(): CompareResult {
  return {
    ...result,
    baseline: result.candidate,
    candidate: result.baseline,
    settings: { ...result.settings, failOn: 'regression' },
    metrics: result.metrics.map((m) => ({
      ...m,
      baseline: m.candidate,
      candidate: m.baseline,
      difference: -m.difference!,
      ciLow: -m.ciHigh!,
      ciHigh: -m.ciLow!,
      worse: m.metric === 'brier_score',
      failed: m.metric === 'brier_score',
    })),
    decision: { exitCode: 1, reason: 'FAIL: brier_score significantly worse' },
  };
}

/** The body rows of the first table after a marker, as cell texts (tags dropped). */
function rowsAfter(html: string, marker: string): string[][] {
  const from = html.indexOf(marker);
  const body = html.slice(html.indexOf('<tbody>', from), html.indexOf('</tbody>', from));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
}

describe('the HTML comparison', () => {
  const html = compareHtml(result);

  test('reads on a phone: viewport, side padding, tables scrolling in their own box', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/main\{[^}]*padding:/);
    expect(html.match(/<div class="table-wrap"><table>/g)).toHaveLength(2);
    expect(html).not.toContain('<script');
  });

  test('NOT CHECKED is grey, PASS green and FAIL dark orange, each 4.5:1 on white', () => {
    expect(html).toContain('<p class="decision neutral">NOT CHECKED:');
    expect(html).toMatch(/\.decision\.neutral\{color:#3d444d\}/);
    expect(html).toContain('.decision.pass{color:#006b4f');
    expect(html).toContain('.decision.fail{color:#a33a00');
    expect(html).not.toMatch(/#009E73/i);
    const pass = {
      ...result,
      decision: { exitCode: 0 as const, reason: 'PASS: no gated metric significantly worse' },
    };
    expect(compareHtml(pass)).toContain('<p class="decision pass">PASS:');
    expect(compareHtml(reversed())).toContain('<p class="decision fail">FAIL:');
  });

  test('a summary in words above the decision: per gated metric the difference, its side and significance; cost and latency', () => {
    const summary = html.slice(
      html.indexOf('<section class="summary">'),
      html.indexOf('</section>'),
    );
    expect(html.indexOf('<section class="summary">')).toBeLessThan(html.indexOf('class="decision'));
    expect(summary).toContain(
      'spam-v2 against spam-v1: better on 8 of 8 gated metrics (significantly on brier_score); worse on none.',
    );
    expect(summary).toContain(
      'brier_score (lower is better): −0.0151 [−0.0331, −0.0058], better, significant (p adj 0.032)',
    );
    expect(summary).toContain(
      'log_loss (lower is better): −0.0084 [−0.0888, +0.1568], better, not significant (p adj 1.000)',
    );
    expect(summary).toContain(
      'cost per correct answer $0.00103 → $0.000509: −$0.000524 (−51%), lower',
    );
    expect(summary).toContain('p95 latency 97.3 ms → 134 ms: +36.4 ms (+37%), higher');
  });

  test('the table gives each metric its direction and side, the service table its units', () => {
    const rows = rowsAfter(html, '<h2>Metrics</h2>');
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect(byName.get('accuracy')![1]).toBe('▲ higher');
    expect(byName.get('log_loss')![1]).toBe('▼ lower');
    expect(byName.get('brier_score')!.at(-1)).toBe('better, significant');
    expect(byName.get('roc_auc')!.at(-1)).toBe('better, not sig.');
    expect(html).toContain('<td class="better">better, significant</td>');
    const service = new Map(rowsAfter(html, '<h2>Service</h2>').map((r) => [r[0], r]));
    expect(service.get('cost per correct')).toEqual([
      'cost per correct',
      '$0.00103',
      '$0.000509',
      '−$0.000524 (−51%)',
      'lower',
    ]);
    expect(service.get('p95 latency')).toEqual([
      'p95 latency',
      '97.3 ms',
      '134 ms',
      '+36.4 ms (+37%)',
      'higher',
    ]);
    expect(service.get('total cost')![1]).toMatch(/^\$0\.\d+$/);
  });

  test('calls an untested service figure higher or lower, in no colour, as the terminal and Markdown tables do', () => {
    const service = html.slice(html.indexOf('<h2>Service</h2>'));
    const table = service.slice(0, service.indexOf('</table>'));
    // a p95 latency up by 37% and a cost down by half are single figures of each run, not tested
    expect(table).not.toMatch(/\b(better|worse)\b/);
    expect(table).not.toContain('<td class=');
    expect(rowsAfter(html, '<h2>Service</h2>').map((r) => r.at(-1))).toEqual(
      result.service.map((s) =>
        s.difference === null
          ? '–'
          : s.difference === 0
            ? 'same'
            : s.difference > 0
              ? 'higher'
              : 'lower',
      ),
    );
    const summary = html.slice(
      html.indexOf('<section class="summary">'),
      html.indexOf('</section>'),
    );
    expect(summary.slice(summary.indexOf('service:'))).not.toMatch(/\b(better|worse)\b/);
    // the same word in the same column of every form
    const textLine = compareText(result)
      .split('\n')
      .find((l) => l.startsWith('p95_latency_ms'))!;
    expect(textLine.trim().split(/\s+/).at(-1)).toBe('higher');
    const mdLine = compareMarkdown(result)
      .split('\n')
      .find((l) => l.startsWith('| p95_latency_ms'))!;
    expect(mdLine.split('|').at(-2)!.trim()).toBe('higher');
    expect(compareMarkdown(result)).toContain(
      '| service | baseline | candidate | difference | candidate is |',
    );
  });

  test('rows whose interval and test disagree carry a † on the interval, explained under the table', () => {
    const rows = rowsAfter(html, '<h2>Metrics</h2>');
    const marked = rows.filter((r) => r[5]!.endsWith('†')).map((r) => r[0]);
    expect(marked).toEqual(['accuracy', 'balanced_accuracy', 'recall_macro']);
    expect(html).toContain(
      '<sup>†</sup> The interval and the test disagree (accuracy, balanced_accuracy, recall_macro)',
    );
  });

  test('the forest plot is oriented so that right is better, losses flipped and said so', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('right = candidate better');
    expect(svg).toContain('← candidate worse');
    expect(svg).toContain('candidate better →');
    expect(svg).toContain('▼ brier_score (sign flipped)');
    expect(svg).toContain('▲ accuracy');
    // brier_score fell: a significant improvement, drawn green right of zero
    const zero = Number(
      /class="zero-line"/.test(svg) && /<line x1="([\d.]+)"[^>]*class="zero-line"/.exec(svg)![1],
    );
    const brier = /<rect x="([\d.]+)"[^>]*fill="#006b4f"/.exec(svg);
    expect(brier).not.toBeNull();
    expect(Number(brier![1]) + 5).toBeGreaterThan(zero);
    // reversed, it is a regression that fails its gate: dark orange, left of zero
    const back = compareHtml(reversed());
    const bad = /<rect x="([\d.]+)"[^>]*fill="#a33a00"/.exec(back);
    expect(bad).not.toBeNull();
  });
});

describe('the interval named by the forest plot and the methods line', () => {
  const titleOf = (r: CompareResult): string =>
    /<svg[^>]*aria-label="([^"]*)"/.exec(compareHtml(r))![1]!;
  const withIntervals = (kind: (metric: string) => 'bca' | 'percentile'): CompareResult => ({
    ...result,
    metrics: result.metrics.map((m) => ({ ...m, interval: kind(m.metric) })),
  });

  test('is BCa only where every interval is BCa, and names the percentile ones otherwise', () => {
    expect(titleOf(result)).toBe('Difference per metric, 95% BCa CI: right = candidate better');
    const all = withIntervals(() => 'percentile');
    expect(titleOf(all)).toBe('Difference per metric, 95% percentile CI: right = candidate better');
    expect(compareText(all)).toContain('paired bootstrap (percentile) ');
    const some = withIntervals((m) => (m === 'roc_auc' || m === 'log_loss' ? 'percentile' : 'bca'));
    expect(titleOf(some)).toBe(
      'Difference per metric, 95% CI (BCa; percentile for roc_auc, log_loss): right = candidate better',
    );
    expect(compareText(some)).toContain(
      'paired bootstrap (BCa; percentile for roc_auc, log_loss) ',
    );
  });
});

describe('the HTML comparison in Chromium', () => {
  test('on a 390 px phone the page does not scroll sideways; the metric table scrolls in its box', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-compare-html-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'compare.html');
    writeFileSync(file, compareHtml(result));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true });
      await page.goto(`file://${file}`);
      // string expressions: the test's types have no DOM
      const layout = {
        page: (await page.evaluate('document.documentElement.scrollWidth')) as number,
        wrap: (await page.evaluate(
          "[document.querySelector('.table-wrap').scrollWidth, document.querySelector('.table-wrap').clientWidth]",
        )) as number[],
        left: (await page.evaluate(
          "document.querySelector('h1').getBoundingClientRect().left",
        )) as number,
      };
      expect(layout.page).toBeLessThanOrEqual(390);
      expect(layout.wrap[0]).toBeGreaterThan(layout.wrap[1]!);
      expect(layout.left).toBeGreaterThanOrEqual(8);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
