import { loadSpamCorpus } from '@assay/spam-assassin';

/** A finished HTTP exchange. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * POSTs JSON and reads the whole body.
 *
 * @param url - full URL
 * @param body - value to send as JSON (strings are sent verbatim)
 * @param headers - extra headers
 * @returns status, headers, body text
 */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** `data:` payloads of an SSE body, in order. */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

const spamSample = loadSpamCorpus(['spam-2'])[0]!;
const hamSample = loadSpamCorpus(['easy-ham-2'])[0]!;

/** A held-out spam e-mail and a held-out ham e-mail. */
export const SAMPLE = { spam: spamSample.text, ham: hamSample.text };

/** A chat request classifying `email`. */
export function chatBody(
  email: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    model: 'assay-spam-nb',
    messages: [
      { role: 'system', content: 'You are a spam filter. Answer spam or ham.' },
      { role: 'user', content: `Classify this e-mail as spam or ham:\n\n${email}` },
    ],
    ...extra,
  };
}

/** Loosely typed JSON, for asserting on response bodies. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not types
export type Json = any;

/** `(await fetch(url)).json()`, typed loosely. */
export async function getJson(url: string): Promise<Json> {
  return (await fetch(url)).json();
}
