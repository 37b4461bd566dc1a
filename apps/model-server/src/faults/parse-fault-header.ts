import { ModelServerError } from '../errors.js';

/** How a faulted request fails. */
export type FailureMode =
  /** Answer with this HTTP status and an OpenAI-style error body. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  /** Destroy the socket before any response byte. */
  | { readonly kind: 'reset' }
  /** 200 with a body that is not valid JSON (streams: one invalid `data:` line). */
  | { readonly kind: 'malformed' }
  /** Cut the body mid-way and end the response cleanly (streams: no finish chunk, no `[DONE]`). */
  | { readonly kind: 'truncate' }
  /** Send headers (streams: the first chunk too), then nothing until the client gives up. */
  | { readonly kind: 'stall' };

/** Added latency before the first response byte. */
export type LatencySpec =
  | { readonly kind: 'fixed'; readonly ms: number }
  /** `exp(N(log(medianMs), sigma^2))` milliseconds. */
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly sigma: number };

/**
 * Fault and load injection settings, server-wide (`ModelServerOptions.faults`) or per request
 * (`x-assay-fault` header, which overrides the server's settings field by field).
 */
export interface FaultOptions {
  /** How a faulted request fails; default `status=503` when `rate` or `failFirst` is set alone. */
  readonly failure?: FailureMode;
  /** Probability in [0, 1] that `failure` applies to a request; default 1. Ignored with `failFirst`. */
  readonly rate?: number;
  /** Deterministic mode: the first `failFirst` requests with the same `key` fail, later ones pass. */
  readonly failFirst?: number;
  /** Counter key for `failFirst`; default `''`. */
  readonly key?: string;
  readonly latency?: LatencySpec;
  /** Delay between streamed tokens, milliseconds. */
  readonly tokenDelayMs?: number;
  /** Header only: `true` (`none`) drops the server's defaults for this request. */
  readonly none?: boolean;
}

function fail(spec: string, message: string): never {
  throw new ModelServerError(
    'INVALID_FAULT_SPEC',
    `Fault spec '${spec}' is invalid: ${message}. Valid directives, separated by ';': ` +
      'status=<400-599>, retry-after=<seconds>, reset, malformed, truncate, stall, ' +
      'latency=<ms>|lognormal:<median-ms>:<sigma>, token-delay=<ms>, rate=<0-1>, fail-first=<n>, ' +
      'key=<text>, none.',
    'x-assay-fault',
  );
}

function number(spec: string, name: string, raw: string, min: number, max: number): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    fail(spec, `${name} is '${raw}', expected a number in [${min}, ${max}]`);
  }
  return value;
}

function parseLatency(spec: string, raw: string): LatencySpec {
  const parts = raw.split(':');
  if (parts.length === 1) return { kind: 'fixed', ms: number(spec, 'latency', raw, 0, 600_000) };
  if (parts[0] === 'fixed' && parts.length === 2) {
    return { kind: 'fixed', ms: number(spec, 'latency', parts[1]!, 0, 600_000) };
  }
  if (parts[0] === 'lognormal' && parts.length === 3) {
    return {
      kind: 'lognormal',
      medianMs: number(spec, 'latency median', parts[1]!, 0, 600_000),
      sigma: number(spec, 'latency sigma', parts[2]!, 0, 10),
    };
  }
  return fail(
    spec,
    `latency is '${raw}', expected <ms>, fixed:<ms> or lognormal:<median-ms>:<sigma>`,
  );
}

/**
 * Parses the fault grammar shared by the `x-assay-fault` header and the `--fault` flag.
 *
 * @remarks
 * Directives are separated by `;` (or `,`), names are case-insensitive, whitespace is ignored:
 * `status=429;retry-after=2`, `status=500`, `reset`, `malformed`, `truncate`, `stall`,
 * `latency=40` or `latency=lognormal:50:0.5`, `token-delay=5`, `rate=0.2` (probability),
 * `fail-first=2;key=test-7` (first 2 requests with key `test-7` fail), `none` (ignore the server's
 * default faults). The last failure directive wins. An empty spec is `{}`.
 *
 * @param spec - the header or flag value
 * @returns the parsed options
 * @throws {@link ModelServerError} `INVALID_FAULT_SPEC` naming the bad directive
 * @example
 * ```ts
 * parseFaultSpec('status=429;retry-after=1;rate=0.5');
 * // { failure: { kind: 'status', status: 429, retryAfterSeconds: 1 }, rate: 0.5 }
 * ```
 */
export function parseFaultSpec(spec: string): FaultOptions {
  const out: {
    -readonly [K in keyof FaultOptions]: FaultOptions[K];
  } = {};
  let status: number | undefined;
  let retryAfter: number | undefined;
  for (const rawDirective of spec.split(/[;,]/)) {
    const directive = rawDirective.trim();
    if (directive === '') continue;
    const eq = directive.indexOf('=');
    const name = (eq === -1 ? directive : directive.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? '' : directive.slice(eq + 1).trim();
    switch (name) {
      case 'status':
        status = number(spec, 'status', value, 400, 599);
        if (!Number.isInteger(status)) fail(spec, `status is '${value}', expected an integer`);
        out.failure = { kind: 'status', status };
        break;
      case 'retry-after':
        retryAfter = number(spec, 'retry-after', value, 0, 86_400);
        break;
      case 'reset':
      case 'malformed':
      case 'truncate':
      case 'stall':
        if (eq !== -1) fail(spec, `'${name}' takes no value`);
        status = undefined;
        out.failure = { kind: name };
        break;
      case 'latency':
        out.latency = parseLatency(spec, value);
        break;
      case 'token-delay':
        out.tokenDelayMs = number(spec, 'token-delay', value, 0, 60_000);
        break;
      case 'rate':
        out.rate = number(spec, 'rate', value, 0, 1);
        break;
      case 'fail-first':
        out.failFirst = number(spec, 'fail-first', value, 0, 1_000_000);
        if (!Number.isInteger(out.failFirst))
          fail(spec, `fail-first is '${value}', expected an integer`);
        break;
      case 'key':
        if (value === '') fail(spec, 'key is empty');
        out.key = value;
        break;
      case 'none':
        out.none = true;
        break;
      default:
        fail(spec, `unknown directive '${name}'`);
    }
  }
  if (retryAfter !== undefined) {
    if (status === undefined) fail(spec, 'retry-after needs a status directive');
    out.failure = { kind: 'status', status, retryAfterSeconds: retryAfter };
  }
  return out;
}

/**
 * Applies a request's fault options over the server's, field by field (`none` drops the server's).
 *
 * @param server - the server-wide defaults
 * @param request - parsed `x-assay-fault` header
 * @returns the effective options
 * @example
 * ```ts
 * import { mergeFaultOptions, parseFaultSpec } from '@assay/model-server';
 * mergeFaultOptions(parseFaultSpec('status=503,rate=0.1'), parseFaultSpec('latency=50'));
 * // { failure: { kind: 'status', status: 503 }, rate: 0.1, latency: { kind: 'fixed', ms: 50 } }
 * ```
 */
export function mergeFaultOptions(server: FaultOptions, request: FaultOptions): FaultOptions {
  if (request.none === true) return { ...request, none: false };
  return { ...server, ...request };
}
