import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { htmlReport } from '../src/index.js';
import { generationResults, HOSTILE } from './support/generation-results.js';

describe('report.html of a generation run in Chromium', () => {
  test('parses into the expected tables and charts, hostile text inert and shown as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-genreport-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'report.html');
    writeFileSync(file, htmlReport(generationResults()));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
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

      // the hostile output made no elements of its own
      expect(await page.$$eval('script, img, a, iframe', (els) => els.length)).toBe(0);
      expect(
        await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();

      const worst = await page.$$eval('table.worst-items tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll(':scope > td')].map((td) => td.textContent ?? '')),
      );
      expect(worst).toHaveLength(2);
      for (const row of worst) expect(row).toHaveLength(5);
      expect(worst[0]![0]).toContain('mail-9');
      expect(worst[0]![2]).toBe(`Subject: ${HOSTILE}`);
      expect(worst[0]![3]).toContain('no match');
      expect(worst[0]![4]).toBe(`Re: ${HOSTILE}second reference`);
      expect(worst[1]![2]).toMatch(/ … \(\d+ more characters\)$/);

      const slices = await page.$$eval('table.generation-slices tr', (rows) =>
        rows.map((r) => [...r.children].map((c) => c.textContent ?? '')),
      );
      expect(slices).toEqual([
        ['group', 'answers', 'token_f1', 'bleu'],
        [`list-a ${HOSTILE}`, '12', '0.432', '31.500'],
        ['list-b', '8', '0.877', '—'],
      ]);

      const agreement = await page.$$eval('table.agreement tr', (rows) =>
        rows.map((r) => [...r.children].map((c) => c.textContent ?? '')),
      );
      expect(agreement).toEqual([
        ['human ↓ · judge →', 'C', 'I'],
        ['C', '9', '2'],
        ['I', '1', '6'],
      ]);

      const histograms = await page.$$eval('svg.chart', (svgs) =>
        svgs
          .filter((s) => / per answer$/.test(s.querySelector('.axis-label')?.textContent ?? ''))
          .map((s) => {
            const box = s.getBoundingClientRect();
            const bars = [...s.querySelectorAll('rect.bar')].map(
              (b) => b.getBoundingClientRect().height,
            );
            const axes = [...s.querySelectorAll('.axis-label')].map((a) => a.textContent);
            return { label: s.getAttribute('aria-label'), w: box.width, h: box.height, bars, axes };
          }),
      );
      expect(histograms.map((x) => x.label)).toEqual([
        'token_f1: subject-gen',
        'sentence BLEU: subject-gen',
      ]);
      for (const x of histograms) {
        expect(x.w).toBeGreaterThan(50);
        expect(x.h).toBeGreaterThan(50);
        expect(x.bars).toHaveLength(4);
        // 3 samples per item: the bars count answers, and the y axis says so
        expect(x.axes[1]).toBe('answers (3 per item)');
        expect(Math.max(...x.bars)).toBeGreaterThan(50);
      }
      const pageOverflow = await page.$eval('html', (h) => h.scrollWidth - h.clientWidth);
      expect(pageOverflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
