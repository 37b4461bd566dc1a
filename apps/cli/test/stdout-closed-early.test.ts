import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { BIN } from './cli-process.js';

describe('a reader that closes stdout early (assay ... | head)', () => {
  test('ends the output, not the command: exit 0 and no EPIPE stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-epipe-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const csv = join(dir, 'preds.csv');
    writeFileSync(csv, `y,p\n${'a,a\nb,a\n'.repeat(500)}`);
    const child = spawn(
      process.execPath,
      [BIN, 'score', csv, '--y-true', 'y', '--y-pred', 'p', '--format', 'table', '--workers', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // the reader goes away before the report is written, as `head -c 0` does
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(code).toBe(0);
  });
});
