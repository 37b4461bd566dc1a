import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assay, besidesNoWidthCaveat } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-cli-demo-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assay demo (CLI)', () => {
  test('ends with the finish line, then where the report is, then the exit reason last', async () => {
    // the demo injects its in-process server's URL, so the config's own URL is never used
    const config = writeRunConfig(dir, 'small-demo', 'http://127.0.0.1:9/v1', {
      thresholds: ['error_rate <= 0.01'],
    });
    const done = await assay(['demo', '--config', config, '--quiet']);
    expect(besidesNoWidthCaveat(done.stderr)).toBe('');
    expect(done.code).toBe(0);
    const tail = done.stdout.trimEnd().split('\n').slice(-3);
    expect(tail[0]).toMatch(/^Demo finished in \d+\.\d s\.$/);
    expect(tail[1]).toBe(`Report: ${join(dir, 'small-demo', 'report.html')}`);
    // its one gate is on the service: the last line says so, as the verdict does
    expect(tail[2]).toBe('assay: exit 0: the 1 threshold check passed (service thresholds only)');
    expect(done.stdout.match(/Demo finished/g)).toHaveLength(1);
  }, 120_000);

  test('a configuration found nowhere is refused with exit 2 before the server starts, naming the demo examples', async () => {
    const done = await assay(['demo', '--config', 'no-such-example']);
    expect(done.code).toBe(2);
    expect(done.stdout).toBe('');
    expect(done.stderr).toContain("assay demo: no configuration 'no-such-example'");
    expect(done.stderr).toContain('spam-assassin, compare-settings, subject-lines');
    // the server would have printed its address and trained its model first
    expect(done.stderr).not.toContain('reference model server at');
  }, 60_000);

  test('--help names the bundled examples that run against the reference server', async () => {
    const done = await assay(['demo', '--help']);
    expect(done.code).toBe(0);
    expect(done.stdout.replace(/\s+/g, ' ')).toContain(
      'a bundled example by name (spam-assassin, compare-settings, subject-lines)',
    );
  });
});
