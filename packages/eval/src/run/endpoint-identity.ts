import { canonicalJson } from '@assay/clients';
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
 * The endpoint identity of a configured model.
 *
 * @param model - the model's configuration
 * @returns provider, base URL (or `endpoint` name), model id and generation parameters
 * @example
 * endpointIdentity({ name: 'nb', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8080/v1', model: 'assay-spam-nb', params: { temperature: 0 } });
 * // { provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8080/v1', model: 'assay-spam-nb', params: { temperature: 0 } }
 */
export function endpointIdentity(model: ModelConfig): EndpointIdentity {
  return {
    provider: model.provider,
    baseUrl: model.endpoint ?? normalizedUrl(model.baseUrl),
    model: model.model,
    params: { ...model.params },
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
 * @param before - the identity recorded in the journal
 * @param after - the identity of this run
 * @returns the changed fields, empty when the identities are the same
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
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => a.get(field) !== b.get(field))
    .map((field) => ({ field, from: a.get(field) ?? '(unset)', to: b.get(field) ?? '(unset)' }));
}

/**
 * A change as the refusal message writes it.
 *
 * @param change - one changed field
 * @returns e.g. `baseUrl http://127.0.0.1:8080/v1 → http://127.0.0.1:9090/v1`
 * @example
 * describeChange({ field: 'params.temperature', from: '0', to: '0.7' }); // 'params.temperature 0 → 0.7'
 */
export function describeChange(change: IdentityChange): string {
  return `${change.field} ${change.from} → ${change.to}`;
}
