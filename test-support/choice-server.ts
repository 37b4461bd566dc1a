import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A running {@link startChoiceServer}. */
export interface ChoiceServer {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseUrl: string;
  /** chat requests answered so far */
  readonly requests: () => number;
  close(): Promise<void>;
}

/** The lettered choice lines of a prompt (`A) text`), in the order shown. */
function shownChoices(prompt: string): string[] {
  return [...prompt.matchAll(/^([A-Z])\) (.*)$/gmu)].map((m) => m[2]!);
}

/**
 * How each model answers a multiple-choice prompt:
 * - `knows`: the letter of the shown choice that is in `known` (the correct texts), as a
 *   last `Answer: X` line after some reasoning; `I do not know.` when none is;
 * - `first`: always `Answer: A`, whatever A is (the purest position bias);
 * - `says-text`: the known choice's text in lower case, no letter.
 */
function answer(model: string, prompt: string, known: ReadonlySet<string>): string {
  const choices = shownChoices(prompt);
  const at = choices.findIndex((c) => known.has(c));
  switch (model) {
    case 'first':
      return 'The first option looks right.\nAnswer: A';
    case 'says-text':
      return at < 0 ? 'No idea.' : `It is ${choices[at]!.toLowerCase()}.`;
    default:
      return at < 0
        ? 'I do not know.'
        : `Let me think step by step.\nAnswer: ${String.fromCharCode(65 + at)}`;
  }
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A tiny OpenAI-compatible chat server on loopback that answers multiple-choice prompts
 * deterministically from the choices it is shown (see the models above), so a test can
 * predict every answer from the choice orders. Not a mock of an Assay component: a
 * stand-in for a model service, reached over real HTTP by the real client.
 *
 * @param known - the texts of the correct choices
 * @returns the running server
 * @example
 * const server = await startChoiceServer(new Set(['Paris']));
 * await server.close();
 */
export async function startChoiceServer(known: ReadonlySet<string>): Promise<ChoiceServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    void body(req).then((text) => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      requests++;
      const request = JSON.parse(text) as {
        model: string;
        messages: { role: string; content: string }[];
      };
      const prompt = request.messages.at(-1)?.content ?? '';
      const content = answer(request.model, prompt, known);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests}`,
          object: 'chat.completion',
          created: 0,
          model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
