import { createHash } from 'node:crypto';
import { canonicalJson, isCredentialHeader } from '@assay/clients';
import { z } from 'zod';
import type { ModelConfig } from '../config/run-config-schema.js';

/**
 * What decides a model's answers besides the prompt: the service that answers and how it
 * is asked. Part of every journal key, and recorded per model in the journal.
 */
export const EndpointIdentitySchema = z.strictObject({
  /** the client provider, e.g. `openai-chat` */
  provider: z.string(),
  /** the base URL without trailing slashes, or the model's `endpoint` name when it has one */
  baseUrl: z.string(),
  /** the model id sent to the service */
  model: z.string(),
  /** the generation parameters, as configured */
  params: z.record(z.string(), z.unknown()),
  /**
   * the headers sent, `headers` and `headersFromEnv` (with its values as the environment has
   * them) alike: each name lower-cased with a SHA-256 of the name and value (never the value,
   * which may be a token); absent in journals written before headers were recorded
   */
  headers: z.record(z.string(), z.string()).optional(),
  /**
   * an `http-json` model's request: `requestPath`, the body `template` and the answer's
   * response path (`paths.text`), as configured; absent for other
   * providers and in journals written before it was recorded (2026-12-07)
   */
  request: z.record(z.string(), z.unknown()).optional(),
});

/** One model's endpoint identity (see {@link EndpointIdentitySchema}). */
export type EndpointIdentity = z.infer<typeof EndpointIdentitySchema>;

/** A URL in one spelling (`HTTP://Host:80/v1/` and `http://host/v1` are one endpoint). */
function normalizedUrl(url: string): string {
  try {
    return new URL(url).href.replace(/\/+$/, '');
  } catch {
    // An invalid URL is the client's error to report; the identity just keeps the text.
    return url;
  }
}

/**
 * What the identity records of a header that carries a credential instead of its value's
 * hash: its presence only. A gateway token is renewed (hourly, for some) without the answers
 * changing, as the API key is, which is not part of the identity either; hashed, every renewal
 * refused the resume and left only `--fresh`, which pays again for every journaled answer.
 */
export const SECRET_HEADER = 'secret';

/**
 * Header names lower-cased (HTTP names are case-insensitive) with a hash of each value, or
 * {@link SECRET_HEADER} for a credential (named like one, or from `headersFromEnv`, which
 * exists for secrets). The name goes into the hash too, so a common value (`1`, `true`)
 * does not hash alike under every name; the journal is a plain file beside the results and
 * must never hold a token, and a hash does not reveal one. A value merely shaped like a key
 * under another name (`x-model-version: ckpt-20240806-a1b2c3d4e5`) is hashed: recorded by its
 * presence, its change went unseen and a rerun reused the old endpoint's answers.
 */
function headerHashes(
  headers: Readonly<Record<string, string>> | undefined,
  fromEnv: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    out[lower] = isCredentialHeader(name)
      ? SECRET_HEADER
      : createHash('sha256').update(`assay-header\0${lower}\0${value}`).digest('hex');
  }
  for (const name of Object.keys(fromEnv ?? {})) out[name.toLowerCase()] = SECRET_HEADER;
  return out;
}

/**
 * What an `http-json` model's answers depend on besides the base URL and model: the path it
 * posts to, the body it sends, and where it reads the answer. A change of any of them asked
 * another question (or read another field) while the journal's answers stayed: a run credited
 * the new request with 198 answers to the old one.
 */
function httpJsonRequest(model: ModelConfig): Record<string, unknown> | undefined {
  if (model.provider !== 'http-json') return undefined;
  // the answer's path only: the stream, reasoning, finish-reason and count paths change how
  // an answer is timed or counted, as turning on streaming does for openai-chat, not the answer
  return {
    requestPath: model.requestPath ?? '',
    template: model.template ?? null,
    paths: { text: model.paths?.text ?? null },
  };
}

