import { describe, expect, test } from 'vitest';
import {
  calibrationChart,
  histogramChart,
  htmlReport,
  latencyCdfChart,
  lineChart,
  markdownReport,
  REPORT_CSS,
} from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

describe('wide tables on a phone', () => {
  test('scroll inside their own box, a wide one with a hint; numbers do not wrap', () => {
    const html = htmlReport(sampleResults([sampleModel('spam-v1')]));
    expect(html).toContain(
      '<p class="scroll-hint" aria-hidden="true">Wide table: scroll sideways for more columns →</p><div class="table-scroll"><table class="service">',
    );
    expect(html).not.toMatch(/(?<!<div class="table-scroll">)<table/);
    expect(REPORT_CSS).toContain('td.num{white-space:nowrap}');
    expect(REPORT_CSS).toContain('.service td.name');
    // the page itself never scrolls sideways: the boxes do
    expect(REPORT_CSS).not.toContain('table{display:block');
  });

  test('the service table puts latency and cost before the finer figures', () => {
    const html = htmlReport(sampleResults([sampleModel('nb')]));
    const head = html.slice(
      html.indexOf('<table class="service">'),
      html.indexOf('</thead>', html.indexOf('<table class="service">')),
    );
    const order = [
      'requests',
      'failed',
      'latency ms',
      '>cost<',
      'TTFT',
      'decode',
      'sent / resumed',
    ];
    const at = order.map((x) => head.indexOf(x));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('the decode speed of one-token answers', () => {
  test('reads — with a footnote, in report.html and report.md', () => {
    const nb = sampleModel('nb');
    Object.assign(nb.service, { outputTokensPerSecond: 9.5, answered: 4, outputTokens: 4 });
    const r = sampleResults([nb]);
    const html = htmlReport(r);
    expect(html).not.toContain('>9.5<');
    expect(html).toContain('<td class="num">—<sup>*</sup></td>');
    expect(html).toContain('fewer than 2 output tokens');
    const md = markdownReport(r);
    expect(md).toContain('| —* |');
    expect(md).toContain('\\* decode tok/s per request: —');
  });

  test('is shown for longer answers', () => {
    const nb = sampleModel('nb');
    Object.assign(nb.service, { outputTokensPerSecond: 42.25, answered: 4, outputTokens: 400 });
    const html = htmlReport(sampleResults([nb]));
    expect(html).toContain('<td class="num">42.3</td>');
    expect(html).not.toContain('fewer than 2 output tokens');
  });
});

describe('charts', () => {
  test('a latency CDF with one slow outlier is cut above p99, saying how many lie beyond', () => {
    const values = [...Array.from({ length: 199 }, (_, i) => 50 + i), 2500];
    const svg = latencyCdfChart([{ name: 'nb', values }]);
    expect(svg).toContain('axis cut at 250 ms: 1 request beyond (up to 2,500 ms)');
    expect(svg).not.toContain('>2.5k<');
    // without an outlier the axis is whole and carries no note
    expect(latencyCdfChart([{ name: 'nb', values: [10, 20, 30] }])).not.toContain('axis cut');
  });

  test('a TTFT histogram labels its count axis and has ticks between its ends', () => {
    const svg = histogramChart(
      Array.from({ length: 100 }, (_, i) => 100 + i),
      { title: 'TTFT', xLabel: 'ms' },
    );
    expect(svg).toContain('class="axis-label">count</text>');
    expect(svg.match(/class="tick"/g)!.length).toBeGreaterThanOrEqual(6);
  });

  test('a calibration chart gives each marker an area proportional to its bin, and labels every bin', () => {
    const svg = calibrationChart([
      {
        name: 'nb',
        meanPredicted: [0.1, 0.3, 0.5, 0.9],
        fractionPositive: [0.1, 0.3, 1, 0.9],
        counts: [98, 51, 2, 13],
      },
    ]);
    const radii = [...svg.matchAll(/<circle [^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    const area = (i: number): number => radii[i]! ** 2;
    expect(radii[0]).toBe(8);
    expect(area(0) / area(1)).toBeCloseTo(98 / 51, 1);
    expect(area(0) / area(3)).toBeCloseTo(98 / 13, 1);
    // 2 of 98 would be 1.14 px across: drawn at the smallest size, which the legend states
    expect(radii[2]).toBe(2);
    expect(svg).toContain('marker area ∝ items in the bin; under 7 items: smallest size');
    for (const n of [98, 51, 2, 13]) expect(svg).toContain(`class="point-label">n=${n}</text>`);
  });

  test('a calibration chart whose bins are all drawn true to area states no smallest size', () => {
    const svg = calibrationChart([
      { name: 'nb', meanPredicted: [0.2, 0.8], fractionPositive: [0.1, 0.9], counts: [40, 10] },
      { name: 'lr', meanPredicted: [0.2, 0.8], fractionPositive: [0.2, 0.8], counts: [20, 30] },
    ]);
    const radii = [...svg.matchAll(/<circle [^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    // one scale for all models: the largest bin of either has the largest marker
    expect(radii).toEqual([8, 4, 5.66, 6.93]);
    expect(svg).toContain('>marker area ∝ items in the bin</text>');
  });

  test('an emphasised series is drawn last, thick and bold in the legend; an outside legend clears the plot', () => {
    const series = [0, 1, 2].map((i) => ({
      name: `c${i}`,
      x: [64, 192],
      y: [0.9, 0.95],
      markers: true,
      ...(i === 1 ? { emphasis: true } : {}),
    }));
    const svg = lineChart(series, {
      title: 't',
      xLabel: 'items',
      yLabel: 'f1',
      width: 560,
      legendOutside: true,
    });
    const lines = [
      ...svg.matchAll(/<polyline class="series( emphasis)?"[^>]*stroke-width="(\d)"/g),
    ];
    expect(lines.map((m) => m[2])).toEqual(['2', '2', '4']);
    expect(svg).toContain('font-weight="700">c1</text>');
    const width = Number(svg.match(/viewBox="0 0 ([\d.]+)/)![1]);
    const legendX = Number(
      svg.match(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#fff"/)![1],
    );
    const plotRight = Math.max(
      ...[...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1])),
    );
    expect(width).toBeGreaterThan(560);
    expect(legendX).toBeGreaterThan(plotRight + 5);
  });
});

describe('the model-vs-model tables', () => {
  test('say which test each p comes from: the bootstrap p and McNemar’s are labelled apart', () => {
    const r = sampleResults([sampleModel('nb'), sampleModel('lr')], {
      evaluation: { ...sampleResults([]).evaluation, bootstrap: 1000 },
      comparisons: [
        {
          a: 'nb',
          b: 'lr',
          pairedItems: 4,
          mcnemar: { onlyA: 0, onlyB: 30, pValue: 0.00001, pHolm: null },
          metrics: {
            accuracy: { difference: 0.1, ciLow: 0.05, ciHigh: 0.15, pValue: 0, pHolm: null },
          },
        },
      ],
    });
    const html = htmlReport(r);
    const table = html.slice(
      html.indexOf('<h2>Model vs model</h2>'),
      html.indexOf('</table>', html.indexOf('<h2>Model vs model</h2>')),
    );
    // the accuracy row's bootstrap p (<0.002) sits under a bootstrap header, McNemar's under its own
    expect(table).toContain('<th class="num">bootstrap p</th>');
    expect(table).toContain(
      `<th class="num">McNemar's exact test (accuracy): only A / only B right</th>`,
    );
    expect(table).not.toContain('<th class="num">p</th>');
    expect(table).toContain('<td class="num">&lt;0.002</td>');
    expect(table).toContain('0 / 30<br>McNemar p = &lt;0.001');
    const md = markdownReport(r);
    expect(md).toContain(
      '| A | B | paired | McNemar only A / only B | McNemar p | McNemar p (Holm) | metric | Δ | bootstrap CI | bootstrap p |',
    );
  });
});
