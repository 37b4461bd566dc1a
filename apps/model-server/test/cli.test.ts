import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { chatBody, post } from './support/http.js';

// The CLI runs from the build output, as `pnpm start` does (turbo builds before testing).
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

function listening(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

test('--help prints usage and exits 0', () => {
  const result = spawnSync(process.execPath, [main, '--help'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/--port <n>/);
  expect(result.stdout).toMatch(/--fault <spec>/);
});

test('bad flags exit 2 with a message naming the flag', () => {
  const unknown = spawnSync(process.execPath, [main, '--colour'], { encoding: 'utf8' });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/--colour/);
  const fault = spawnSync(process.execPath, [main, '--fault', 'status=abc'], { encoding: 'utf8' });
  expect(fault.status).toBe(2);
  expect(fault.stderr).toMatch(/status is 'abc'/);
});

test('serves with server-wide faults from flags and stops on SIGTERM', async () => {
  child = spawn(
    process.execPath,
    [main, '--port', '0', '--fault', 'status=503', '--model-name', 'cli-model'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const baseUrl = await listening(child);
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  expect((await post(`${baseUrl}/chat/completions`, chatBody('hello'))).status).toBe(503);
  const ok = await post(`${baseUrl}/chat/completions`, chatBody('hello'), {
    'x-assay-fault': 'none',
  });
  expect(JSON.parse(ok.text).model).toBe('cli-model');
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close', not 'exit': stderr is read to its end
  const exited = new Promise<number | null>((resolve) => child!.once('close', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  // a log that ends says why, and what was served
  expect(stderr).toBe(`assay model server on ${baseUrl} stopped (SIGTERM) after 2 requests\n`);
});

test('--help gives the engine capacity with its prefill term, as the README does', () => {
  const result = spawnSync(process.execPath, [main, '--help'], { encoding: 'utf8' });
  const help = result.stdout.replace(/\s+/g, ' ');
  expect(help).toContain('capacity (requests/s) = slots / ((n + prefill steps) x step)');
  expect(help).toContain('prefill steps = ceil(prompt tokens / prefill-tps / step in seconds)');
});

test('the start banner names every engine setting, --prefill-tps included', async () => {
  const banner = (args: string[]): Promise<string> => {
    const proc = spawn(process.execPath, [main, '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    return new Promise((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) {
          proc.kill('SIGKILL');
          resolve(out);
        }
      });
      proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  };
  expect(await banner(['--batch-slots', '4', '--step-ms', '10', '--prefill-tps', '5000'])).toMatch(
    /; batching engine: 4 slots, 10 ms steps, prefill 5000 prompt tokens\/s\n$/,
  );
  expect(await banner(['--batch-slots', '4'])).toMatch(
    /; batching engine: 4 slots, 20 ms steps, instant prefill\n$/,
  );
}, 60_000);
