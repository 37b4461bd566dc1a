import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** The reference model server of this repo, built (apps/model-server/dist/main.js). */
const MAIN = fileURLToPath(new URL('../apps/model-server/dist/main.js', import.meta.url));

/** A model server running in a child process. */
export interface ModelServerProcess {
  /** e.g. `http://127.0.0.1:41234/v1` */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts `node apps/model-server/dist/main.js --port N` on a free loopback port and resolves
 * once it says it listens.
 */
export async function startModelServerProcess(): Promise<ModelServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the model server exited (${code}) before listening: ${err}`)),
    );
  });
  return {
    baseUrl,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
