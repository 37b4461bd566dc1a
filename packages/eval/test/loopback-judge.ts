import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A judge's reply to one request: a text, or an HTTP error status. */
export type LoopbackReply = string | { status: number };

/** A tiny real OpenAI-compatible chat server on 127.0.0.1 whose answers a test decides. */
export interface LoopbackJudge {
  /** its base URL, e.g. `http://127.0.0.1:41234/v1` */
  readonly baseUrl: string;
  /** requests received */
  calls(): number;
  close(): Promise<void>;
}

/**
 * Starts a loopback chat-completions server that answers each request with `reply(user
 * message, call number, request body)`: the judges tests need answers no model server gives (garbage,
 * failures, a verdict that follows the position).
 *
 * @param reply - the answer to the last user message (call numbers start at 1)
 * @returns the running server
 * @example
 * const judge = await startLoopbackJudge(() => 'GRADE: C');
 */
export async function startLoopbackJudge(
  reply: (user: string, call: number, body: Record<string, unknown>) => LoopbackReply,
): Promise<LoopbackJudge> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      calls++;
      const request = JSON.parse(body) as Record<string, unknown> & {
        messages: { role: string; content: string }[];
      };
      const user = request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
      const answer = reply(user, calls, request);
      if (typeof answer !== 'string') {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'judge down', type: 'server_error' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `loopback-${calls}`,
          object: 'chat.completion',
          created: 0,
          model: 'loopback-judge',
          choices: [
            { index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
