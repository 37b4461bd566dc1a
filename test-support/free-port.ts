import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

/**
 * A loopback TCP port nothing listens on: bound, then released at once (for tests of a
 * service that cannot be reached).
 *
 * @returns the port
 * @example
 * const url = `http://127.0.0.1:${await freePort()}/v1`;
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}
