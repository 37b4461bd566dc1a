import { type AddressInfo, createServer, type Socket } from 'node:net';

/** One request as a {@link RawServer} read it off its connection. */
export interface RawRequest {
  /** Request line and header lines, without the empty line. */
  readonly head: string;
  readonly body: Buffer;
  /** Every byte of the request, as received. */
  readonly bytes: Buffer;
  /** In how many reads (`data` events) its bytes arrived. */
  readonly reads: number;
  /** The connection it came on. */
  readonly connection: RawConnection;
}

/** One accepted connection. */
export interface RawConnection {
  readonly socket: Socket;
  /** Accept order, from 0. */
  readonly index: number;
  /** Whether the client ended it (FIN or reset) before the server did. */
  closedByClient: boolean;
  /** Resolves when the socket is closed on both sides. */
  readonly closed: Promise<void>;
}

/** A TCP server on loopback that reads HTTP/1.1 requests and answers with the test's bytes. */
export interface RawServer {
  readonly origin: string;
  readonly port: number;
  readonly requests: RawRequest[];
  readonly connections: RawConnection[];
  /** Connections open now. */
  readonly open: number;
  /** The most connections open at once. */
  readonly maxOpen: number;
  close(): Promise<void>;
}

/** A response's bytes: status line, headers (and a content-length unless `framing` says). */
export function response(body: string, headers = '', status = '200 OK'): string {
  return `HTTP/1.1 ${status}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`;
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a raw server on 127.0.0.1 (a free port) that calls `answer` with each request whose
 * head and `content-length` body have arrived; the answer writes (or does not write) whatever
 * bytes the test needs, on `request.connection.socket`.
 */
export async function startRawServer(answer: (request: RawRequest) => unknown): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const connections: RawConnection[] = [];
  let open = 0;
  let maxOpen = 0;
  const server = createServer((socket) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    let serverEnded = false;
    const end = socket.end.bind(socket);
    socket.end = ((...args: Parameters<Socket['end']>) => {
      serverEnded = true;
      return end(...args);
    }) as Socket['end'];
    const connection: RawConnection = {
      socket,
      index: connections.length,
      closedByClient: false,
      closed: new Promise((resolve) => socket.once('close', () => resolve())),
    };
    connections.push(connection);
    const byClient = (): void => {
      if (!serverEnded && !socket.destroyed) connection.closedByClient = true;
    };
    socket.on('end', byClient);
    socket.on('error', byClient);
    socket.on('close', () => {
      open--;
    });
    let buffered = Buffer.alloc(0);
    let reads = 0;
    socket.on('data', (data: Buffer) => {
      buffered = Buffer.concat([buffered, data]);
      reads++;
      for (;;) {
        const headEnd = buffered.indexOf('\r\n\r\n');
        if (headEnd === -1) return;
        const head = buffered.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        const total = headEnd + 4 + length;
        if (buffered.length < total) return;
        const bytes = buffered.subarray(0, total);
        buffered = buffered.subarray(total);
        const request = { head, body: bytes.subarray(headEnd + 4), bytes, reads, connection };
        reads = 0;
        requests.push(request);
        void answer(request);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections,
    get open() {
      return open;
    },
    get maxOpen() {
      return maxOpen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: one a server had a moment ago. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
