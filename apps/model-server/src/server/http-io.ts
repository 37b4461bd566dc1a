import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body accepted, bytes. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Reads a request body as UTF-8.
 *
 * @param req - the request
 * @returns the body, or `undefined` when it exceeded {@link MAX_BODY_BYTES} or the client went away
 */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(
        chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
      );
    });
    req.on('error', () => resolve(undefined));
  });
}

/**
 * Sends a JSON text with an exact content length.
 *
 * @param res - the response
 * @param status - HTTP status
 * @param body - serialized JSON
 * @param headers - extra headers
 */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: Record<string, string>,
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/**
 * Sends an OpenAI-style error: `{ error: { message, type, param, code } }`.
 *
 * @param res - the response
 * @param status - HTTP status
 * @param message - full sentence for the caller
 * @param options - `type` (default `invalid_request_error`), `param`, `code`, extra headers
 */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  options: {
    type?: string;
    param?: string | null;
    code?: string | null;
    headers?: Record<string, string>;
  } = {},
): void {
  const body = JSON.stringify({
    error: {
      message,
      type: options.type ?? 'invalid_request_error',
      param: options.param ?? null,
      code: options.code ?? null,
    },
  });
  sendJsonText(res, status, body, options.headers);
}

/**
 * Waits, but gives up as soon as the response closes (client abort or server shutdown).
 *
 * @param res - the response whose lifetime bounds the wait
 * @param ms - milliseconds
 * @returns `true` when the response is still open afterwards
 */
export function sleepWhileOpen(res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }, ms);
    res.once('close', onClose);
  });
}
