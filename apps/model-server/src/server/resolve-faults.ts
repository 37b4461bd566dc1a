import type { IncomingMessage } from 'node:http';
import { ModelServerError } from '../errors.js';
import {
  type FaultOptions,
  mergeFaultOptions,
  parseFaultSpec,
} from '../faults/parse-fault-header.js';
import type { ServerContext } from './context.js';

const MAX_CACHED_SPECS = 1_024;

/**
 * The effective fault options of a request: the server's, overridden by `x-assay-fault`.
 *
 * @param ctx - server context
 * @param req - the request
 * @returns options, or the invalid header's error message
 */
export function resolveFaults(
  ctx: ServerContext,
  req: IncomingMessage,
): { ok: true; faults: FaultOptions } | { ok: false; message: string } {
  const header = req.headers['x-assay-fault'];
  if (header === undefined) return { ok: true, faults: ctx.faults };
  const raw = Array.isArray(header) ? header.join(';') : header;
  let faults = ctx.faultSpecs.get(raw);
  if (faults === undefined) {
    try {
      faults = mergeFaultOptions(ctx.faults, parseFaultSpec(raw));
    } catch (error) {
      if (error instanceof ModelServerError) return { ok: false, message: error.message };
      throw error;
    }
    if (ctx.faultSpecs.size >= MAX_CACHED_SPECS) ctx.faultSpecs.clear();
    ctx.faultSpecs.set(raw, faults);
  }
  return { ok: true, faults };
}
