import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, runEvaluation } from '../src/index.js';
import { outputWriteError, unusableFolderError } from '../src/run/output-dir-errors.js';
import { lockOutputDir } from '../src/run/output-lock.js';
import { refusalOf, SMALL_RUN_ITEMS, smallRunConfig, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-output-dir-errors-'));
  server = await startModelServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const errno = (code: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: failed`), { code, ...(path === undefined ? {} : { path }) });

describe('an output directory that cannot be made', () => {
  // mkdirSync(..., { recursive: true }) spins forever on Node 20 under /proc
  it.runIf(existsSync('/proc/self'))(
    'under /proc is refused at once, naming output.dir and --output, before any request',
    async () => {
      const before = server.stats().completions;
      const error = await refusalOf(
        runEvaluation(smallRunConfig('/proc/assay-nope/out', server.baseUrl)),
      );
      expect(error.code).toBe('INVALID_CONFIG');
      expect(error.path).toBe('output.dir');
      expect(error.message).toContain(
        "output.dir '/proc/assay-nope/out' could not be created (mkdir '/proc/assay-nope': the file system there takes no new folders); nothing was sent. Set output.dir (or --output) to a folder this user may create and write to",
      );
      expect(server.stats().completions).toBe(before);
    },
    10_000,
  );

  it('a cache under a file is refused at cache, not as a raw ENOTDIR', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    const config = parseRunConfig({
      ...spamRunDocument({
        name: 'cache-under-file',
        out: join(dir, 'c'),
        baseUrl: server.baseUrl,
      }),
      cache: join(file, 'sub', 'cache.sqlite'),
    });
    const error = await refusalOf(runEvaluation(config));
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.path).toBe('cache');
    expect(error.message).toMatch(/^cache's folder '.*plain-file\/sub' could not be created \(/);
    expect(error.message).toContain('a part of the path is a file, not a directory');
  });

  it('says what a permission error means and what would do, for the folder and for the lock', () => {
    expect(
      unusableFolderError('output.dir', '/srv/runs/a', errno('EACCES'), "mkdir '/srv/runs'")
        .message,
    ).toBe(
      `output.dir '/srv/runs/a' could not be created (mkdir '/srv/runs': permission denied); nothing was sent. Set output.dir (or --output) to a folder this user may create and write to, e.g. '${join(process.cwd(), 'assay-out', 'a')}'.`,
    );
    const lock = unusableFolderError(
      'output.dir',
      '/srv/runs/a',
      errno('EPERM'),
      "create '/srv/runs/a/run.lock'",
    );
    expect(lock.message).toMatch(
      /^output\.dir '\/srv\/runs\/a' is not writable \(create '\/srv\/runs\/a\/run\.lock': operation not permitted\)/,
    );
    expect(lock.code).toBe('INVALID_CONFIG');
  });
});

describe('a result file that cannot be written after every request is done', () => {
  it('names the file, output.dir and the journal, not a lock-cleanup error after it', async () => {
    const out = join(dir, 'unwritable');
    // a directory where predictions.arrow goes: its rename fails as a read-only folder would
    mkdirSync(join(out, 'predictions.arrow', 'in-the-way'), { recursive: true });
    const notes: string[] = [];
    const config = smallRunConfig(out, server.baseUrl);
    const error = await refusalOf(
      runEvaluation(config, {
        onNote: (n) => notes.push(n),
        onProgress: (progress) => {
          // once every request is done, the lock too becomes unremovable (a directory)
          if (progress[0]!.done < SMALL_RUN_ITEMS || !existsSync(join(out, 'run.lock'))) return;
          rmSync(join(out, 'run.lock'));
          mkdirSync(join(out, 'run.lock'));
        },
      }),
    );
    expect(error.code).toBe('RUN_FAILED');
    expect(error.message).toMatch(
      /^Could not write predictions\.arrow in output\.dir '.*unwritable' \(a directory is in the way\); the answers are saved in the journal: make the directory writable and run again to write the results \(nothing is sent again\)\.$/,
    );
    expect(notes.join('\n')).toMatch(/could not remove the lock file .*run\.lock/);
    // the answers are in the journal: with the way cleared, a rerun sends nothing
    rmSync(join(out, 'predictions.arrow'), { recursive: true });
    rmSync(join(out, 'run.lock'), { recursive: true });
    const again = await runEvaluation(config);
    expect(again.models[0]!.service.resumedFromJournal).toBe(SMALL_RUN_ITEMS);
  });

  it('gives the file without its temporary suffix, and passes other errors through', () => {
    const denied = errno('EACCES', join(dir, 'o', 'predictions.arrow.tmp-4242'));
    expect((outputWriteError(denied, join(dir, 'o')) as Error).message).toBe(
      `Could not write predictions.arrow in output.dir '${join(dir, 'o')}' (permission denied); the answers are saved in the journal: make the directory writable and run again to write the results (nothing is sent again).`,
    );
    expect((outputWriteError(errno('ENOSPC', '/o/results.json'), '/o') as Error).message).toContain(
      '(no space left on the device); the answers are saved in the journal: free some space',
    );
    const bug = new TypeError('x is undefined');
    expect(outputWriteError(bug, '/o')).toBe(bug);
  });

  it('a lock that cannot be removed is told, never thrown', () => {
    const out = join(dir, 'lock-stuck');
    const notes: string[] = [];
    const lock = lockOutputDir(out, (n) => notes.push(n));
    rmSync(lock.path);
    mkdirSync(lock.path);
    expect(() => lock.release()).not.toThrow();
    expect(notes).toEqual([
      `could not remove the lock file ${lock.path} (a directory is in the way); the next run takes it over, since this process will be gone.`,
    ]);
  });
});