/**
 * The endpoint identity of a configured model.
 *
 * @remarks A header that changes the answers (`x-assay-fault`, a routing header) is recorded
 * by a hash of its value, so a change is refused; a credential (a header named like one, and
 * every `headersFromEnv` header) by its presence only ({@link SECRET_HEADER}), so a
 * renewed token resumes, as a renewed API key does.
 * @param model - the model's configuration
 * @returns provider, base URL (or `endpoint` name), model id, generation parameters and the
 *   headers' names with a hash of each value or `'secret'` (`{}` without headers)
 * @example
 * endpointIdentity({ name: 'nb', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8080/v1', model: 'assay-spam-nb', params: { temperature: 0 } });
 * // { provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8080/v1', model: 'assay-spam-nb', params: { temperature: 0 }, headers: {} }
 * const gateway = { ...config.models[0], headersFromEnv: { 'X-Gateway-Token': 'GATEWAY_TOKEN' } };
 * endpointIdentity(gateway).headers; // { 'x-gateway-token': 'secret' }
 */
export function endpointIdentity(model: ModelConfig): EndpointIdentity {
  const request = httpJsonRequest(model);
  return {
    provider: model.provider,
    baseUrl: model.endpoint ?? normalizedUrl(model.baseUrl),
    model: model.model,
    params: { ...model.params },
    // always present (`{}` without headers): an identity without it is a journal written
    // before headers were recorded, whose headers are unknown; no name is in both maps (the
    // schema refuses that)
    headers: headerHashes(model.headers, model.headersFromEnv),
    ...(request === undefined ? {} : { request }),
  };
}

/** `{ params: { temperature: 0 } }` as `[['params.temperature', '0']]`, leaves only. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, typeof value === 'string' ? value : canonicalJson(value));
  }
}

/** How a change writes a field one of the two identities lacks. */
const UNSET = '(unset)';

/** One field of an endpoint identity that differs between two runs. */
export interface IdentityChange {
  /** the field, e.g. `baseUrl` or `params.temperature` */
  readonly field: string;
  /** its recorded value, `(unset)` when it had none */
  readonly from: string;
  /** its value in this run, `(unset)` when it has none */
  readonly to: string;
}

/**
 * What differs between two endpoint identities, one entry per field.
 *
 * @remarks A recorded identity without `headers` (or an http-json model's `request`) comes
 * from a journal written before they were recorded: they are unknown, so they are not
 * compared (the run then records this run's, and a later change is refused).
 * @param before - the identity recorded in the journal
 * @param after - the identity of this run
 * @returns the changed fields, empty when the identities are the same; a header's `from`
 *   and `to` are hashes, never values
 * @example
 * const recorded = endpointIdentity(config.models[0]);
 * const now = endpointIdentity({ ...config.models[0], params: { ...config.models[0].params, temperature: 0.7 } });
 * identityChanges(recorded, now); // [{ field: 'params.temperature', from: '0', to: '0.7' }]
 */
export function identityChanges(
  before: EndpointIdentity,
  after: EndpointIdentity,
): IdentityChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  // what a journal written before headers (or an http-json request) were recorded lacks is
  // unknown there, and not compared
  flatten(
    {
      ...after,
      ...(before.headers === undefined ? { headers: undefined } : {}),
      ...(before.request === undefined ? { request: undefined } : {}),
    },
    '',
    b,
  );
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  // a credential recorded by a hash (journals before it was marked) is the same header
  const same = (field: string): boolean =>
    a.get(field) === b.get(field) ||
    (field.startsWith('headers.') &&
      a.has(field) &&
      b.has(field) &&
      (a.get(field) === SECRET_HEADER || b.get(field) === SECRET_HEADER));
  return fields
    .filter((field) => !same(field))
    .map((field) => ({ field, from: a.get(field) ?? UNSET, to: b.get(field) ?? UNSET }));
}

/**
 * A change as the refusal message writes it; a header's is `added`, `removed` or `changed`,
 * since its values (hashes of what may be a token) mean nothing to a reader.
 *
 * @param change - one changed field
 * @returns e.g. `baseUrl http://127.0.0.1:8080/v1 → http://127.0.0.1:9090/v1`,
 *   `headers.x-proxy-token changed`
 * @example
 * describeChange({ field: 'params.temperature', from: '0', to: '0.7' }); // 'params.temperature 0 → 0.7'
 * describeChange({ field: 'headers.x-assay-fault', from: '(unset)', to: '9f2c…' }); // 'headers.x-assay-fault added'
 */
export function describeChange(change: IdentityChange): string {
  if (change.field.startsWith('headers.')) {
    if (change.from === UNSET) return `${change.field} added`;
    return `${change.field} ${change.to === UNSET ? 'removed' : 'changed'}`;
  }
  return `${change.field} ${change.from} → ${change.to}`;
}
