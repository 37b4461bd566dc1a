import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small node:http server on loopback that records the bodies and headers it received. */
export interface LocalServer {
  readonly url: string;
  readonly requests: Array<{ path: string; headers: IncomingMessage['headers']; body: unknown }>;
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 with a free port; bodies are parsed as JSON. */
export async function startLocalServer(
  handler: (
    body: Record<string, unknown>,
    res: ServerResponse,
    req: IncomingMessage,
  ) => void | Promise<void>,
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      void handler(body, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes SSE events (each `{ event?, data }`) and ends the response. */
export function writeSse(
  res: ServerResponse,
  events: Array<{ event?: string; data: unknown }>,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let out = '';
  for (const e of events) {
    if (e.event !== undefined) out += `event: ${e.event}\n`;
    out += `data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`;
  }
  res.end(out);
}

/** Asserts timestamps are non-decreasing. */
export function isMonotone(values: ReadonlyArray<number | undefined>): boolean {
  let last = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === undefined) return false;
    if (v < last) return false;
    last = v;
  }
  return true;
}
