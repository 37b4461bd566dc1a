import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { htmlReport, type RunResults } from '@assay/report';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';

const PAYLOAD = '<script>window.__pwned = 1</script>';
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned = 2">';

let server: ModelServer;
let dir: string;
let results: RunResults;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-report-'));
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const spammy = i % 2 === 0;
    const text = spammy
      ? `Subject: FREE money!!! Click now ${i}\n\nYou have WON a prize, click here to claim your cash ${PAYLOAD}`
      : `Subject: meeting notes ${i}\n\nHi team, attached are the notes from the build meeting. ${IMG_PAYLOAD}`;
    // Every fifth label is flipped so the report has wrong answers carrying the payloads.
    const label = (i % 5 === 0 ? !spammy : spammy) ? 'spam' : 'ham';
    lines.push(
      JSON.stringify({
        id: `m${i}`,
        body: text,
        y: label,
        source: i % 3 === 0 ? 'list-a' : 'list-b',
      }),
    );
  }
  writeFileSync(join(dir, 'mail.jsonl'), `${lines.join('\n')}\n`);
  const model = {
    provider: 'openai-chat',
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    streaming: true,
    params: { maxTokens: 4, logprobs: true, topLogprobs: 2 },
    concurrency: { max: 4 },
  };
  const config = parseRunConfig(
    {
      name: `report <b>${PAYLOAD}</b>`,
      dataset: {
        path: 'mail.jsonl',
        columns: { id: 'id', text: 'body', label: 'y', group: 'source' },
      },
      task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
      prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
      models: [
        { name: 'full', ...model },
        { name: 'short', ...model, prompt: { maxFieldChars: 40 } },
        { name: 'shorter', ...model, prompt: { maxFieldChars: 20 } },
      ],
      evaluation: { method: 'stratified', k: 4, bootstrap: 100 },
      output: { dir: join(dir, 'out') },
      thresholds: ['accuracy >= 0.99'],
    },
    { baseDir: dir },
  );
  results = await runEvaluation(config);
  // The model server only answers labels, so plant a hostile answer to check rendering.
  const tampered = structuredClone(results);
  tampered.models[0]!.wrongAnswers.unshift({
    id: 'x',
    fold: 0,
    expected: 'spam',
    answer: `${PAYLOAD} & "quotes"`,
    parsed: null,
    input: IMG_PAYLOAD,
  });
  writeFileSync(join(dir, 'tampered.html'), htmlReport(tampered));
}, 120_000);

afterAll(async () => {
  await server?.close();
  // ASSAY_KEEP_SCREENSHOTS=1 keeps the folder (and the screenshots logged below) to look at
  if (!process.env.ASSAY_KEEP_SCREENSHOTS) rmSync(dir, { recursive: true, force: true });
});

