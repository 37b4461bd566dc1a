import diagnosticsChannel from 'node:diagnostics_channel';

/** Something worth knowing that did not fail a request. */
export interface ClientWarning {
  /**
   * Stable code: `'RETRY'` (an attempt failed and will be retried), `'CACHE_READ_FAILED'`
   * (an entry could not be read; treated as a miss), `'CACHE_WRITE_FAILED'` (a completion
   * could not be cached; the request still succeeded) or `'SECRET_REDACTED'` (an answer held
   * a secret, replaced by `[redacted]` in the completion: its text is not the server's).
   */
  readonly code: 'RETRY' | 'CACHE_READ_FAILED' | 'CACHE_WRITE_FAILED' | 'SECRET_REDACTED';
  /** A full sentence; never contains an API key or another secret. */
  readonly message: string;
}

/**
 * Name of the `node:diagnostics_channel` on which client warnings are published.
 *
 * @remarks
 * Library code never prints. Subscribe with {@link onClientWarning}; with no subscriber a
 * warning costs nothing.
 */
export const CLIENT_WARNING_CHANNEL = 'assay:clients:warning';

const channel = diagnosticsChannel.channel(CLIENT_WARNING_CHANNEL);

/**
 * Subscribes to client warnings.
 *
 * @param listener - called synchronously with each warning
 * @returns a function that unsubscribes the listener
 * @example
 * ```ts
 * import { createClient, onClientWarning } from '@assay/clients';
 * const codes = [];
 * const off = onClientWarning((w) => codes.push(w.code));
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb' });
 * // the model server answers this request's first attempt with a 503; the retry succeeds
 * await client.complete({ prompt: 'hi', headers: { 'x-assay-fault': 'status=503;fail-first=1;key=doc-example' } });
 * codes; // ['RETRY']
 * off();
 * await client.close();
 * ```
 */
export function onClientWarning(listener: (warning: ClientWarning) => void): () => void {
  const handler = (message: unknown): void => listener(message as ClientWarning);
  diagnosticsChannel.subscribe(CLIENT_WARNING_CHANNEL, handler);
  return () => {
    diagnosticsChannel.unsubscribe(CLIENT_WARNING_CHANNEL, handler);
  };
}

/**
 * Publishes a warning when anyone listens.
 *
 * @param make - builds the warning; called only when the channel has subscribers
 */
export function emitClientWarning(make: () => ClientWarning): void {
  if (channel.hasSubscribers) channel.publish(make());
}
