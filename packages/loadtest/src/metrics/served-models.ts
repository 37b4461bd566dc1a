import { sameServedModel } from '@assay/clients';
import type { ServedModelCounts } from './step-result.js';

/**
 * The run's {@link ServedModelCounts}, when some answer's response named another model than
 * the one asked for ({@link sameServedModel}: a dated or numbered version of it is the same).
 *
 * @param asked - the model id the requests asked for
 * @param served - answers by the model id their response named
 * @returns the mismatch, or undefined when every named id is the model asked for
 * @example
 * ```ts
 * servedModelMismatch('nosuch', new Map([['assay-spam-nb', 40]]));
 * // { asked: 'nosuch', served: { 'assay-spam-nb': 40 } }
 * servedModelMismatch('gpt-4o', new Map([['gpt-4o-2024-08-06', 40]])); // undefined
 * ```
 */
export function servedModelMismatch(
  asked: string,
  served: ReadonlyMap<string, number>,
): ServedModelCounts | undefined {
  if ([...served.keys()].every((id) => sameServedModel(asked, id))) return undefined;
  // most answers first, so the note names the model that answered most
  const entries = [...served].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { asked, served: Object.fromEntries(entries) };
}