/** The verdict opens the page, in view, with the outcome, and nothing runs off the page. */
async function checkVerdictAtTop(page: Page): Promise<void> {
  const verdict = page.locator('section.verdict');
  expect(await verdict.isVisible()).toBe(true);
  expect(
    await page.$eval('h1', (h1) => h1.nextElementSibling?.matches('section.verdict') ?? false),
  ).toBe(true);
  const box = (await verdict.boundingBox())!;
  expect(box.y).toBeLessThan(150);
  expect(box.height).toBeGreaterThan(60);
  const text = (await verdict.textContent()) ?? '';
  expect(text).toMatch(/^Verdict: FAIL/);
  expect(text).toContain('accuracy >= 0.99 fails for full');
  expect(text).toContain('(95% confidence: between');
  expect(text).toContain('Biggest risk:');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const pageWidth = await page.$eval('html', (html) => html.scrollWidth - html.clientWidth);
    const inside = await page.$eval('section.verdict', (v) => ({
      verdict: v.scrollWidth - v.clientWidth,
      right: v.getBoundingClientRect().right - v.ownerDocument.documentElement.clientWidth,
    }));
    const overflow = { page: pageWidth, ...inside };
    expect(overflow.page, `page wider than ${width}px`).toBeLessThanOrEqual(0);
    expect(overflow.verdict, `verdict overflows at ${width}px`).toBeLessThanOrEqual(0);
    expect(overflow.right, `verdict past the edge at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('report.html', () => {
  it('escapes model output, data and names (an answer containing <script> is text)', () => {
    const html = readFileSync(join(dir, 'tampered.html'), 'utf8');
    expect(html).not.toContain(PAYLOAD);
    expect(html).not.toContain(IMG_PAYLOAD);
    expect(html).toContain(
      '&lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &quot;quotes&quot;',
    );
    // Self-contained: no scripts, no external references of any kind.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('renders in Chromium: charts with real boxes, no console errors, payload inert', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      for (const file of [results.files.reportHtml, join(dir, 'tampered.html')]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(e.message));
        const requests: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('file://')) requests.push(r.url());
        });
        await page.goto(`file://${file}`);
        await checkVerdictAtTop(page);
        const boxes = await page.$$eval('svg.chart', (svgs) =>
          svgs.map((s) => {
            const r = s.getBoundingClientRect();
            return { w: r.width, h: r.height, label: s.getAttribute('aria-label') };
          }),
        );
        // fold bars (2) + confusion (3) + ROC + calibration + latency CDF + TTFT (3)
        expect(boxes.length).toBeGreaterThanOrEqual(11);
        for (const b of boxes) {
          expect(b.w, String(b.label)).toBeGreaterThan(50);
          expect(b.h, String(b.label)).toBeGreaterThan(50);
        }
        const labels = boxes.map((b) => b.label).join('|');
        // the fold bars start near the lowest score, not at 0: marked on the chart
        expect(labels).toMatch(/accuracy per fold \(axis starts at 0\.\d\d\)/);
        const breaks = await page.$$eval('svg.chart .axis-break', (els) =>
          els.map((e) => e.getBoundingClientRect().height),
        );
        expect(breaks.length).toBeGreaterThan(0);
        for (const h of breaks) expect(h).toBeGreaterThan(3);
        expect((await page.locator('body').textContent()) ?? '').toContain('Positive class: spam');
        expect(labels).toMatch(/ROC curve/);
        expect(labels).toMatch(/Calibration/);
        expect(labels).toMatch(/Latency CDF/);
        expect(labels).toMatch(/Confusion matrix: full/);
        const drawn = await page.$$eval(
          'svg.chart polyline, svg.chart rect.bar, svg.chart rect.cell',
          (els) => els.length,
        );
        expect(drawn).toBeGreaterThan(10);
        expect(
          await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
        ).toBeUndefined();
        expect((await page.locator('body').textContent()) ?? '').toContain(
          '<script>window.__pwned = 1</script>',
        );
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.screenshot({
          path: join(dir, `${file.endsWith('tampered.html') ? 'tampered' : 'report'}.png`),
          fullPage: true,
        });
        await page.close();
      }
    } finally {
      await browser.close();
    }
    expect(readFileSync(join(dir, 'report.png')).length).toBeGreaterThan(10_000);
    if (process.env.ASSAY_KEEP_SCREENSHOTS) console.log(`report screenshots in ${dir}`);
  }, 120_000);

  it('shows the comparison table with Holm-corrected p-values for three models', () => {
    expect(results.comparisons).toHaveLength(3);
    for (const c of results.comparisons) {
      expect(c.mcnemar!.pHolm).not.toBeNull();
      expect(c.mcnemar!.pHolm!).toBeGreaterThanOrEqual(c.mcnemar!.pValue);
    }
    const html = readFileSync(results.files.reportHtml, 'utf8');
    expect(html).toContain('Model vs model');
    expect(html).toContain('Holm');
    expect(results.passed).toBe(false);
  });
});
